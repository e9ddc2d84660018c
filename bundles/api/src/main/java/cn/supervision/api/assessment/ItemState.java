package cn.supervision.api.assessment;

/**
 * PROPOSED (generated from a special campaign's result by a mapping rule) → CONFIRMED or DROPPED by the office (either
 * decision may be reversed while the item is in force); SUPERSEDED once a new mapping or result revision derives the
 * item anew (or no longer derives it). Only CONFIRMED items count in the final points.
 */
public enum ItemState {
    PROPOSED("待确认"),
    CONFIRMED("已确认"),
    DROPPED("已舍弃"),
    SUPERSEDED("已失效");

    private final String label;

    ItemState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
