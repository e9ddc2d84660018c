package cn.supervision.api.followup;

import java.util.Set;

/** PROPOSED (recorded by the office) → DECIDED (the measure taken or the committee's decision, with its outcome) → CLOSED. */
public enum AccountabilityStatus {
    PROPOSED("已提出"),
    DECIDED("已决定"),
    CLOSED("已办结");

    private final String label;

    AccountabilityStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public Set<AccountabilityStatus> next() {
        return switch (this) {
            case PROPOSED -> Set.of(DECIDED);
            case DECIDED -> Set.of(CLOSED);
            case CLOSED -> Set.of();
        };
    }
}
