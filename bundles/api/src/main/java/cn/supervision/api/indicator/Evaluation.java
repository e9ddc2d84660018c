package cn.supervision.api.indicator;

import java.math.BigDecimal;
import java.util.List;

/**
 * A system scored for one unit: the total and, for every node and adjustment item, its score with the
 * explanation of how it was obtained. Amounts are rounded to 2 decimals, half up, at every node.
 */
public record Evaluation(BigDecimal total, BigDecimal baseScore, BigDecimal baseMax, BigDecimal specificScore,
                         BigDecimal specificMax, BigDecimal bonus, BigDecimal deduction, boolean vetoed,
                         boolean topGradeBarred, List<CategoryScore> categories, List<NodeScore> indicators,
                         List<AdjustmentScore> adjustments, List<String> warnings) {

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
