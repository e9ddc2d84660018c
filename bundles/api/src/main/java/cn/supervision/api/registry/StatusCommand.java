package cn.supervision.api.registry;

/** A change of a unit's status; MERGED names the unit it was merged into. The reason is mandatory. */
public record StatusCommand(UnitStatus status, String reason, Long successorUnitId) {
}
