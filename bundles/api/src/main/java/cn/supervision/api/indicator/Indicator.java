package cn.supervision.api.indicator;

import java.math.BigDecimal;
import java.util.List;

/**
 * A node of an indicator tree. Leaves (no children) carry a {@link Category} and a {@link RuleSpec};
 * {@code weight} is maximum points (POINTS) or a percentage of the parent (PERCENT).
 * {@code assessmentPoints} is 评估要点 and {@code evidence} the evidence expected (佐证材料).
 * {@code perDuty} declares a duty-driven leaf (see {@link DutyPart}); once expanded for a unit it keeps
 * {@code perDuty}, gains one child per duty, and each child carries the {@code dutyId} it assesses (its weight is its
 * percentage share of the parent, its rule the parent's).
 */
public record Indicator(String code, String name, String assessmentPoints, String evidence, BigDecimal weight,
                        Category category, IndicatorScope scope, RuleSpec rule, List<Indicator> children,
                        DutyPart perDuty, Long dutyId) {

    public Indicator {
        children = children == null ? List.of() : List.copyOf(children);
        scope = scope == null ? IndicatorScope.COMMON : scope;
    }

    /** An indicator with nothing to do with duties. */
    public Indicator(String code, String name, String assessmentPoints, String evidence, BigDecimal weight,
                     Category category, IndicatorScope scope, RuleSpec rule, List<Indicator> children) {
        this(code, name, assessmentPoints, evidence, weight, category, scope, rule, children, null, null);
    }

    /** A duty-driven leaf already expanded for a unit: its children are per duty. */
    public boolean expanded() {
        return perDuty != null && !children.isEmpty();
    }

    public boolean leaf() {
        return children.isEmpty();
    }
}
