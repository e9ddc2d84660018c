package cn.supervision.api.registry;

import java.time.Instant;

/**
 * A department or public institution under supervision. {@code code} is unique within its jurisdiction
 * (the office's own code or the unified social credit code); {@code revision} counts every change.
 */
public record Unit(long id, String code, String name, String shortName, UnitKind kind, String jurisdictionCode,
                   Long parentUnitId, UnitStatus status, Mandate mandate, int revision,
                   Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
}
