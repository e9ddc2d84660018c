package cn.supervision.indicator.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import cn.supervision.api.indicator.Category;
import cn.supervision.api.indicator.Indicator;
import cn.supervision.api.indicator.IndicatorScope;
import cn.supervision.api.indicator.RuleSpec;
import cn.supervision.api.indicator.RuleSpec.Band;
import cn.supervision.api.indicator.RuleSpec.Level;
import cn.supervision.api.indicator.RuleSpec.Tier;
import cn.supervision.api.indicator.RuleType;

/** Short constructors for rules and trees in tests. */
final class Rules {
    private Rules() {
    }

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    static RuleSpec deduct(String perCase) {
        return new RuleSpec(RuleType.DEDUCT_PER_OCCURRENCE, "每起扣" + perCase, d(perCase), null, null, null, null, null, null,
                null, null, null, null, null, null, null, null);
    }

    static RuleSpec tiers(Tier... tiers) {
        return new RuleSpec(RuleType.DEDUCT_PER_OCCURRENCE, "分档扣分", null, List.of(tiers), null, null, null, null, null,
                null, null, null, null, null, null, null, null);
    }

    static RuleSpec bonus(String perCase, String cap) {
        return new RuleSpec(RuleType.BONUS_PER_OCCURRENCE, "每次加分", d(perCase), null, cap == null ? null : d(cap), null, null,
                null, null, null, null, null, null, null, null, null, null);
    }

    static Band band(String lower, boolean li, String upper, boolean ui, String value) {
        return new Band(lower == null ? null : d(lower), li, upper == null ? null : d(upper), ui, d(value));
    }

    static RuleSpec bands(RuleSpec.BandMode mode, Band... bands) {
        return new RuleSpec(RuleType.BANDS, "分档", null, null, null, List.of(bands), mode, null, null, null, null, null, null,
                null, null, null, null);
    }

    static RuleSpec linear(String fromValue, String fromScore, String toValue, String toScore) {
        return new RuleSpec(RuleType.LINEAR, "线性", null, null, null, null, null, d(fromValue), d(fromScore), d(toValue),
                d(toScore), null, null, null, null, null, null);
    }

    static RuleSpec ratio(String target, String cap) {
        return new RuleSpec(RuleType.RATIO, "比率", null, null, cap == null ? null : d(cap), null, null, null, null, null, null,
                d(target), null, null, null, null, null);
    }

    static Level level(String label, String score) {
        return new Level(label, d(score));
    }

    static RuleSpec grade(RuleSpec.Combine combine, Integer trim, Level... levels) {
        return new RuleSpec(RuleType.GRADE, "定性评价", null, null, null, null, null, null, null, null, null, null,
                List.of(levels), combine, trim, null, null);
    }

    static RuleSpec state(Level... levels) {
        return new RuleSpec(RuleType.STATE, "整改状态", null, null, null, null, null, null, null, null, null, null,
                List.of(levels), null, null, null, null);
    }

    static RuleSpec veto() {
        return new RuleSpec(RuleType.VETO, "一票否决", null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    static RuleSpec custom(String id, Map<String, String> params) {
        return new RuleSpec(RuleType.CUSTOM, "自定义", null, null, null, null, null, null, null, null, null, null, null, null,
                null, id, params);
    }

    static Indicator leaf(String code, String weight, Category category, RuleSpec rule) {
        return new Indicator(code, "指标" + code, null, null, d(weight), category, IndicatorScope.COMMON, rule, null);
    }

    static Indicator specificLeaf(String code, String weight, Category category, RuleSpec rule) {
        return new Indicator(code, "个性指标" + code, null, null, d(weight), category, IndicatorScope.UNIT_SPECIFIC, rule, null);
    }

    static Indicator group(String code, String weight, Indicator... children) {
        return new Indicator(code, "指标" + code, null, null, d(weight), null, IndicatorScope.COMMON, null, List.of(children));
    }
}
