package cn.supervision.indicator.internal;

import static cn.supervision.indicator.internal.Decimals.HUNDRED;
import static cn.supervision.indicator.internal.Decimals.fmt;
import static cn.supervision.indicator.internal.Problems.error;

import java.math.BigDecimal;
import java.util.List;

import cn.supervision.api.indicator.Aggregation;
import cn.supervision.api.indicator.Indicator;
import cn.supervision.api.indicator.IndicatorScope;
import cn.supervision.api.indicator.SystemDefinition;
import cn.supervision.api.indicator.ValidationProblem;

/**
 * Whether the weights add up: in POINTS the children's points make their parent's and the first level makes the full
 * score; in PERCENT every set of siblings makes 100%. Common and unit-specific indicators are each a whole of their own.
 */
final class WeightCheck {
    private WeightCheck() {
    }

    /** Only when the definition says how it aggregates and what the base is worth; otherwise there is nothing to add up to. */
    static void roots(List<ValidationProblem> out, SystemDefinition d) {
        if (d.aggregation() == null || d.baseMax() == null) {
            return;
        }
        roots(out, d, IndicatorScope.COMMON, d.baseMax());
        BigDecimal specific = d.specificMax() == null ? BigDecimal.ZERO : d.specificMax();
        boolean hasSpecific = d.indicators().stream().anyMatch(i -> i.scope() == IndicatorScope.UNIT_SPECIFIC);
        if (hasSpecific && specific.signum() == 0) {
            out.add(error("specificMax", "有个性指标时必须设定个性指标满分（如 20）"));
        } else if (hasSpecific) {
            roots(out, d, IndicatorScope.UNIT_SPECIFIC, specific);
        }
    }

    private static void roots(List<ValidationProblem> out, SystemDefinition d, IndicatorScope scope, BigDecimal max) {
        List<Indicator> roots = d.indicators().stream().filter(i -> i.scope() == scope && i.weight() != null).toList();
        if (roots.isEmpty()) {
            if (scope == IndicatorScope.COMMON) {
                out.add(error("indicators", "没有共性指标"));
            }
            return;
        }
        BigDecimal sum = roots.stream().map(Indicator::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        String part = scope == IndicatorScope.COMMON ? "共性指标" : "个性指标";
        if (d.aggregation() == Aggregation.POINTS && sum.compareTo(max) != 0) {
            out.add(error("indicators", part + "一级指标分值合计 " + fmt(sum) + "，应等于满分 " + fmt(max)));
        } else if (d.aggregation() == Aggregation.PERCENT && sum.compareTo(HUNDRED) != 0) {
            out.add(error("indicators", part + "一级指标权重合计 " + fmt(sum) + "%，应为 100%"));
        }
    }

    /** A child without a weight is reported on its own; the sum is checked only when every child has one. */
    static void children(List<ValidationProblem> out, String path, Indicator n, Aggregation aggregation) {
        if (n.weight() == null || aggregation == null || !n.children().stream().allMatch(c -> c.weight() != null)) {
            return;
        }
        BigDecimal sum = n.children().stream().map(Indicator::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (aggregation == Aggregation.POINTS && sum.compareTo(n.weight()) != 0) {
            out.add(error(path, "下级指标分值合计 " + fmt(sum) + "，应等于本指标分值 " + fmt(n.weight())));
        } else if (aggregation == Aggregation.PERCENT && sum.compareTo(HUNDRED) != 0) {
            out.add(error(path, "下级指标权重合计 " + fmt(sum) + "%，应为 100%"));
        }
    }
}
