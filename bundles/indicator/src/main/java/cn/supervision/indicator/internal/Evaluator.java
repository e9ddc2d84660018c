package cn.supervision.indicator.internal;

import static cn.supervision.indicator.internal.Decimals.DIVISION;
import static cn.supervision.indicator.internal.Decimals.HUNDRED;
import static cn.supervision.indicator.internal.Decimals.fmt;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import cn.supervision.api.indicator.Adjustment;
import cn.supervision.api.indicator.AdjustmentKind;
import cn.supervision.api.indicator.Aggregation;
import cn.supervision.api.indicator.Category;
import cn.supervision.api.indicator.Evaluation;
import cn.supervision.api.indicator.Evaluation.AdjustmentScore;
import cn.supervision.api.indicator.Evaluation.CategoryScore;
import cn.supervision.api.indicator.Evaluation.NodeScore;
import cn.supervision.api.indicator.Indicator;
import cn.supervision.api.indicator.IndicatorInput;
import cn.supervision.api.indicator.IndicatorScope;
import cn.supervision.api.indicator.Rounding;
import cn.supervision.api.indicator.RuleResult;
import cn.supervision.api.indicator.SystemDefinition;
import cn.supervision.api.indicator.VetoEffect;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;

/**
 * Scores a valid system for one unit.
 * <ul>
 * <li>POINTS: a leaf scores within its points; a parent is the sum of its children.</li>
 * <li>PERCENT: a leaf scores 0–100; a parent is Σ child × child weight / 100; a part's total is
 *     Σ root × root weight / 100 × the part's maximum / 100.</li>
 * <li>total = common part + unit-specific part + min(Σ bonus, bonusCap) − min(Σ deductions, deductionCap),
 *     never below 0; a triggered ZERO_TOTAL veto makes it 0, a BAR_TOP_GRADE veto bars the top grade.</li>
 * </ul>
 * A leaf without input counts 0 and is listed in {@code warnings}. Rounding follows the system's {@link Rounding}: by
 * default nodes aggregate with their exact scores and only what is shown is rounded (as the office's spreadsheet does);
 * under {@code EVERY_NODE} each node's rounded score is what its parent adds up.
 */
final class Evaluator {
    private final RuleEngine rules;

    Evaluator(RuleEngine rules) {
        this.rules = rules;
    }

    private record Context(SystemDefinition d, Rounding rounding, Map<String, IndicatorInput> inputs, List<String> warnings,
                           List<FieldError> inputErrors, Map<Category, BigDecimal[]> categories) {
        BigDecimal round(BigDecimal v) {
            return rounding.round(v);
        }
    }

    /** A node as shown (rounded) and the value its parent aggregates (exact, or rounded under EVERY_NODE). */
    private record Scored(NodeScore shown, BigDecimal value) { }

    /** An adjustment item as shown and the amount the totals add up when it is triggered. */
    private record Adjusted(AdjustmentScore shown, BigDecimal value) { }

    Evaluation evaluate(SystemDefinition d, Map<String, IndicatorInput> inputs) {
        Rounding rounding = Rounding.of(d);
        Context ctx = new Context(d, rounding, inputs == null ? Map.of() : inputs, new ArrayList<>(), new ArrayList<>(),
                new EnumMap<>(Category.class));
        BigDecimal specificMax = d.specificMax() == null ? BigDecimal.ZERO : d.specificMax();
        List<NodeScore> nodes = new ArrayList<>();
        BigDecimal base = BigDecimal.ZERO;
        BigDecimal specific = BigDecimal.ZERO;
        for (Indicator root : d.indicators()) {
            BigDecimal partMax = root.scope() == IndicatorScope.COMMON ? d.baseMax() : specificMax;
            // a leaf point's share of the total: 1 in POINTS; in PERCENT the product of weights along the path
            BigDecimal factor = d.aggregation() == Aggregation.POINTS ? BigDecimal.ONE
                    : root.weight().divide(HUNDRED, DIVISION).multiply(partMax.divide(HUNDRED, DIVISION));
            Scored s = node(ctx, root, factor);
            nodes.add(s.shown());
            BigDecimal contribution = d.aggregation() == Aggregation.POINTS ? s.value() : rounding.atNode(s.value().multiply(factor));
            if (root.scope() == IndicatorScope.COMMON) {
                base = base.add(contribution);
            } else {
                specific = specific.add(contribution);
            }
        }
        List<AdjustmentScore> adjustments = new ArrayList<>();
        BigDecimal bonus = BigDecimal.ZERO;
        BigDecimal deduction = BigDecimal.ZERO;
        boolean vetoed = false;
        boolean barred = false;
        for (Adjustment a : d.adjustments()) {
            Adjusted s = adjustment(ctx, a);
            adjustments.add(s.shown());
            if (!s.shown().triggered()) {
                continue;
            }
            switch (a.kind()) {
                case BONUS -> bonus = bonus.add(s.value());
                case DEDUCTION -> deduction = deduction.add(s.value());
                case VETO -> {
                    vetoed |= a.vetoEffect() == VetoEffect.ZERO_TOTAL;
                    barred |= a.vetoEffect() == VetoEffect.BAR_TOP_GRADE;
                }
            }
        }
        if (!ctx.inputErrors().isEmpty()) {
            throw SupervisionException.invalid("有 " + ctx.inputErrors().size() + " 项输入无法计分", ctx.inputErrors());
        }
        if (d.bonusCap() != null && bonus.compareTo(d.bonusCap()) > 0) {
            ctx.warnings().add("加分合计 " + fmt(ctx.round(bonus)) + " 超过上限 " + fmt(d.bonusCap()) + "，按上限计");
            bonus = d.bonusCap();
        }
        if (d.deductionCap() != null && deduction.compareTo(d.deductionCap()) > 0) {
            ctx.warnings().add("扣分合计 " + fmt(ctx.round(deduction)) + " 超过上限 " + fmt(d.deductionCap()) + "，按上限计");
            deduction = d.deductionCap();
        }
        BigDecimal total = base.add(specific).add(bonus).subtract(deduction).max(BigDecimal.ZERO);
        if (vetoed) {
            ctx.warnings().add("触发一票否决，总分记为 0（否决前 " + fmt(ctx.round(total)) + " 分）");
            total = BigDecimal.ZERO;
        }
        List<CategoryScore> categories = new ArrayList<>();
        Map<Category, BigDecimal> exactCategories = new EnumMap<>(Category.class);
        ctx.categories().forEach((c, v) -> {
            categories.add(new CategoryScore(c, ctx.round(v[0]), ctx.round(v[1])));
            exactCategories.put(c, v[0]);
        });
        return new Evaluation(ctx.round(total), ctx.round(base), d.baseMax(), ctx.round(specific), d.specificMax(),
                ctx.round(bonus), ctx.round(deduction), vetoed, barred, categories, nodes, adjustments,
                List.copyOf(ctx.warnings()), rounding, new Evaluation.Exact(total, base, specific, bonus, deduction, exactCategories));
    }

    private Scored node(Context ctx, Indicator n, BigDecimal factor) {
        boolean points = ctx.d().aggregation() == Aggregation.POINTS;
        BigDecimal max = points ? n.weight() : HUNDRED;
        if (n.expanded()) {
            return perDuty(ctx, n, factor, max);
        }
        return n.leaf() ? leaf(ctx, n, factor, max) : parent(ctx, n, factor, points, max);
    }

    /**
     * An expanded duty-driven leaf: every duty is scored by the leaf's rule on the leaf's own scale, the leaf is their
     * mean weighted by the duties' shares (percent).
     */
    private Scored perDuty(Context ctx, Indicator n, BigDecimal factor, BigDecimal max) {
        List<NodeScore> children = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        List<String> parts = new ArrayList<>();
        for (Indicator c : n.children()) {
            Scored s = leaf(ctx, c, factor.multiply(c.weight().divide(HUNDRED, DIVISION)), max);
            children.add(s.shown());
            sum = sum.add(s.value().multiply(c.weight()).divide(HUNDRED, DIVISION));
            parts.add(fmt(s.shown().score()) + "×" + fmt(c.weight()) + "%");
        }
        BigDecimal value = ctx.rounding().atNode(sum);
        String explanation = "按 " + children.size() + " 项主要职责逐项评分加权：" + String.join(" + ", parts) + " = "
                + fmt(ctx.round(value));
        return new Scored(new NodeScore(n.code(), n.name(), n.category(), n.weight(), ctx.round(value), max, n.rule().type(),
                n.rule().description(), explanation, List.of(), null, children, null), value);
    }

    private Scored leaf(Context ctx, Indicator n, BigDecimal factor, BigDecimal max) {
        IndicatorInput input = ctx.inputs().get(n.code());
        RuleResult r;
        try {
            r = rules.score(n.rule(), input, max, ctx.rounding());
        } catch (RuleEngine.InputException e) {
            ctx.inputErrors().add(new FieldError(n.code(), e.getMessage()));
            r = new RuleResult(null, e.getMessage(), List.of());
        }
        BigDecimal score = r.score();
        String explanation = r.explanation();
        if (score == null) {
            ctx.warnings().add("指标 " + n.code() + "（" + n.name() + "）" + r.explanation() + "，按 0 分计");
            score = BigDecimal.ZERO;
            explanation = r.explanation() + "，按 0 分计";
        }
        BigDecimal[] cat = ctx.categories().computeIfAbsent(n.category(), c -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        cat[0] = cat[0].add(score.multiply(factor));
        cat[1] = cat[1].add(max.multiply(factor));
        return new Scored(new NodeScore(n.code(), n.name(), n.category(), n.weight(), ctx.round(score), max, n.rule().type(),
                n.rule().description(), explanation, r.steps(), input == null ? null : input.source(), List.of(),
                n.dutyId()), score);
    }

    private Scored parent(Context ctx, Indicator n, BigDecimal factor, boolean points, BigDecimal max) {
        List<NodeScore> children = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        List<String> parts = new ArrayList<>();
        for (Indicator c : n.children()) {
            BigDecimal childFactor = points ? factor : factor.multiply(c.weight().divide(HUNDRED, DIVISION));
            Scored s = node(ctx, c, childFactor);
            children.add(s.shown());
            if (points) {
                sum = sum.add(s.value());
                parts.add(fmt(s.shown().score()));
            } else {
                sum = sum.add(s.value().multiply(c.weight()).divide(HUNDRED, DIVISION));
                parts.add(fmt(s.shown().score()) + "×" + fmt(c.weight()) + "%");
            }
        }
        BigDecimal value = ctx.rounding().atNode(sum);
        String explanation = (points ? "下级得分之和：" : "下级得分按权重加权：") + String.join(" + ", parts) + " = "
                + fmt(ctx.round(value));
        return new Scored(new NodeScore(n.code(), n.name(), n.category(), n.weight(), ctx.round(value), max, null, null,
                explanation, List.of(), null, children), value);
    }

    private Adjusted adjustment(Context ctx, Adjustment a) {
        IndicatorInput input = ctx.inputs().get(a.code());
        if (a.kind() == AdjustmentKind.VETO) {
            boolean triggered = input != null && Boolean.TRUE.equals(input.triggered());
            String effect = a.vetoEffect() == VetoEffect.ZERO_TOTAL ? "一票否决：总分为 0" : "一票否优：不得评为最高等次";
            return new Adjusted(new AdjustmentScore(a.code(), a.name(), a.kind(), BigDecimal.ZERO, triggered,
                    triggered ? "触发，" + effect : "未触发", List.of()), BigDecimal.ZERO);
        }
        BigDecimal cap = a.cap() != null ? a.cap()
                : (a.kind() == AdjustmentKind.BONUS ? ctx.d().bonusCap() : ctx.d().deductionCap());
        BigDecimal max = cap != null ? cap : ctx.d().baseMax();
        RuleResult r;
        try {
            r = rules.score(a.rule(), input, max, ctx.rounding());
        } catch (RuleEngine.InputException e) {
            ctx.inputErrors().add(new FieldError(a.code(), e.getMessage()));
            r = new RuleResult(null, e.getMessage(), List.of());
        }
        if (r.score() == null || r.score().signum() == 0) {
            return new Adjusted(new AdjustmentScore(a.code(), a.name(), a.kind(), ctx.round(BigDecimal.ZERO), false,
                    r.score() == null ? "无" + (a.kind() == AdjustmentKind.BONUS ? "加分" : "扣分") + "事项" : r.explanation(),
                    r.steps()), BigDecimal.ZERO);
        }
        String sign = a.kind() == AdjustmentKind.BONUS ? "加 " : "扣 ";
        BigDecimal shown = ctx.round(r.score());
        return new Adjusted(new AdjustmentScore(a.code(), a.name(), a.kind(), shown, true,
                r.explanation() + "（" + sign + fmt(shown) + " 分）", r.steps()), r.score());
    }
}
