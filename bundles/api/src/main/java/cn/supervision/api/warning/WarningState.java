package cn.supervision.api.warning;

import java.util.Set;

/**
 * TO_DISPATCH (待下发) → DISPATCHED (已下发, the unit sees it) → VERIFYING (核查中) → CLOSED (已销号, with a reason);
 * an open warning may instead be CONVERTED into a finding; a false alarm may be closed before dispatch.
 */
public enum WarningState {
    TO_DISPATCH("待下发"),
    DISPATCHED("已下发"),
    VERIFYING("核查中"),
    CLOSED("已销号"),
    CONVERTED("已转为问题");

    private final String label;

    WarningState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean open() {
        return this != CLOSED && this != CONVERTED;
    }

    /** Whether the unit has been told (what {@code Target.published} means for warnings). */
    public boolean dispatched() {
        return this != TO_DISPATCH;
    }

    public Set<WarningState> next() {
        return switch (this) {
            case TO_DISPATCH -> Set.of(DISPATCHED, CLOSED, CONVERTED);
            case DISPATCHED -> Set.of(VERIFYING, CONVERTED);
            case VERIFYING -> Set.of(CLOSED, CONVERTED);
            case CLOSED, CONVERTED -> Set.of();
        };
    }
}
