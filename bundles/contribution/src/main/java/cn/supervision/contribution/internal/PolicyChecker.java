package cn.supervision.contribution.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.supervision.api.contribution.Policy;
import cn.supervision.api.indicator.Category;
import cn.supervision.api.indicator.Indicator;
import cn.supervision.api.indicator.SystemDefinition;

/** Checks a county's indicator system against the city's policy; every breach is one reason. */
final class PolicyChecker {
    private PolicyChecker() {
    }

    static List<String> check(Policy policy, SystemDefinition d, Map<Category, BigDecimal> shares) {
        List<String> out = new ArrayList<>();
        if (policy == null) {
            return out;
        }
        if (policy.requiredBaseMax() != null && (d.baseMax() == null || d.baseMax().compareTo(policy.requiredBaseMax()) != 0)) {
            out.add("市级政策要求基础分满分为 " + plain(policy.requiredBaseMax()) + "，该体系为 " + plain(d.baseMax()));
        }
        for (Category c : policy.mandatoryCategories()) {
            if (shares.getOrDefault(c, BigDecimal.ZERO).signum() == 0) {
                out.add("市级政策要求包含“" + c.label() + "”（" + c + "）类指标");
            }
        }
        policy.categoryShare().forEach((c, b) -> {
            BigDecimal share = shares.getOrDefault(c, BigDecimal.ZERO);
            if ((b.min() != null && share.compareTo(b.min()) < 0) || (b.max() != null && share.compareTo(b.max()) > 0)) {
                out.add("“" + c.label() + "”类指标占基础分 " + plain(share) + "%，市级政策要求在 " + plain(b.min()) + "%–"
                        + plain(b.max()) + "% 之间");
            }
        });
        if (policy.maxDepth() != null) {
            int depth = d.indicators().stream().mapToInt(PolicyChecker::depth).max().orElse(0);
            if (depth > policy.maxDepth()) {
                out.add("指标层级 " + depth + " 级，市级政策最多允许 " + policy.maxDepth() + " 级");
            }
        }
        if (policy.maxSpecific() != null && d.specificMax() != null && d.specificMax().compareTo(policy.maxSpecific()) > 0) {
            out.add("个性指标满分 " + plain(d.specificMax()) + "，市级政策最多允许 " + plain(policy.maxSpecific()));
        }
        if (policy.maxBonusCap() != null && (d.bonusCap() == null || d.bonusCap().compareTo(policy.maxBonusCap()) > 0)
                && d.adjustments().stream().anyMatch(a -> a.kind() == cn.supervision.api.indicator.AdjustmentKind.BONUS)) {
            out.add("加分上限 " + plain(d.bonusCap()) + "，市级政策最多允许 " + plain(policy.maxBonusCap()));
        }
        return out;
    }

    private static int depth(Indicator n) {
        return 1 + n.children().stream().mapToInt(PolicyChecker::depth).max().orElse(0);
    }

    private static String plain(BigDecimal v) {
        return v == null ? "未设定" : v.stripTrailingZeros().toPlainString();
    }
}
