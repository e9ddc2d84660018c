package cn.supervision.registry.rest;

import java.time.Instant;

import cn.supervision.api.registry.Staffing;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitKind;
import cn.supervision.api.registry.UnitStatus;

/**
 * A unit as listed: what a table, a picker or a name lookup needs, with the mandate reduced to its counts and approved
 * staffing. The duties' text is what made a jurisdiction's list heavy; it is read from {@code GET /v1/units/{id}}.
 * Fields keep the order of {@link Unit} so that a listed unit reads like the full one up to its mandate.
 */
public record UnitSummary(long id, String code, String name, String shortName, UnitKind kind, String jurisdictionCode,
                          Long parentUnitId, UnitStatus status, int revision, Instant updatedAt,
                          int dutyCount, int internalBodyCount, Staffing staffing) {

    static UnitSummary of(Unit u) {
        return new UnitSummary(u.id(), u.code(), u.name(), u.shortName(), u.kind(), u.jurisdictionCode(), u.parentUnitId(),
                u.status(), u.revision(), u.updatedAt(), u.mandate().duties().size(), u.mandate().internalBodies().size(),
                u.mandate().staffing());
    }
}
