package cn.supervision.api.campaign;

/**
 * What happens to a unit's self-report entered after the collection deadline (the end of that day in Asia/Shanghai):
 * refused as a conflict, or accepted and flagged late. A plan that does not say is {@link #MARK_LATE}.
 */
public enum LatePolicy {
    /**
     * Refused (conflict) once the deadline day has ended; a report the office returned may still be answered (flagged
     * late).
     */
    REFUSE,
    /** Accepted, and the record carries {@code late = true}. */
    MARK_LATE
}
