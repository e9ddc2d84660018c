package cn.supervision.api.task;

/** OPEN until the office closes it as DONE (or CANCELLED with a reason); a closed task may be reopened. Overdue is not a state: see {@link TrackedTask#overdue()}. */
public enum TaskState {
    OPEN("办理中"),
    DONE("已办结"),
    CANCELLED("已撤销");

    private final String label;

    TaskState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
