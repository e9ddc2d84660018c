package cn.supervision.api.cooperation;

/**
 * A department's feedback: {@code text} is the acceptance note (optional), the reason for not accepting or the result
 * (mandatory); {@code fileId} names a file the department uploaded to this referral (RESULT only, optional).
 */
public record ReferralFeedback(FeedbackKind kind, String text, Long fileId) {
}
