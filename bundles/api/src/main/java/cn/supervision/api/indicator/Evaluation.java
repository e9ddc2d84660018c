package cn.supervision.api.indicator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A system scored for one unit: the total and, for every node and adjustment item, its score with the
 * explanation of how it was obtained. Amounts are rounded by the system's {@link Rounding} ({@code rounding}: by
 * default 2 decimals, half up, and the aggregation uses exact values); {@code exact} holds the unrounded figures behind
 * the rounded ones, for callers that compute further (e.g. a campaign renormalising categories) and round once at the end.
 */
public record Evaluation(BigDecimal total, BigDecimal baseScore, BigDecimal baseMax, BigDecimal specificScore,
                         BigDecimal specificMax, BigDecimal bonus, BigDecimal deduction, boolean vetoed,
                         boolean topGradeBarred, List<CategoryScore> categories, List<NodeScore> indicators,
                         List<AdjustmentScore> adjustments, List<String> warnings, Rounding rounding, Exact exact) {

    /** An evaluation made without a stated policy: the rounded figures are the exact ones. */
    public Evaluation(BigDecimal total, BigDecimal baseScore, BigDecimal baseMax, BigDecimal specificScore,
                      BigDecimal specificMax, BigDecimal bonus, BigDecimal deduction, boolean vetoed,
                      boolean topGradeBarred, List<CategoryScore> categories, List<NodeScore> indicators,
                      List<AdjustmentScore> adjustments, List<String> warnings) {
        this(total, baseScore, baseMax, specificScore, specificMax, bonus, deduction, vetoed, topGradeBarred, categories,
                indicators, adjustments, warnings, Rounding.DEFAULT, null);
    }

    /**
     * The figures before rounding (after caps, floor and veto, like the rounded ones); {@code categories} maps each
     * category to its exact contribution to the total.
     */
    public record Exact(BigDecimal total, BigDecimal baseScore, BigDecimal specificScore, BigDecimal bonus,
                        BigDecimal deduction, Map<Category, BigDecimal> categories) {
        public Exact {
            categories = categories == null ? Map.of() : Map.copyOf(categories);
        }
    }

    /** The exact contribution of a category when known, else its rounded score. */
    public BigDecimal exactScore(CategoryScore c) {
        BigDecimal v = exact == null ? null : exact.categories().get(c.category());
        return v == null ? c.score() : v;
    }

    /** What the leaves of one category contributed to the total, against what they could have. */
    public record CategoryScore(Category category, BigDecimal score, BigDecimal max) { }

    /** {@code dutyId}: the main duty a leaf of an expanded duty-driven indicator assessed (null elsewhere). */
    public record NodeScore(String code, String name, Category category, BigDecimal weight, BigDecimal score,
                            BigDecimal max, RuleType rule, String standard, String explanation, List<String> steps,
                            String source, List<NodeScore> children, Long dutyId) {

        public NodeScore(String code, String name, Category category, BigDecimal weight, BigDecimal score,
                         BigDecimal max, RuleType rule, String standard, String explanation, List<String> steps,
                         String source, List<NodeScore> children) {
            this(code, name, category, weight, score, max, rule, standard, explanation, steps, source, children, null);
        }
    }

    public record AdjustmentScore(String code, String name, AdjustmentKind kind, BigDecimal amount, boolean triggered,
                                  String explanation, List<String> steps) { }
}
