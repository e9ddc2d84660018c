package cn.supervision.api.followup;

/** OPEN → IN_RECTIFICATION (taken up by a notice) → RECTIFIED (its item accepted and followed up); WITHDRAWN with a reason. */
public enum FindingState {
    OPEN,
    IN_RECTIFICATION,
    RECTIFIED,
    WITHDRAWN
}
