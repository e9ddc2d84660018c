package cn.supervision.api.indicator;

public enum VetoEffect {
    /** 一票否决: the total becomes 0. */
    ZERO_TOTAL,
    /** 一票否优: the unit cannot get the top grade. */
    BAR_TOP_GRADE
}
