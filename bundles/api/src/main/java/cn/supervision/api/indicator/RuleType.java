package cn.supervision.api.indicator;

/** The scoring-rule catalogue. Every rule scores in its indicator's own scale (see {@link RuleSpec}). */
public enum RuleType {
    /** Full marks minus points per verified case (or tiers by number of cases), floored at 0. */
    DEDUCT_PER_OCCURRENCE,
    /** Points per case, capped. */
    BONUS_PER_OCCURRENCE,
    /** A value (e.g. a rate) falls into one interval with explicit open/closed bounds: a score, or a deduction from full marks. */
    BANDS,
    /** A value between two anchors gives proportional points, clamped to the anchors' scores. */
    LINEAR,
    /** actual / target × full marks, capped. */
    RATIO,
    /** Qualitative grading on a labelled scale by one or more evaluators, combined by mean or trimmed mean. */
    GRADE,
    /** A named state (e.g. of a rectification) maps to a score. */
    STATE,
    /** Triggered or not: used by veto items. */
    VETO,
    /** A {@link ScoringRule} service found in the OSGi registry by id. */
    CUSTOM;

    /** 定性赋分 rules need evaluators' judgement; the others are 定量计分. */
    public boolean qualitative() {
        return this == GRADE;
    }
}
