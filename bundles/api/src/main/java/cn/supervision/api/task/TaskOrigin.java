package cn.supervision.api.task;

/** Where a tracked task comes from: a leader's instruction on a special report, or a joint-meeting decision. */
public enum TaskOrigin {
    /** {@code originId}: the instruction's id (report bundle). */
    INSTRUCTION("领导批示"),
    /** {@code originId}: the decision's id (meeting bundle). */
    MEETING_DECISION("联席会议决定");

    private final String label;

    TaskOrigin(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
