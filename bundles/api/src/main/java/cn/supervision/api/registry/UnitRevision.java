package cn.supervision.api.registry;

import java.time.Instant;

/** One entry of a unit's history: what happened, why, who did it, and the unit as it was afterwards. */
public record UnitRevision(int revision, UnitChange change, UnitStatus status, String reason, Long successorUnitId,
                           String changedBy, Instant changedAt, Unit snapshot) {
}
