package cn.supervision.assessment.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;

import cn.supervision.api.assessment.ItemKind;
import cn.supervision.api.assessment.MappingDraft;
import cn.supervision.api.assessment.MappingMethod;
import cn.supervision.api.assessment.SpecialRule;
import cn.supervision.api.assessment.SpecialRuleDraft;
import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignKind;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;

/**
 * Checks a submitted mapping as a whole (every problem, each naming its field) and normalises it: the rules that
 * {@link Points} and {@link ItemRules} apply. Nothing is written unless the whole draft is valid.
 */
final class MappingRules {
    static final BigDecimal MAX_SCALE = new BigDecimal("1000");
    static final BigDecimal HUNDRED = new BigDecimal("100");
    static final int DEFAULT_DECIMALS = 2;
    static final int MAX_DECIMALS = 4;
    static final int MAX_RULES = 50;
    static final int MAX_NOTE = 500;
    static final Set<RoundingMode> ROUNDINGS = Set.of(RoundingMode.HALF_UP, RoundingMode.HALF_EVEN, RoundingMode.DOWN, RoundingMode.UP);

    /** A valid draft, normalised (defaults filled in, grades in the platform's order). */
    record Rules(MappingMethod method, BigDecimal scaleMax, BigDecimal floor, int decimals, RoundingMode rounding,
                 Map<String, BigDecimal> gradePoints, Long routineCampaignId, List<SpecialRule> specialRules, String note) {
    }

    private MappingRules() {
    }

    /**
     * @param grades    the grades results are given, highest first
     * @param year      the assessment year
     * @param campaigns a campaign of the jurisdiction by id, or null when there is none (or another jurisdiction's)
     */
    static Rules check(MappingDraft d, List<String> grades, int year, LongFunction<Campaign> campaigns) {
        if (d == null) {
            throw SupervisionException.invalid("body", "缺少折算规则");
        }
        List<FieldError> errors = new ArrayList<>();
        MappingMethod method = null;
        if (d.method() == null || d.method().isBlank()) {
            errors.add(new FieldError("method", "必须指定折算方式（LINEAR 按总分折算或 GRADE 按等次折算）"));
        } else {
            try {
                method = MappingMethod.valueOf(d.method().trim());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("method", "“" + d.method() + "”不是有效的折算方式（LINEAR、GRADE）"));
            }
        }
        int decimals = d.decimals() == null ? DEFAULT_DECIMALS : d.decimals();
        if (decimals < 0 || decimals > MAX_DECIMALS) {
            errors.add(new FieldError("decimals", "保留小数位数须在 0 至 " + MAX_DECIMALS + " 之间"));
            decimals = MAX_DECIMALS;
        }
        RoundingMode rounding = RoundingMode.HALF_UP;
        if (d.rounding() != null && !d.rounding().isBlank()) {
            try {
                rounding = RoundingMode.valueOf(d.rounding().trim());
            } catch (IllegalArgumentException e) {
                rounding = null;
            }
            if (rounding == null || !ROUNDINGS.contains(rounding)) {
                errors.add(new FieldError("rounding", "“" + d.rounding() + "”不是有效的舍入方式（HALF_UP 四舍五入、HALF_EVEN、DOWN 舍去、UP 进位）"));
                rounding = RoundingMode.HALF_UP;
            }
        }
        BigDecimal scaleMax = d.scaleMax();
        boolean scaleOk = false;
        if (scaleMax == null) {
            errors.add(new FieldError("scaleMax", "必须指定该考核指标的满分"));
        } else if (scaleMax.signum() <= 0 || scaleMax.compareTo(MAX_SCALE) > 0) {
            errors.add(new FieldError("scaleMax", "满分须大于 0 且不超过 " + MAX_SCALE));
        } else if (!fits(scaleMax, decimals)) {
            errors.add(new FieldError("scaleMax", "满分最多 " + decimals + " 位小数"));
        } else {
            scaleOk = true;
        }
        BigDecimal floor = d.floor();
        if (floor != null) {
            if (floor.signum() < 0 || (scaleOk && floor.compareTo(scaleMax) > 0)) {
                errors.add(new FieldError("floor", "最低分须在 0 至满分之间"));
            } else if (!fits(floor, decimals)) {
                errors.add(new FieldError("floor", "最低分最多 " + decimals + " 位小数"));
            } else if (method == MappingMethod.GRADE) {
                errors.add(new FieldError("floor", "最低分只用于按总分折算（LINEAR）"));
            }
        }
        Map<String, BigDecimal> gradePoints = new LinkedHashMap<>();
        Map<String, BigDecimal> given = d.gradePoints() == null ? Map.of() : d.gradePoints();
        for (Map.Entry<String, BigDecimal> e : given.entrySet()) {
            String field = "gradePoints." + e.getKey();
            if (!grades.contains(e.getKey())) {
                errors.add(new FieldError(field, "“" + e.getKey() + "”不是监管结果的等次（" + String.join("、", grades) + "）"));
            } else if (e.getValue() == null || e.getValue().signum() < 0 || (scaleOk && e.getValue().compareTo(scaleMax) > 0)) {
                errors.add(new FieldError(field, "等次分值须在 0 至满分之间"));
            } else if (!fits(e.getValue(), decimals)) {
                errors.add(new FieldError(field, "等次分值最多 " + decimals + " 位小数"));
            }
        }
        if (method == MappingMethod.GRADE) {
            for (String g : grades) {
                if (!given.containsKey(g)) {
                    errors.add(new FieldError("gradePoints." + g, "按等次折算须为每个等次规定分值，缺少“" + g + "”"));
                } else {
                    gradePoints.put(g, given.get(g));
                }
            }
        } else if (method == MappingMethod.LINEAR && !given.isEmpty()) {
            errors.add(new FieldError("gradePoints", "按总分折算（LINEAR）不使用等次分值"));
        }
        if (d.routineCampaignId() != null) {
            Campaign c = campaigns.apply(d.routineCampaignId());
            if (c == null || c.kind() != CampaignKind.ROUTINE || c.period().year() != year) {
                errors.add(new FieldError("routineCampaignId", "监管活动 " + d.routineCampaignId() + " 不是本行政区划 " + year + " 年度的常规监管活动"));
            }
        }
        List<SpecialRule> rules = new ArrayList<>();
        List<SpecialRuleDraft> drafts = d.specialRules() == null ? List.of() : d.specialRules();
        if (drafts.size() > MAX_RULES) {
            errors.add(new FieldError("specialRules", "专项监管加减分规则不超过 " + MAX_RULES + " 条"));
        } else {
            for (int i = 0; i < drafts.size(); i++) {
                SpecialRule r = rule(drafts.get(i), "specialRules[" + i + "]", grades, year, scaleOk ? scaleMax : MAX_SCALE, decimals,
                        campaigns, errors);
                if (r != null) {
                    rules.add(r);
                }
            }
        }
        String note = d.note() == null || d.note().isBlank() ? null : d.note().trim();
        if (note != null && note.length() > MAX_NOTE) {
            errors.add(new FieldError("note", "说明不超过 " + MAX_NOTE + " 个字符"));
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid(errors.get(0).field() + "：" + errors.get(0).message()
                    + (errors.size() > 1 ? "（共 " + errors.size() + " 处问题）" : ""), errors);
        }
        return new Rules(method, scaleMax, method == MappingMethod.LINEAR ? floor : null, decimals, rounding, gradePoints,
                d.routineCampaignId(), rules, note);
    }

    private static SpecialRule rule(SpecialRuleDraft r, String at, List<String> grades, int year, BigDecimal scaleMax, int decimals,
                                    LongFunction<Campaign> campaigns, List<FieldError> errors) {
        if (r == null) {
            errors.add(new FieldError(at, "规则不能为空"));
            return null;
        }
        int before = errors.size();
        ItemKind kind = null;
        if (r.kind() == null || r.kind().isBlank()) {
            errors.add(new FieldError(at + ".kind", "必须指定加分（BONUS）或扣分（DEDUCTION）"));
        } else {
            try {
                kind = ItemKind.valueOf(r.kind().trim());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(at + ".kind", "“" + r.kind() + "”不是有效的类别（BONUS、DEDUCTION）"));
            }
        }
        if (r.points() == null || r.points().signum() <= 0 || r.points().compareTo(scaleMax) > 0) {
            errors.add(new FieldError(at + ".points", "分值须大于 0 且不超过满分"));
        } else if (!fits(r.points(), decimals)) {
            errors.add(new FieldError(at + ".points", "分值最多 " + decimals + " 位小数"));
        }
        List<String> ruleGrades = r.grades() == null ? List.of() : r.grades();
        for (String g : ruleGrades) {
            if (!grades.contains(g)) {
                errors.add(new FieldError(at + ".grades", "“" + g + "”不是监管结果的等次（" + String.join("、", grades) + "）"));
            }
        }
        for (var bound : List.of(java.util.Map.entry("totalBelow", java.util.Optional.ofNullable(r.totalBelow())),
                java.util.Map.entry("totalAtLeast", java.util.Optional.ofNullable(r.totalAtLeast())))) {
            BigDecimal v = bound.getValue().orElse(null);
            if (v != null && (v.signum() < 0 || v.compareTo(HUNDRED) > 0)) {
                errors.add(new FieldError(at + "." + bound.getKey(), "得分界限须在 0 至 100 之间"));
            }
        }
        if (r.totalBelow() != null && r.totalAtLeast() != null && r.totalAtLeast().compareTo(r.totalBelow()) >= 0) {
            errors.add(new FieldError(at + ".totalBelow", "得分区间为空：totalAtLeast 须小于 totalBelow"));
        }
        if (ruleGrades.isEmpty() && r.totalBelow() == null && r.totalAtLeast() == null) {
            errors.add(new FieldError(at, "至少规定一个条件（grades、totalBelow 或 totalAtLeast）"));
        }
        if (r.campaignId() != null) {
            Campaign c = campaigns.apply(r.campaignId());
            if (c == null || c.kind() != CampaignKind.SPECIAL || c.period().year() != year) {
                errors.add(new FieldError(at + ".campaignId", "监管活动 " + r.campaignId() + " 不是本行政区划 " + year + " 年度的专项监管活动"));
            }
        }
        if (errors.size() > before) {
            return null;
        }
        return new SpecialRule(kind, r.points(), ruleGrades.stream().distinct().toList(), r.totalBelow(), r.totalAtLeast(), r.campaignId());
    }

    /** At most {@code decimals} significant decimals (trailing zeros do not count). */
    static boolean fits(BigDecimal v, int decimals) {
        return v.stripTrailingZeros().scale() <= decimals;
    }
}
