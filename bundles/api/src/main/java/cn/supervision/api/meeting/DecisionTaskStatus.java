package cn.supervision.api.meeting;

/** How a decision's task stands, as the task service reports it to the reader. */
public enum DecisionTaskStatus {
    OPEN("办理中"), OVERDUE("已逾期"), DONE("已办结"), CANCELLED("已撤销");

    private final String label;

    DecisionTaskStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
