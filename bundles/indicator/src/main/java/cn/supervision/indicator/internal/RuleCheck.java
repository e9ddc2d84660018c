package cn.supervision.indicator.internal;

import static cn.supervision.indicator.internal.Decimals.fmt;
import static cn.supervision.indicator.internal.Problems.error;
import static cn.supervision.indicator.internal.Problems.nonNegative;
import static cn.supervision.indicator.internal.Problems.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import cn.supervision.api.indicator.RuleSpec;
import cn.supervision.api.indicator.RuleSpec.Band;
import cn.supervision.api.indicator.RuleSpec.Level;
import cn.supervision.api.indicator.RuleType;
import cn.supervision.api.indicator.ScoringRule;
import cn.supervision.api.indicator.ValidationProblem;
import cn.supervision.api.indicator.ValidationProblem.Severity;

/**
 * Whether a scoring rule can be applied as written: the parameters its type needs, bands that neither overlap nor leave
 * a gap, named and distinct levels, no score above the scale it is used at, and a CUSTOM rule some plugin provides.
 */
final class RuleCheck {
    private final Function<String, ScoringRule> customRules;

    RuleCheck(Function<String, ScoringRule> customRules) {
        this.customRules = customRules;
    }

    /** {@code max} is the indicator's own scale; null for uncapped adjustment items. */
    void check(List<ValidationProblem> out, String path, RuleSpec r, BigDecimal max, boolean publishing) {
        if (r.type() == null) {
            out.add(error(path, "必须指定规则类型 " + List.of(RuleType.values())));
            return;
        }
        text(out, path, "评分标准", r.description());
        switch (r.type()) {
            case DEDUCT_PER_OCCURRENCE -> {
                if (r.tiers().isEmpty() && (r.points() == null || r.points().signum() <= 0)) {
                    out.add(error(path, "按次扣分需要每次扣分分值（points）或分档（tiers）"));
                }
                int previous = 0;
                for (RuleSpec.Tier t : r.tiers()) {
                    if (t.minCases() <= previous) {
                        out.add(error(path, "扣分档次的起始次数必须从 1 起严格递增"));
                    }
                    if (t.deduction() == null || t.deduction().signum() < 0) {
                        out.add(error(path, "扣分档次的扣分必须不小于 0"));
                    }
                    previous = t.minCases();
                }
            }
            case BONUS_PER_OCCURRENCE -> {
                if (r.points() == null || r.points().signum() <= 0) {
                    out.add(error(path, "按次加分需要每次分值（points）"));
                }
                nonNegative(out, path + ".cap", r.cap());
            }
            case BANDS -> bands(out, path, r, max);
            case LINEAR -> {
                if (r.fromValue() == null || r.toValue() == null || r.fromScore() == null || r.toScore() == null) {
                    out.add(error(path, "线性计分需要 fromValue、fromScore、toValue、toScore"));
                } else {
                    if (r.fromValue().compareTo(r.toValue()) == 0) {
                        out.add(error(path, "线性计分的两个端点数值不能相同"));
                    }
                    withinMax(out, path, "端点分值", r.fromScore(), max);
                    withinMax(out, path, "端点分值", r.toScore(), max);
                }
            }
            case RATIO -> {
                if (r.target() == null || r.target().signum() <= 0) {
                    out.add(error(path, "比率计分需要大于 0 的目标值（target）"));
                }
                nonNegative(out, path + ".cap", r.cap());
            }
            case GRADE, STATE -> levels(out, path, r, max);
            case VETO -> { }
            case CUSTOM -> {
                if (r.ruleId() == null || r.ruleId().isBlank()) {
                    out.add(error(path, "自定义规则需要 ruleId"));
                } else {
                    ScoringRule provider = customRules.apply(r.ruleId());
                    if (provider == null) {
                        out.add(new ValidationProblem(publishing ? Severity.ERROR : Severity.WARNING, path,
                                "自定义规则 " + r.ruleId() + " 当前没有任何插件提供"));
                    } else {
                        provider.validate(r.params()).forEach(m -> out.add(error(path, "自定义规则 " + r.ruleId() + "：" + m)));
                    }
                }
            }
        }
    }

    private static void bands(List<ValidationProblem> out, String path, RuleSpec r, BigDecimal max) {
        if (r.bands().isEmpty()) {
            out.add(error(path, "分档计分至少需要一个区间"));
            return;
        }
        List<Band> sorted = new ArrayList<>(r.bands());
        for (Band b : sorted) {
            if (b.value() == null || b.value().signum() < 0) {
                out.add(error(path, "区间 " + RuleEngine.describe(b) + " 的分值必须不小于 0"));
            } else {
                withinMax(out, path, "区间 " + RuleEngine.describe(b) + " 的分值", b.value(), max);
            }
            if (b.lower() != null && b.upper() != null && (b.lower().compareTo(b.upper()) > 0
                    || (b.lower().compareTo(b.upper()) == 0 && !(b.lowerInclusive() && b.upperInclusive())))) {
                out.add(error(path, "区间 " + RuleEngine.describe(b) + " 为空"));
            }
        }
        sorted.sort(Comparator.comparing(Band::lower, Comparator.nullsFirst(Comparator.naturalOrder())));
        for (int i = 0; i + 1 < sorted.size(); i++) {
            Band a = sorted.get(i);
            Band b = sorted.get(i + 1);
            String pair = RuleEngine.describe(a) + " 与 " + RuleEngine.describe(b);
            if (a.upper() == null || b.lower() == null) {
                out.add(error(path, "区间 " + pair + " 重叠"));
                continue;
            }
            int cmp = a.upper().compareTo(b.lower());
            if (cmp > 0 || (cmp == 0 && a.upperInclusive() && b.lowerInclusive())) {
                out.add(error(path, "区间 " + pair + " 重叠"));
            } else if (cmp < 0 || !a.upperInclusive() && !b.lowerInclusive()) {
                out.add(error(path, "区间 " + pair + " 之间有空档"));
            }
        }
        if (r.mode() == null) {
            out.add(error(path, "分档计分需要指定 mode（SCORE 得分 / DEDUCTION 扣分）"));
        }
    }

    private static void levels(List<ValidationProblem> out, String path, RuleSpec r, BigDecimal max) {
        String what = r.type() == RuleType.GRADE ? "等次" : "状态";
        if (r.levels().isEmpty()) {
            out.add(error(path, "至少需要一个" + what));
        }
        Set<String> labels = new HashSet<>();
        for (Level l : r.levels()) {
            if (l.label() == null || l.label().isBlank()) {
                out.add(error(path, what + "必须有名称"));
            } else if (!labels.add(l.label().trim())) {
                out.add(error(path, what + "“" + l.label() + "”重复"));
            }
            if (l.score() == null || l.score().signum() < 0) {
                out.add(error(path, what + "“" + l.label() + "”的分值必须不小于 0"));
            } else {
                withinMax(out, path, what + "“" + l.label() + "”的分值", l.score(), max);
            }
        }
        if (r.type() == RuleType.GRADE && r.combine() == RuleSpec.Combine.TRIMMED_MEAN && r.trim() != null && r.trim() < 1) {
            out.add(error(path, "去掉最高最低分的个数（trim）至少为 1"));
        }
    }

    private static void withinMax(List<ValidationProblem> out, String path, String what, BigDecimal v, BigDecimal max) {
        if (max != null && v.compareTo(max) > 0) {
            out.add(error(path, what + " " + fmt(v) + " 超过满分 " + fmt(max)));
        }
    }
}
