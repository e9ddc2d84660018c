package cn.supervision.api.rectification;

/**
 * A rectification notice (整改通知): ISSUED → OVERDUE (an item passed the deadline) → AWAITING_VISIT (every item
 * accepted, 销号) → CLOSED (回访 整改到位) or VISIT_FAILED (回访 整改不到位, visited again until it passes).
 */
public enum NoticeState {
    ISSUED("整改中"),
    OVERDUE("已逾期"),
    AWAITING_VISIT("待回访"),
    VISIT_FAILED("回访未通过"),
    CLOSED("已办结");

    private final String label;

    NoticeState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
