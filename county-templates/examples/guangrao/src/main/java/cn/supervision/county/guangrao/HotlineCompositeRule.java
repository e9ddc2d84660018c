package cn.supervision.county.guangrao;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.supervision.api.indicator.IndicatorInput;
import cn.supervision.api.indicator.RuleResult;
import cn.supervision.api.indicator.ScoringRule;

/**
 * 广饶县 12345 综合指数: on-time completion rate (value, %) × full marks, minus {@code penaltyPerCase} for every
 * repeated complaint (occurrences), floored at 0. A CUSTOM rule contributed by the county's own bundle.
 */
public class HotlineCompositeRule implements ScoringRule {
    static final String ID = "guangrao.hotline-composite";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<String> validate(Map<String, String> params) {
        List<String> problems = new ArrayList<>();
        String p = params.get("penaltyPerCase");
        try {
            if (p == null || new BigDecimal(p).signum() < 0) {
                problems.add("penaltyPerCase 必须是不小于 0 的数字");
            }
        } catch (NumberFormatException e) {
            problems.add("penaltyPerCase 必须是不小于 0 的数字");
        }
        return problems;
    }

    @Override
    public RuleResult score(Map<String, String> params, IndicatorInput input, BigDecimal max) {
        if (input == null || input.value() == null) {
            return new RuleResult(null, "无数据（需要按期办结率）", List.of());
        }
        BigDecimal rate = input.value().max(BigDecimal.ZERO).min(BigDecimal.valueOf(100));
        int repeats = input.occurrences() == null ? 0 : Math.max(0, input.occurrences());
        BigDecimal penalty = new BigDecimal(params.get("penaltyPerCase")).multiply(BigDecimal.valueOf(repeats));
        BigDecimal base = rate.multiply(max).divide(BigDecimal.valueOf(100), 6, RoundingMode.HALF_UP);
        BigDecimal score = base.subtract(penalty).max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
        return new RuleResult(score, "按期办结率 " + rate.stripTrailingZeros().toPlainString() + "%，重复投诉 " + repeats + " 件，得 "
                + score.toPlainString() + " 分",
                List.of("按期办结率 × 满分 = " + base.setScale(2, RoundingMode.HALF_UP).toPlainString(),
                        "重复投诉 " + repeats + " 件 × " + params.get("penaltyPerCase") + " = 扣 " + penalty.toPlainString()));
    }
}
