package cn.supervision.api.report;

/**
 * The tracked tasks of an instruction (or of a whole report), counted when read: {@code open} includes
 * {@code overdue}; {@code allDone}: at least one task and none open.
 */
public record TaskSummary(int total, int open, int overdue, int done, int cancelled, boolean allDone) {

    public static final TaskSummary NONE = new TaskSummary(0, 0, 0, 0, 0, false);

    public TaskSummary plus(TaskSummary o) {
        int t = total + o.total;
        int op = open + o.open;
        return new TaskSummary(t, op, overdue + o.overdue, done + o.done, cancelled + o.cancelled, t > 0 && op == 0);
    }
}
