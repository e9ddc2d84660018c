package cn.supervision.indicator.internal;

import static cn.supervision.indicator.internal.Decimals.HUNDRED;
import static cn.supervision.indicator.internal.Problems.error;
import static cn.supervision.indicator.internal.Problems.label;
import static cn.supervision.indicator.internal.Problems.text;
import static cn.supervision.indicator.internal.SystemValidator.MAX_DEPTH;
import static cn.supervision.indicator.internal.SystemValidator.MAX_NAME;
import static cn.supervision.indicator.internal.SystemValidator.MAX_NODES;

import java.util.List;

import cn.supervision.api.indicator.Aggregation;
import cn.supervision.api.indicator.Indicator;
import cn.supervision.api.indicator.IndicatorScope;
import cn.supervision.api.indicator.RuleType;
import cn.supervision.api.indicator.SystemDefinition;
import cn.supervision.api.indicator.ValidationProblem;

/**
 * The indicator tree of one definition, node by node in document order (so problems read top to bottom): codes, names,
 * weights, scope, depth, what a leaf must have and a group must not, then the first level's sums.
 */
final class TreeCheck {
    private final List<ValidationProblem> out;
    private final SystemDefinition d;
    private final CodeCheck codes;
    private final RuleCheck rules;
    private final boolean publishing;
    private int count;

    TreeCheck(List<ValidationProblem> out, SystemDefinition d, CodeCheck codes, RuleCheck rules, boolean publishing) {
        this.out = out;
        this.d = d;
        this.codes = codes;
        this.rules = rules;
        this.publishing = publishing;
    }

    void check() {
        for (Indicator root : d.indicators()) {
            node(root, root.scope(), "", 1);
        }
        if (count > MAX_NODES) {
            out.add(error("indicators", "指标不能超过 " + MAX_NODES + " 个"));
        }
        WeightCheck.roots(out, d);
    }

    private void node(Indicator n, IndicatorScope rootScope, String parentPath, int depth) {
        count++;
        String path = parentPath.isEmpty() ? label(n.code()) : parentPath + "/" + label(n.code());
        codes.claim(out, path, n.code());
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
            leaf(n, path);
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
            node(c, rootScope, path, depth + 1);
        }
        WeightCheck.children(out, path, n, d.aggregation());
    }

    /** A leaf's rule is scaled to 100 in PERCENT systems and to the leaf's own points in POINTS systems. */
    private void leaf(Indicator n, String path) {
        if (n.category() == null) {
            out.add(error(path, "末级指标必须归入五类二级指标之一（CORE、AUXILIARY、PEER_REVIEW、PUBLIC_EVALUATION、PLATFORM_DATA）"));
        }
        if (n.rule() == null) {
            out.add(error(path, "末级指标必须有评分规则"));
        } else if (n.rule().type() == RuleType.VETO) {
            out.add(error(path, "一票否决只能作为否决项，不能作为指标的评分规则"));
        } else if (n.weight() != null && d.aggregation() != null) {
            rules.check(out, path, n.rule(), d.aggregation() == Aggregation.PERCENT ? HUNDRED : n.weight(), publishing);
        }
        dutyPart(path, n);
    }

    /** A duty-driven leaf's weighting; its expanded children are coded {@code <code>-<n>}, reserved by {@link CodeCheck}. */
    private void dutyPart(String path, Indicator n) {
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
}
