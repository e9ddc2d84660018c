package cn.supervision.api.indicator;

/** Items outside the base: 加分, 扣分, and 一票否决 / 一票否优. */
public enum AdjustmentKind {
    BONUS, DEDUCTION, VETO
}
