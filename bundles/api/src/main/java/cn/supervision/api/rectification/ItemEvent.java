package cn.supervision.api.rectification;

/** What happens to an item; the item's transition table says in which states each is allowed. */
public enum ItemEvent {
    PLAN, PROGRESS, CLAIM, ACCEPT, RETURN, MARK_OVERDUE, VISIT_PASS, VISIT_FAIL
}
