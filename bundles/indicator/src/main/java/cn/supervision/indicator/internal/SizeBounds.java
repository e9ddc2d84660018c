package cn.supervision.indicator.internal;

import static cn.supervision.indicator.internal.Problems.error;
import static cn.supervision.indicator.internal.Problems.label;
import static cn.supervision.indicator.internal.Problems.text;
import static cn.supervision.indicator.internal.SystemValidator.MAX_ADJUSTMENTS;
import static cn.supervision.indicator.internal.SystemValidator.MAX_DEPTH;
import static cn.supervision.indicator.internal.SystemValidator.MAX_NAME;
import static cn.supervision.indicator.internal.SystemValidator.MAX_NODES;
import static cn.supervision.indicator.internal.SystemValidator.MAX_RULE_ITEMS;
import static cn.supervision.indicator.internal.SystemValidator.MAX_TEXT;

import java.util.ArrayList;
import java.util.List;

import cn.supervision.api.indicator.Adjustment;
import cn.supervision.api.indicator.Indicator;
import cn.supervision.api.indicator.RuleSpec;
import cn.supervision.api.indicator.RuleSpec.Level;
import cn.supervision.api.indicator.SystemDefinition;
import cn.supervision.api.indicator.ValidationProblem;

/**
 * The sizes any stored definition keeps to, draft or not: node count, depth, text lengths and list sizes. A draft
 * may be incomplete, but never larger than a system can be, so what is stored (and later listed, copied, diffed,
 * exported and validated in full) stays bounded. Cheap: it stops descending below the deepest allowed level.
 */
final class SizeBounds {
    private SizeBounds() {
    }

    static List<ValidationProblem> of(SystemDefinition d) {
        List<ValidationProblem> out = new ArrayList<>();
        if (d == null) {
            return out;
        }
        int[] count = {0};
        for (Indicator root : d.indicators()) {
            node(out, root, "", 1, count);
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
            rule(out, path, a.rule());
        }
        return out;
    }

    private static void node(List<ValidationProblem> out, Indicator n, String parentPath, int depth, int[] count) {
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
        rule(out, path, n.rule());
        if (depth > MAX_DEPTH) {
            out.add(error(path, "指标层级不能超过 " + MAX_DEPTH + " 级"));
            return;
        }
        for (Indicator c : n.children()) {
            node(out, c, path, depth + 1, count);
        }
    }

    private static void rule(List<ValidationProblem> out, String path, RuleSpec r) {
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
}
