package cn.supervision.api.rectification;

/** What happens to a notice as a whole. */
public enum NoticeEvent {
    MARK_OVERDUE, ALL_ACCEPTED, VISIT_PASS, VISIT_FAIL
}
