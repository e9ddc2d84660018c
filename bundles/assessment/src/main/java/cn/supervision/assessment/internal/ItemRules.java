package cn.supervision.assessment.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import cn.supervision.api.assessment.ItemKind;
import cn.supervision.api.assessment.Mapping;
import cn.supervision.api.assessment.SpecialRule;
import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignKind;
import cn.supervision.api.campaign.UnitResult;

/** Which bonus and deduction items a mapping's special rules propose from the special campaigns' results, and why. */
final class ItemRules {
    private ItemRules() {
    }

    /** A special campaign at the result revision used. */
    record SpecialResults(Campaign campaign, int revision, List<UnitResult> results) { }

    /** A proposed item, before it is stored. {@code ruleNumber} is 1-based. */
    record Derived(long unitId, String unitName, long campaignId, String campaignTitle, int resultRevision, int ruleNumber,
                   ItemKind kind, BigDecimal points, String reason) {
        String key() {
            return campaignId + "/" + unitId + "/" + ruleNumber;
        }
    }

    static List<Derived> derive(Mapping m, List<SpecialResults> specials) {
        List<Derived> out = new ArrayList<>();
        for (SpecialResults s : specials) {
            if (s.campaign().kind() != CampaignKind.SPECIAL) {
                continue;
            }
            for (int n = 1; n <= m.specialRules().size(); n++) {
                SpecialRule rule = m.specialRules().get(n - 1);
                if (rule.campaignId() != null && rule.campaignId() != s.campaign().id()) {
                    continue;
                }
                for (UnitResult r : s.results()) {
                    String condition = condition(rule, r);
                    if (condition != null) {
                        out.add(new Derived(r.unitId(), r.unitName(), s.campaign().id(), s.campaign().title(), s.revision(), n,
                                rule.kind(), rule.points(), reason(s, n, rule, condition)));
                    }
                }
            }
        }
        return out;
    }

    /** The conditions met, in words, or null when the rule does not apply. */
    static String condition(SpecialRule rule, UnitResult r) {
        List<String> parts = new ArrayList<>();
        if (!rule.grades().isEmpty()) {
            if (r.grade() == null || !rule.grades().contains(r.grade())) {
                return null;
            }
            parts.add("等次为“" + r.grade() + "”");
        }
        if (rule.totalBelow() != null) {
            if (r.total() == null || r.total().compareTo(rule.totalBelow()) >= 0) {
                return null;
            }
            parts.add("得分 " + r.total().toPlainString() + " 低于 " + rule.totalBelow().toPlainString() + " 分");
        }
        if (rule.totalAtLeast() != null) {
            if (r.total() == null || r.total().compareTo(rule.totalAtLeast()) < 0) {
                return null;
            }
            parts.add("得分 " + r.total().toPlainString() + " 不低于 " + rule.totalAtLeast().toPlainString() + " 分");
        }
        return String.join("且", parts);
    }

    /** e.g. 专项监管“优化营商环境专项监管”（2026年11月，第 2 版结果）中等次为“较差”，依考核折算规则第 1 条拟扣 1.5 分 */
    static String reason(SpecialResults s, int ruleNumber, SpecialRule rule, String condition) {
        String text = "专项监管“" + s.campaign().title() + "”（" + s.campaign().period().label() + "，第 " + s.revision() + " 版结果）中"
                + condition + "，依考核折算规则第 " + ruleNumber + " 条拟" + (rule.kind() == ItemKind.BONUS ? "加 " : "扣 ")
                + rule.points().toPlainString() + " 分";
        return text.length() > 500 ? text.substring(0, 499) + "…" : text;
    }
}
