package cn.supervision.api.survey;

/**
 * How answers become an indicator value (0–100) for one target unit; only valid (not excluded) responses count.
 * <ul>
 * <li>SATISFACTION_RATE: (非常满意 + 满意) ÷ valid satisfaction answers × 100 — the 满意率 in percent.</li>
 * <li>MEAN_SCORE: the mean of scored answers on a 100-point scale, each level 1–5 (satisfaction or rating) × 20
 * (非常满意 / 5 stars = 100, 满意 / 4 = 80, 基本满意 / 3 = 60, 不满意 / 2 = 40, 非常不满意 / 1 = 20).</li>
 * </ul>
 * Both are computed with BigDecimal and rounded to 2 decimals half up.
 */
public enum Conversion {
    SATISFACTION_RATE,
    MEAN_SCORE
}
