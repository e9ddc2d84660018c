package cn.supervision.indicator.internal;

import static cn.supervision.indicator.internal.Decimals.DIVISION;
import static cn.supervision.indicator.internal.Decimals.clamp;
import static cn.supervision.indicator.internal.Decimals.fmt;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import cn.supervision.api.indicator.IndicatorInput;
import cn.supervision.api.indicator.Rounding;
import cn.supervision.api.indicator.RuleResult;
import cn.supervision.api.indicator.RuleSpec;
import cn.supervision.api.indicator.RuleSpec.Band;
import cn.supervision.api.indicator.RuleSpec.Level;
import cn.supervision.api.indicator.RuleSpec.Tier;
import cn.supervision.api.indicator.ScoringRule;

/**
 * Scores one rule against one input within 0..max, explaining each step. A missing input gives a null score
 * ("无数据"); an input the rule cannot read (an unknown grade label or state, a negative count) is an
 * {@link InputException}, so the caller can say which indicator it was. The score is exact unless the system's
 * {@link Rounding} rounds every node; the explanation shows it rounded.
 */
final class RuleEngine {

    /** The input does not fit the rule. */
    static final class InputException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        InputException(String message) {
            super(message);
        }
    }

    private final Function<String, ScoringRule> customRules;

    RuleEngine(Function<String, ScoringRule> customRules) {
        this.customRules = customRules;
    }

    RuleResult score(RuleSpec rule, IndicatorInput input, BigDecimal max, Rounding p) {
        if (input == null) {
            return new RuleResult(null, "无数据", List.of());
        }
        return switch (rule.type()) {
            case DEDUCT_PER_OCCURRENCE -> deductPerOccurrence(rule, input, max, p);
            case BONUS_PER_OCCURRENCE -> bonusPerOccurrence(rule, input, max, p);
            case BANDS -> bands(rule, input, max, p);
            case LINEAR -> linear(rule, input, max, p);
            case RATIO -> ratio(rule, input, max, p);
            case GRADE -> grade(rule, input, max, p);
            case STATE -> state(rule, input, max, p);
            case VETO -> veto(input);
            case CUSTOM -> custom(rule, input, max, p);
        };
    }

    private static int occurrences(IndicatorInput input) {
        if (input.occurrences() == null) {
            return -1;
        }
        if (input.occurrences() < 0) {
            throw new InputException("次数不能为负数");
        }
        return input.occurrences();
    }

    private static RuleResult deductPerOccurrence(RuleSpec rule, IndicatorInput input, BigDecimal max, Rounding p) {
        int n = occurrences(input);
        if (n < 0) {
            return new RuleResult(null, "无数据（需要发生次数）", List.of());
        }
        List<String> steps = new ArrayList<>();
        BigDecimal deduction;
        if (!rule.tiers().isEmpty()) {
            Tier applied = rule.tiers().stream().filter(t -> t.minCases() <= n)
                    .max(Comparator.comparingInt(Tier::minCases)).orElse(null);
            deduction = applied == null ? BigDecimal.ZERO : applied.deduction();
            steps.add(applied == null ? n + " 起，未达到任何扣分档次"
                    : n + " 起，适用“" + applied.minCases() + " 起及以上扣 " + fmt(applied.deduction()) + " 分”档");
        } else {
            deduction = rule.points().multiply(BigDecimal.valueOf(n));
            steps.add(n + " 起 × 每起 " + fmt(rule.points()) + " 分 = 扣 " + fmt(deduction) + " 分");
        }
        BigDecimal score = p.atNode(clamp(max.subtract(deduction), BigDecimal.ZERO, max));
        steps.add("满分 " + fmt(max) + " − " + fmt(deduction) + "，最低 0 分 = " + fmt(p.round(score)));
        return new RuleResult(score, "发现问题 " + n + " 起，扣 " + fmt(p.round(max.subtract(score))) + " 分，得 " + fmt(p.round(score)) + " 分", steps);
    }

    private static RuleResult bonusPerOccurrence(RuleSpec rule, IndicatorInput input, BigDecimal max, Rounding p) {
        int n = occurrences(input);
        if (n < 0) {
            return new RuleResult(null, "无数据（需要发生次数）", List.of());
        }
        BigDecimal cap = rule.cap() == null ? max : rule.cap().min(max);
        BigDecimal raw = rule.points().multiply(BigDecimal.valueOf(n));
        BigDecimal score = p.atNode(clamp(raw, BigDecimal.ZERO, cap));
        List<String> steps = List.of(n + " 次 × 每次 " + fmt(rule.points()) + " 分 = " + fmt(raw),
                "上限 " + fmt(cap) + " 分，得 " + fmt(p.round(score)));
        return new RuleResult(score, n + " 次，得 " + fmt(p.round(score)) + " 分", steps);
    }

    static boolean contains(Band b, BigDecimal v) {
        boolean aboveLower = b.lower() == null || (b.lowerInclusive() ? v.compareTo(b.lower()) >= 0 : v.compareTo(b.lower()) > 0);
        boolean belowUpper = b.upper() == null || (b.upperInclusive() ? v.compareTo(b.upper()) <= 0 : v.compareTo(b.upper()) < 0);
        return aboveLower && belowUpper;
    }

    static String describe(Band b) {
        String lower = b.lower() == null ? "(-∞" : (b.lowerInclusive() ? "[" : "(") + fmt(b.lower());
        String upper = b.upper() == null ? "+∞)" : fmt(b.upper()) + (b.upperInclusive() ? "]" : ")");
        return lower + ", " + upper;
    }

    private static RuleResult bands(RuleSpec rule, IndicatorInput input, BigDecimal max, Rounding p) {
        if (input.value() == null) {
            return new RuleResult(null, "无数据（需要数值）", List.of());
        }
        BigDecimal v = input.value();
        Band band = rule.bands().stream().filter(b -> contains(b, v)).findFirst().orElse(null);
        if (band == null) {
            throw new InputException("数值 " + fmt(v) + " 不在任何评分区间内");
        }
        boolean deduction = rule.mode() == RuleSpec.BandMode.DEDUCTION;
        BigDecimal score = p.atNode(clamp(deduction ? max.subtract(band.value()) : band.value(), BigDecimal.ZERO, max));
        List<String> steps = List.of("数值 " + fmt(v) + " 落在区间 " + describe(band),
                deduction ? "该区间扣 " + fmt(band.value()) + " 分：" + fmt(max) + " − " + fmt(band.value()) + " = " + fmt(p.round(score))
                        : "该区间得 " + fmt(p.round(score)) + " 分");
        return new RuleResult(score, "数值 " + fmt(v) + "，得 " + fmt(p.round(score)) + " 分", steps);
    }

    private static RuleResult linear(RuleSpec rule, IndicatorInput input, BigDecimal max, Rounding p) {
        if (input.value() == null) {
            return new RuleResult(null, "无数据（需要数值）", List.of());
        }
        BigDecimal v = input.value();
        BigDecimal span = rule.toValue().subtract(rule.fromValue());
        BigDecimal t = clamp(v.subtract(rule.fromValue()).divide(span, DIVISION), BigDecimal.ZERO, BigDecimal.ONE);
        BigDecimal raw = rule.fromScore().add(t.multiply(rule.toScore().subtract(rule.fromScore())));
        BigDecimal score = p.atNode(clamp(raw, BigDecimal.ZERO, max));
        List<String> steps = List.of(
                "在 " + fmt(rule.fromValue()) + "（" + fmt(rule.fromScore()) + " 分）与 " + fmt(rule.toValue()) + "（"
                        + fmt(rule.toScore()) + " 分）之间按比例计分，超出两端按端点计",
                "比例 = (" + fmt(v) + " − " + fmt(rule.fromValue()) + ") / " + fmt(span) + " = " + fmt(p.round(t.multiply(Decimals.HUNDRED))) + "%",
                "得分 = " + fmt(rule.fromScore()) + " + 比例 × " + fmt(rule.toScore().subtract(rule.fromScore())) + " = " + fmt(p.round(score)));
        return new RuleResult(score, "数值 " + fmt(v) + "，得 " + fmt(p.round(score)) + " 分", steps);
    }

    private static RuleResult ratio(RuleSpec rule, IndicatorInput input, BigDecimal max, Rounding p) {
        if (input.value() == null) {
            return new RuleResult(null, "无数据（需要实际值）", List.of());
        }
        BigDecimal cap = rule.cap() == null ? max : rule.cap().min(max);
        BigDecimal raw = input.value().divide(rule.target(), DIVISION).multiply(max);
        BigDecimal score = p.atNode(clamp(raw, BigDecimal.ZERO, cap));
        List<String> steps = List.of("实际 " + fmt(input.value()) + " / 目标 " + fmt(rule.target()) + " × 满分 " + fmt(max)
                + " = " + fmt(p.round(raw)), "上限 " + fmt(cap) + " 分，得 " + fmt(p.round(score)));
        return new RuleResult(score, "完成 " + fmt(input.value()) + " / " + fmt(rule.target()) + "，得 " + fmt(p.round(score)) + " 分", steps);
    }

    private static BigDecimal level(List<Level> levels, String label, String what) {
        return levels.stream().filter(l -> l.label().equals(label == null ? null : label.trim())).map(Level::score)
                .findFirst().orElseThrow(() -> new InputException("“" + label + "”不是有效的" + what + "（可选："
                        + String.join("、", levels.stream().map(Level::label).toList()) + "）"));
    }

    private static RuleResult grade(RuleSpec rule, IndicatorInput input, BigDecimal max, Rounding p) {
        if (input.grades().isEmpty()) {
            return new RuleResult(null, "无数据（尚无评价）", List.of());
        }
        List<String> steps = new ArrayList<>();
        List<BigDecimal> scores = new ArrayList<>();
        for (IndicatorInput.Grade g : input.grades()) {
            BigDecimal s = level(rule.levels(), g.label(), "等次");
            scores.add(s);
            steps.add((g.evaluator() == null ? "评价人" : g.evaluator()) + "：" + g.label() + "（" + fmt(s) + " 分）");
        }
        List<BigDecimal> used = new ArrayList<>(scores);
        String how = "算术平均";
        int trim = rule.trim() == null ? 1 : rule.trim();
        if (rule.combine() == RuleSpec.Combine.TRIMMED_MEAN) {
            if (scores.size() > 2 * trim) {
                used.sort(Comparator.naturalOrder());
                used = used.subList(trim, used.size() - trim);
                how = "去掉 " + trim + " 个最高分和 " + trim + " 个最低分后平均";
            } else {
                how = "评价人不足 " + (2 * trim + 1) + " 人，不去掉最高最低分，算术平均";
            }
        }
        BigDecimal sum = used.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal score = p.atNode(clamp(sum.divide(BigDecimal.valueOf(used.size()), DIVISION), BigDecimal.ZERO, max));
        steps.add(how + "：" + String.join(" + ", used.stream().map(Decimals::fmt).toList()) + " / " + used.size() + " = " + fmt(p.round(score)));
        return new RuleResult(score, input.grades().size() + " 位评价人，" + how + "，得 " + fmt(p.round(score)) + " 分", steps);
    }

    private static RuleResult state(RuleSpec rule, IndicatorInput input, BigDecimal max, Rounding p) {
        if (input.state() == null || input.state().isBlank()) {
            return new RuleResult(null, "无数据（需要状态）", List.of());
        }
        BigDecimal score = p.atNode(clamp(level(rule.levels(), input.state(), "状态"), BigDecimal.ZERO, max));
        return new RuleResult(score, "状态“" + input.state().trim() + "”，得 " + fmt(p.round(score)) + " 分",
                List.of("状态“" + input.state().trim() + "”对应 " + fmt(p.round(score)) + " 分"));
    }

    private static RuleResult veto(IndicatorInput input) {
        if (input.triggered() == null) {
            return new RuleResult(null, "无数据", List.of());
        }
        return new RuleResult(input.triggered() ? BigDecimal.ONE : BigDecimal.ZERO,
                input.triggered() ? "触发" : "未触发", List.of());
    }

    private RuleResult custom(RuleSpec rule, IndicatorInput input, BigDecimal max, Rounding p) {
        ScoringRule provider = customRules.apply(rule.ruleId());
        if (provider == null) {
            return new RuleResult(null, "自定义规则 " + rule.ruleId() + " 当前未提供，无法计分", List.of());
        }
        RuleResult r = provider.score(rule.params(), input, max);
        if (r.score() == null) {
            return r;
        }
        BigDecimal score = p.atNode(clamp(r.score(), BigDecimal.ZERO, max));
        List<String> steps = new ArrayList<>(r.steps());
        if (score.compareTo(r.score()) != 0) {
            steps.add("规则结果 " + fmt(r.score()) + " 超出 0–" + fmt(max) + "，按 " + fmt(p.round(score)) + " 计");
        }
        return new RuleResult(score, r.explanation(), steps);
    }
}
