package cn.supervision.api.rectification;

/** PROPOSED by the deadline rule → RECORDED once the office holds it, or DISMISSED with a reason; recorded directly by the office. */
public enum EscalationState {
    PROPOSED, RECORDED, DISMISSED
}
