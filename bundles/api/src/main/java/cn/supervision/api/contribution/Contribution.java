package cn.supervision.api.contribution;

import java.time.Instant;
import java.util.List;

/**
 * A contribution bundle as the platform recorded it: keyed by symbolic name + version + content hash (never by
 * bundle id, which changes across reinstalls), with the SHA-256 of the uploaded jar and who uploaded it when
 * it came through REST.
 */
public record Contribution(long id, String symbolicName, String version, String jurisdictionCode, ContributionState state,
                           String contentHash, String jarSha256, String channel, String installedBy, Instant installedAt,
                           Instant updatedAt, int units, int indicatorSystems, List<String> reasons) {
    public Contribution {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
