package cn.supervision.api.cooperation;

/** A department's feedback on a referred lead. */
public enum FeedbackKind {
    /** 立案/受理. */
    ACCEPTED(ReferralState.ACCEPTED),
    /** 不予受理: the reason is mandatory. */
    NOT_ACCEPTED(ReferralState.NOT_ACCEPTED),
    /** 处理结果: the text is mandatory, a file the department uploaded to the referral may be named. */
    RESULT(ReferralState.CONCLUDED);

    private final ReferralState to;

    FeedbackKind(ReferralState to) {
        this.to = to;
    }

    public ReferralState to() {
        return to;
    }
}
