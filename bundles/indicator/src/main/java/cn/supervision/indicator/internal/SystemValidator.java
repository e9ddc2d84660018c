package cn.supervision.indicator.internal;

import static cn.supervision.indicator.internal.Problems.error;
import static cn.supervision.indicator.internal.Problems.nonNegative;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import cn.supervision.api.indicator.DefinitionLimits;
import cn.supervision.api.indicator.Rounding;
import cn.supervision.api.indicator.ScoringRule;
import cn.supervision.api.indicator.SystemDefinition;
import cn.supervision.api.indicator.ValidationProblem;

/**
 * Reports every problem of a definition at once, each at its node's code path: the definition's own fields here, then
 * its tree ({@link TreeCheck}, with {@link RuleCheck} and {@link WeightCheck}), its adjustments ({@link AdjustmentCheck})
 * and the codes reserved for duty expansion ({@link CodeCheck}), in that order. {@link SizeBounds} holds drafts too.
 */
final class SystemValidator {
    static final int MAX_DEPTH = DefinitionLimits.MAX_DEPTH;
    static final int MAX_NAME = DefinitionLimits.MAX_NAME;
    static final int MAX_TEXT = DefinitionLimits.MAX_TEXT;
    static final int MAX_NODES = DefinitionLimits.MAX_NODES;
    static final int MAX_ADJUSTMENTS = DefinitionLimits.MAX_ADJUSTMENTS;
    static final int MAX_RULE_ITEMS = DefinitionLimits.MAX_RULE_ITEMS;

    private final RuleCheck rules;

    SystemValidator(Function<String, ScoringRule> customRules) {
        this.rules = new RuleCheck(customRules);
    }

    /** {@code publishing}: a CUSTOM rule nobody provides is an error rather than a warning. */
    List<ValidationProblem> validate(SystemDefinition d, boolean publishing) {
        List<ValidationProblem> out = new ArrayList<>();
        if (d == null) {
            out.add(error("", "缺少指标体系定义"));
            return out;
        }
        if (d.name() == null || d.name().isBlank()) {
            out.add(error("name", "必须填写名称"));
        } else if (d.name().length() > MAX_NAME) {
            out.add(error("name", "名称不能超过 " + MAX_NAME + " 个字符"));
        }
        if (d.year() < DefinitionLimits.MIN_YEAR || d.year() > DefinitionLimits.MAX_YEAR) {
            out.add(error("year", "年度应在 " + DefinitionLimits.MIN_YEAR + "–" + DefinitionLimits.MAX_YEAR + " 之间"));
        }
        if (d.aggregation() == null) {
            out.add(error("aggregation", "必须指定计分方式（POINTS 分值累加 / PERCENT 百分比权重）"));
        }
        if (d.baseMax() == null || d.baseMax().signum() <= 0) {
            out.add(error("baseMax", "基础分满分必须大于 0"));
        }
        nonNegative(out, "specificMax", d.specificMax());
        nonNegative(out, "bonusCap", d.bonusCap());
        nonNegative(out, "deductionCap", d.deductionCap());
        rounding(out, d.rounding());
        if (d.indicators().isEmpty()) {
            out.add(error("indicators", "至少需要一个指标"));
        }
        CodeCheck codes = new CodeCheck();
        new TreeCheck(out, d, codes, rules, publishing).check();
        AdjustmentCheck adjustments = new AdjustmentCheck(codes, rules);
        for (int i = 0; i < d.adjustments().size(); i++) {
            adjustments.check(out, d.adjustments().get(i), "adjustments[" + i + "]", publishing);
        }
        CodeCheck.reserved(out, d);
        return out;
    }

    /**
     * Everything a definition is checked for, sizes first: what {@code validate} answers a client who asks before
     * saving, so nothing it calls valid is then refused for its size. A problem both find (a name too long) once.
     */
    List<ValidationProblem> checkAll(SystemDefinition d, boolean publishing) {
        Set<ValidationProblem> out = new LinkedHashSet<>(bounds(d));
        out.addAll(validate(d, publishing));
        return new ArrayList<>(out);
    }

    /** The sizes any stored definition keeps to, draft or not (see {@link SizeBounds}). */
    List<ValidationProblem> bounds(SystemDefinition d) {
        return SizeBounds.of(d);
    }

    /** Missing fields take their defaults (the record fills them); what is stated must be a policy we can apply. */
    private static void rounding(List<ValidationProblem> out, Rounding r) {
        if (r == null) {
            return;
        }
        if (r.scale() < 0 || r.scale() > Rounding.MAX_SCALE) {
            out.add(error("rounding.scale", "保留小数位数应在 0–" + Rounding.MAX_SCALE + " 之间"));
        }
        if (!Rounding.MODES.contains(r.mode())) {
            out.add(error("rounding.mode", "舍入方式只能是 HALF_UP 四舍五入、HALF_EVEN 银行家舍入、DOWN 舍去、UP 进一"));
        }
    }
}
