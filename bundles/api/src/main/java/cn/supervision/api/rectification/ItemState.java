package cn.supervision.api.rectification;

/** One finding of a notice, answered by the unit and reviewed by the office. */
public enum ItemState {
    NOTIFIED("待报整改方案"),
    PLANNED("已报整改方案"),
    IN_PROGRESS("整改中"),
    RETURNED("已退回"),
    OVERDUE("已逾期"),
    CLAIMED("已申请销号"),
    ACCEPTED("已销号待回访"),
    VISIT_FAILED("回访整改不到位"),
    CLOSED("整改到位");

    private final String label;

    ItemState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
