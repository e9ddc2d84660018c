package cn.supervision.api.cooperation;

import java.util.Set;

/**
 * SENT → ACKNOWLEDGED (签收) → ACCEPTED (立案/受理) → CONCLUDED (处理结果); ACKNOWLEDGED → NOT_ACCEPTED (不予受理, with
 * the reason) or straight to CONCLUDED. NOT_ACCEPTED and CONCLUDED are final.
 */
public enum ReferralState {
    SENT("已移送"),
    ACKNOWLEDGED("已签收"),
    ACCEPTED("已受理"),
    NOT_ACCEPTED("不予受理"),
    CONCLUDED("已反馈处理结果");

    private final String label;

    ReferralState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Still waiting for the department's first feedback (what can be overdue). */
    public boolean awaitingFeedback() {
        return this == SENT || this == ACKNOWLEDGED;
    }

    public boolean isFinal() {
        return this == NOT_ACCEPTED || this == CONCLUDED;
    }

    /** The states a feedback of {@code kind} may be given from. */
    public static Set<ReferralState> feedbackFrom(FeedbackKind kind) {
        return switch (kind) {
            case ACCEPTED, NOT_ACCEPTED -> Set.of(ACKNOWLEDGED);
            case RESULT -> Set.of(ACKNOWLEDGED, ACCEPTED);
        };
    }
}
