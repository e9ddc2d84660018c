package cn.supervision.indicator.internal;

import static cn.supervision.indicator.internal.Problems.error;
import static cn.supervision.indicator.internal.Problems.nonNegative;
import static cn.supervision.indicator.internal.Problems.text;

import java.util.List;
import java.util.Set;

import cn.supervision.api.indicator.Adjustment;
import cn.supervision.api.indicator.AdjustmentKind;
import cn.supervision.api.indicator.RuleType;
import cn.supervision.api.indicator.ValidationProblem;

/**
 * The bonus, deduction and veto items outside the tree: a veto is a VETO rule with an effect, the others take only
 * rules that score occurrences, bands or levels, scaled to their own cap (none: uncapped).
 */
final class AdjustmentCheck {
    static final Set<RuleType> ADJUSTMENT_RULES = Set.of(RuleType.BONUS_PER_OCCURRENCE, RuleType.BANDS, RuleType.STATE,
            RuleType.GRADE, RuleType.CUSTOM);

    private final CodeCheck codes;
    private final RuleCheck rules;

    AdjustmentCheck(CodeCheck codes, RuleCheck rules) {
        this.codes = codes;
        this.rules = rules;
    }

    /** {@code fallback} names an item without a code by its position. */
    void check(List<ValidationProblem> out, Adjustment a, String fallback, boolean publishing) {
        String path = "adjustments/" + (a.code() == null ? fallback : a.code());
        codes.claim(out, path, a.code());
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
        rules.check(out, path, a.rule(), a.cap(), publishing);
    }
}
