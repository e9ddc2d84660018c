package cn.supervision.api.survey;

/** How a question is answered. */
public enum QuestionType {
    /** Five levels: 5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意. */
    SATISFACTION,
    /** A rating of 1–5 (stars) on one dimension, e.g. 响应速度. */
    RATING,
    /** Free text (意见建议); never scored. */
    TEXT;

    static final String[] SATISFACTION_LABELS = {"非常不满意", "不满意", "基本满意", "满意", "非常满意"};

    /** The Chinese label of a satisfaction level 1–5. */
    public static String satisfactionLabel(int level) {
        return SATISFACTION_LABELS[level - 1];
    }

    /** The level 1–5 of a satisfaction label, or 0. */
    public static int satisfactionLevel(String label) {
        for (int i = 0; i < SATISFACTION_LABELS.length; i++) {
            if (SATISFACTION_LABELS[i].equals(label == null ? null : label.trim())) {
                return i + 1;
            }
        }
        return 0;
    }
}
