package cn.supervision.api.indicator;

import java.math.BigDecimal;
import java.util.List;

/**
 * A node of an indicator tree. Leaves (no children) carry a {@link Category} and a {@link RuleSpec};
 * {@code weight} is maximum points (POINTS) or a percentage of the parent (PERCENT).
 * {@code assessmentPoints} is 评估要点 and {@code evidence} the evidence expected (佐证材料).
 */
public record Indicator(String code, String name, String assessmentPoints, String evidence, BigDecimal weight,
                        Category category, IndicatorScope scope, RuleSpec rule, List<Indicator> children) {

    public Indicator {
        children = children == null ? List.of() : List.copyOf(children);
        scope = scope == null ? IndicatorScope.COMMON : scope;
    }

    public boolean leaf() {
        return children.isEmpty();
    }
}
