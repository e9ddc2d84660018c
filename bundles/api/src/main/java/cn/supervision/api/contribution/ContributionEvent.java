package cn.supervision.api.contribution;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a contribution bundle's history. Events are only ever appended: an install, an update, a refusal and
 * an uninstall each leave their own entry, so a later refusal of the same content never hides an earlier install.
 *
 * @param channel        how the jar arrived: {@code rest} (upload), {@code deploy} (the deploy folder), {@code boot}
 *                       (a feature), {@code shell}
 * @param actor          the uploader's user name, or the operator channel
 * @param jurisdictionCode the jurisdiction the jar's manifest declares (null when it declares none)
 * @param contributionId the record the event belongs to, when one exists (a refusal before install has none)
 */
public record ContributionEvent(long id, Instant at, ContributionEventType type, String symbolicName, String version,
                                Long contributionId, String channel, String actor, String jurisdictionCode,
                                String jarSha256, String contentHash, List<String> reasons) {
    public ContributionEvent {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
