package cn.supervision.api.survey;

import cn.supervision.api.campaign.InputSource;
import cn.supervision.api.indicator.Category;

/** The two questionnaire channels of the corroboration view. */
public enum QuestionnaireKind {
    /** 部门互评: units rate each other's cooperation; respondents are UNIT_USERs. */
    PEER_REVIEW,
    /** 社会评议: service users and stakeholders answer on a phone, with one-time tokens or an open link. */
    PUBLIC_EVALUATION;

    public Category category() {
        return Category.valueOf(name());
    }

    public InputSource inputSource() {
        return InputSource.valueOf(name());
    }
}
