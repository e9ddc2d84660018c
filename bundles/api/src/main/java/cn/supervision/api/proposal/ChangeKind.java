package cn.supervision.api.proposal;

/** What one change of a proposal does to the registry. */
public enum ChangeKind {
    /** Duty {@code dutyNumber} of the unit moves to {@code otherUnitId} (re-worded by {@code text} when given). */
    MOVE_DUTY("调整职责（划转）"),
    /** Duty {@code dutyNumber} of the unit is re-worded to {@code text}, clarifying its boundary with {@code otherUnitId}. */
    CLARIFY_DUTY("厘清职责边界"),
    /** Adds the internal body {@code internalBody}. */
    ADD_INTERNAL_BODY("增设内设机构"),
    /** Removes the internal body {@code internalBody}. */
    REMOVE_INTERNAL_BODY("撤销内设机构"),
    /** Sets the approved staffing numbers to {@code staffing}. */
    SET_STAFFING("调整核定编制"),
    /**
     * The intake plan (用编进人计划): {@code count} people into {@code slotKind} slots in {@code year}. The registry has no
     * intake model, so it is recorded as part of the approved decision and changes no unit.
     */
    INTAKE_PLAN("用编进人计划");

    private final String label;

    ChangeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
