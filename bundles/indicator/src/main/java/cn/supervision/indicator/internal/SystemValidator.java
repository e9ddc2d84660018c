package cn.supervision.indicator.internal;

import static cn.supervision.indicator.internal.Decimals.HUNDRED;
import static cn.supervision.indicator.internal.Decimals.fmt;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import cn.supervision.api.indicator.Adjustment;
import cn.supervision.api.indicator.AdjustmentKind;
import cn.supervision.api.indicator.Aggregation;
import cn.supervision.api.indicator.Indicator;
import cn.supervision.api.indicator.IndicatorScope;
import cn.supervision.api.indicator.Rounding;
import cn.supervision.api.indicator.RuleSpec;
import cn.supervision.api.indicator.RuleSpec.Band;
import cn.supervision.api.indicator.RuleSpec.Level;
import cn.supervision.api.indicator.RuleType;
import cn.supervision.api.indicator.ScoringRule;
import cn.supervision.api.indicator.SystemDefinition;
import cn.supervision.api.indicator.ValidationProblem;
import cn.supervision.api.indicator.ValidationProblem.Severity;

/** Reports every problem of a definition at once, each at its node's code path. */
final class SystemValidator {
    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,31}");
    static final int MAX_DEPTH = 8;
    static final int MAX_NAME = 200;
    static final int MAX_TEXT = 4_000;
    static final int MAX_NODES = 2_000;
    static final int MAX_ADJUSTMENTS = 200;
    /** Tiers, bands, levels and parameters of one rule. */
    static final int MAX_RULE_ITEMS = 100;
    static final Set<RuleType> ADJUSTMENT_RULES = Set.of(RuleType.BONUS_PER_OCCURRENCE, RuleType.BANDS, RuleType.STATE,
            RuleType.GRADE, RuleType.CUSTOM);

    private final Function<String, ScoringRule> customRules;

    SystemValidator(Function<String, ScoringRule> customRules) {
        this.customRules = customRules;
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
        if (d.year() < 2000 || d.year() > 2100) {
            out.add(error("year", "年度应在 2000–2100 之间"));
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
        Set<String> codes = new HashSet<>();
        int[] count = {0};
        for (Indicator root : d.indicators()) {
            node(out, d, root, root.scope(), "", 1, codes, count, publishing);
        }
        if (count[0] > MAX_NODES) {
            out.add(error("indicators", "指标不能超过 " + MAX_NODES + " 个"));
        }
        if (d.aggregation() != null && d.baseMax() != null) {
            roots(out, d, IndicatorScope.COMMON, d.baseMax());
            BigDecimal specific = d.specificMax() == null ? BigDecimal.ZERO : d.specificMax();
            boolean hasSpecific = d.indicators().stream().anyMatch(i -> i.scope() == IndicatorScope.UNIT_SPECIFIC);
            if (hasSpecific && specific.signum() == 0) {
                out.add(error("specificMax", "有个性指标时必须设定个性指标满分（如 20）"));
            } else if (hasSpecific) {
                roots(out, d, IndicatorScope.UNIT_SPECIFIC, specific);
            }
        }
        for (int i = 0; i < d.adjustments().size(); i++) {
            adjustment(out, d.adjustments().get(i), "adjustments[" + i + "]", codes, publishing);
        }
        reservedCodes(out, d);
        return out;
    }

    /**
     * The sizes any stored definition keeps to, draft or not: node count, depth, text lengths and list sizes. A draft
     * may be incomplete, but never larger than a system can be, so what is stored (and later listed, copied, diffed,
     * exported and validated in full) stays bounded. Cheap: it stops descending below the deepest allowed level.
     */
    List<ValidationProblem> bounds(SystemDefinition d) {
        List<ValidationProblem> out = new ArrayList<>();
        if (d == null) {
            return out;
        }
        int[] count = {0};
        for (Indicator root : d.indicators()) {
            boundsOf(out, root, "", 1, count);
        }
        if (count[0] > MAX_NODES) {
            out.add(error("indicators", "指标不能超过 " + MAX_NODES + " 个（当前 " + count[0] + " 个）"));
        }
        if (d.adjustments().size() > MAX_ADJUSTMENTS) {
            out.add(error("adjustments", "加分、扣分和否决项不能超过 " + MAX_ADJUSTMENTS + " 个"));
        }
        for (Adjustment a : d.adjustments().subList(0, Math.min(d.adjustments().size(), MAX_ADJUSTMENTS))) {
            String path = "adjustments/" + label(a.code());
            if (a.name() != null && a.name().length() > MAX_NAME) {
                out.add(error(path, "名称不能超过 " + MAX_NAME + " 个字符"));
            }
            text(out, path, "说明", a.description());
            ruleBounds(out, path, a.rule());
        }
        return out;
    }

    private void boundsOf(List<ValidationProblem> out, Indicator n, String parentPath, int depth, int[] count) {
        count[0]++;
        String path = parentPath.isEmpty() ? label(n.code()) : parentPath + "/" + label(n.code());
        if (count[0] > MAX_NODES) {
            return;
        }
        if (n.code() != null && n.code().length() > MAX_NAME) {
            out.add(error(path, "编码不能超过 " + MAX_NAME + " 个字符"));
        }
        if (n.name() != null && n.name().length() > MAX_NAME) {
            out.add(error(path, "指标名称不能超过 " + MAX_NAME + " 个字符"));
        }
        text(out, path, "评估要点", n.assessmentPoints());
        text(out, path, "佐证材料", n.evidence());
        ruleBounds(out, path, n.rule());
        if (depth > MAX_DEPTH) {
            out.add(error(path, "指标层级不能超过 " + MAX_DEPTH + " 级"));
            return;
        }
        for (Indicator c : n.children()) {
            boundsOf(out, c, path, depth + 1, count);
        }
    }

    private static void ruleBounds(List<ValidationProblem> out, String path, RuleSpec r) {
        if (r == null) {
            return;
        }
        text(out, path, "评分标准", r.description());
        if (r.tiers().size() > MAX_RULE_ITEMS || r.bands().size() > MAX_RULE_ITEMS || r.levels().size() > MAX_RULE_ITEMS
                || (r.params() != null && r.params().size() > MAX_RULE_ITEMS)) {
            out.add(error(path, "评分规则的档次、区间、等次或参数各不能超过 " + MAX_RULE_ITEMS + " 个"));
        }
        if (r.ruleId() != null && r.ruleId().length() > MAX_NAME) {
            out.add(error(path, "自定义规则编号不能超过 " + MAX_NAME + " 个字符"));
        }
        for (Level l : r.levels().subList(0, Math.min(r.levels().size(), MAX_RULE_ITEMS))) {
            if (l.label() != null && l.label().length() > MAX_NAME) {
                out.add(error(path, "等次或状态名称不能超过 " + MAX_NAME + " 个字符"));
            }
        }
        if (r.params() != null && r.params().size() <= MAX_RULE_ITEMS) {
            r.params().forEach((k, v) -> {
                if ((k != null && k.length() > MAX_NAME) || (v != null && v.length() > MAX_TEXT)) {
                    out.add(error(path, "自定义规则参数名不能超过 " + MAX_NAME + " 个字符，参数值不能超过 " + MAX_TEXT + " 个字符"));
                }
            });
        }
    }

    private void roots(List<ValidationProblem> out, SystemDefinition d, IndicatorScope scope, BigDecimal max) {
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

    private void node(List<ValidationProblem> out, SystemDefinition d, Indicator n, IndicatorScope rootScope, String parentPath,
                      int depth, Set<String> codes, int[] count, boolean publishing) {
        count[0]++;
        String path = parentPath.isEmpty() ? label(n.code()) : parentPath + "/" + label(n.code());
        if (n.code() == null || !CODE.matcher(n.code()).matches()) {
            out.add(error(path, "编码必须是 1–32 位字母、数字、点、下划线或连字符"));
        } else if (!codes.add(n.code())) {
            out.add(error(path, "编码 " + n.code() + " 重复"));
        }
        if (n.name() == null || n.name().isBlank()) {
            out.add(error(path, "必须填写指标名称"));
        } else if (n.name().length() > MAX_NAME) {
            out.add(error(path, "指标名称不能超过 " + MAX_NAME + " 个字符"));
        }
        text(out, path, "评估要点", n.assessmentPoints());
        text(out, path, "佐证材料", n.evidence());
        if (n.weight() == null || n.weight().signum() <= 0) {
            out.add(error(path, d.aggregation() == Aggregation.PERCENT ? "权重必须大于 0" : "分值必须大于 0"));
        }
        if (n.scope() != rootScope) {
            out.add(error(path, "个性/共性属性必须与所在一级指标一致"));
        }
        if (depth > MAX_DEPTH) {
            out.add(error(path, "指标层级不能超过 " + MAX_DEPTH + " 级"));
            return;
        }
        if (n.leaf()) {
            if (n.category() == null) {
                out.add(error(path, "末级指标必须归入五类二级指标之一（CORE、AUXILIARY、PEER_REVIEW、PUBLIC_EVALUATION、PLATFORM_DATA）"));
            }
            if (n.rule() == null) {
                out.add(error(path, "末级指标必须有评分规则"));
            } else if (n.rule().type() == RuleType.VETO) {
                out.add(error(path, "一票否决只能作为否决项，不能作为指标的评分规则"));
            } else if (n.weight() != null && d.aggregation() != null) {
                rule(out, path, n.rule(), d.aggregation() == Aggregation.PERCENT ? HUNDRED : n.weight(), publishing);
            }
            dutyPart(out, path, n);
            return;
        }
        if (n.perDuty() != null) {
            out.add(error(path, "只有末级指标才能按职责逐项考核"));
        }
        if (n.rule() != null) {
            out.add(error(path, "只有末级指标才有评分规则"));
        }
        for (Indicator c : n.children()) {
            if (n.category() != null && c.leaf() && c.category() != null && c.category() != n.category()) {
                out.add(error(path + "/" + label(c.code()), "类别 " + c.category() + " 与上级指标的类别 " + n.category() + " 不一致"));
            }
            node(out, d, c, rootScope, path, depth + 1, codes, count, publishing);
        }
        if (n.weight() != null && d.aggregation() != null && n.children().stream().allMatch(c -> c.weight() != null)) {
            BigDecimal sum = n.children().stream().map(Indicator::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (d.aggregation() == Aggregation.POINTS && sum.compareTo(n.weight()) != 0) {
                out.add(error(path, "下级指标分值合计 " + fmt(sum) + "，应等于本指标分值 " + fmt(n.weight())));
            } else if (d.aggregation() == Aggregation.PERCENT && sum.compareTo(HUNDRED) != 0) {
                out.add(error(path, "下级指标权重合计 " + fmt(sum) + "%，应为 100%"));
            }
        }
    }

    /** A duty-driven leaf's weighting; its expanded children are coded {@code <code>-<n>}, reserved here. */
    private static void dutyPart(List<ValidationProblem> out, String path, Indicator n) {
        if (n.dutyId() != null) {
            out.add(error(path, "职责编号只由平台在活动启动时展开生成，不能写在指标体系中"));
        }
        if (n.perDuty() == null) {
            return;
        }
        n.perDuty().typeWeights().forEach((type, weight) -> {
            if (weight.signum() <= 0) {
                out.add(error(path, "按职责类型分配权重时，每种类型的权重必须大于 0"));
            }
        });
    }

    /** Codes a duty-driven leaf will give its per-duty children: no other indicator may take them. */
    static void reservedCodes(List<ValidationProblem> out, SystemDefinition d) {
        Set<String> perDuty = new java.util.HashSet<>();
        List<Indicator> all = new ArrayList<>();
        java.util.ArrayDeque<Indicator> pending = new java.util.ArrayDeque<>(d.indicators());
        while (!pending.isEmpty()) {
            Indicator n = pending.pop();
            all.add(n);
            pending.addAll(n.children());
            if (n.perDuty() != null && n.code() != null) {
                perDuty.add(n.code());
            }
        }
        for (Indicator n : all) {
            int dash = n.code() == null ? -1 : n.code().lastIndexOf('-');
            if (dash > 0 && perDuty.contains(n.code().substring(0, dash)) && n.code().substring(dash + 1).matches("\\d+")) {
                out.add(error(label(n.code()), "编码 " + n.code() + " 留给按职责逐项考核指标 " + n.code().substring(0, dash) + " 展开的职责项"));
            }
        }
    }

    private void adjustment(List<ValidationProblem> out, Adjustment a, String fallback, Set<String> codes, boolean publishing) {
        String path = "adjustments/" + (a.code() == null ? fallback : a.code());
        if (a.code() == null || !CODE.matcher(a.code()).matches()) {
            out.add(error(path, "编码必须是 1–32 位字母、数字、点、下划线或连字符"));
        } else if (!codes.add(a.code())) {
            out.add(error(path, "编码 " + a.code() + " 重复"));
        }
        if (a.name() == null || a.name().isBlank()) {
            out.add(error(path, "必须填写名称"));
        }
        text(out, path, "说明", a.description());
        if (a.kind() == null) {
            out.add(error(path, "必须指定类型（BONUS 加分 / DEDUCTION 扣分 / VETO 否决）"));
            return;
        }
        if (a.rule() == null) {
            out.add(error(path, "必须有评分规则"));
            return;
        }
        if (a.kind() == AdjustmentKind.VETO) {
            if (a.rule().type() != RuleType.VETO) {
                out.add(error(path, "否决项的规则类型必须是 VETO"));
            }
            if (a.vetoEffect() == null) {
                out.add(error(path, "否决项必须指定效果（ZERO_TOTAL 一票否决 / BAR_TOP_GRADE 一票否优）"));
            }
            return;
        }
        if (!ADJUSTMENT_RULES.contains(a.rule().type())) {
            out.add(error(path, "加分、扣分项的规则类型只能是 " + ADJUSTMENT_RULES));
            return;
        }
        nonNegative(out, path + ".cap", a.cap());
        rule(out, path, a.rule(), a.cap() == null ? null : a.cap(), publishing);
    }

    /** {@code max} is the indicator's own scale; null for uncapped adjustment items. */
    private void rule(List<ValidationProblem> out, String path, RuleSpec r, BigDecimal max, boolean publishing) {
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

    private static void nonNegative(List<ValidationProblem> out, String path, BigDecimal v) {
        if (v != null && v.signum() < 0) {
            out.add(error(path, "不能为负数"));
        }
    }

    private static void text(List<ValidationProblem> out, String path, String what, String v) {
        if (v != null && v.length() > MAX_TEXT) {
            out.add(error(path, what + "不能超过 " + MAX_TEXT + " 个字符"));
        }
    }

    private static String label(String code) {
        return code == null || code.isBlank() ? "?" : code;
    }

    private static ValidationProblem error(String path, String message) {
        return new ValidationProblem(Severity.ERROR, path, message);
    }
}
