package cn.supervision.api.meeting;

/**
 * One agenda item as scheduled. {@code refTitle} is the linked record's title when the meeting was scheduled (a
 * snapshot: the minutes say what was discussed even if the record changes later); null for NONE (and for a
 * SPECIAL_REPORT taken by id while the special-report service was not running).
 * {@code link} is the record's API path.
 */
public record AgendaItem(int no, String title, AgendaLinkKind kind, Long refId, String refTitle, String link) {
}
