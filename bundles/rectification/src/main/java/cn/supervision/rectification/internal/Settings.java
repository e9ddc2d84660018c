package cn.supervision.rectification.internal;

/**
 * etc/cn.supervision.rectification.cfg, updated in place by Blueprint (container-managed properties) so a change
 * applies to the next call without restarting the bundle.
 */
public class Settings {
    /** Deadline of a notice when the office gives none: days from the day of issue. */
    private volatile int defaultDeadlineDays = 30;
    /** The unit is reminded this many days before its deadline. */
    private volatile int remindDaysBefore = 7;
    /**
     * An item not yet claimed is OVERDUE from deadline + this many days: 1 (the day after the deadline) by default;
     * 0 counts the deadline day itself as late.
     */
    private volatile int overdueGraceDays = 1;
    /** An item overdue this many days makes the pass propose a 约谈 for the office to confirm (negative: never). */
    private volatile int escalateAfterOverdueDays = 15;
    /** The follow-up visit is due this many days after the last item is accepted. */
    private volatile int visitAfterDays = 90;
    /** After a failed visit, the next one is due this many days later. */
    private volatile int revisitAfterDays = 30;

    public int getDefaultDeadlineDays() { return defaultDeadlineDays; }
    public void setDefaultDeadlineDays(int v) { this.defaultDeadlineDays = v; }
    public int getRemindDaysBefore() { return remindDaysBefore; }
    public void setRemindDaysBefore(int v) { this.remindDaysBefore = v; }
    public int getOverdueGraceDays() { return overdueGraceDays; }
    public void setOverdueGraceDays(int v) { this.overdueGraceDays = v; }
    public int getEscalateAfterOverdueDays() { return escalateAfterOverdueDays; }
    public void setEscalateAfterOverdueDays(int v) { this.escalateAfterOverdueDays = v; }
    public int getVisitAfterDays() { return visitAfterDays; }
    public void setVisitAfterDays(int v) { this.visitAfterDays = v; }
    public int getRevisitAfterDays() { return revisitAfterDays; }
    public void setRevisitAfterDays(int v) { this.revisitAfterDays = v; }
}
