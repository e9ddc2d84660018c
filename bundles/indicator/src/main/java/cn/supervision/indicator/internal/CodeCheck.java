package cn.supervision.indicator.internal;

import static cn.supervision.indicator.internal.Problems.error;
import static cn.supervision.indicator.internal.Problems.label;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import cn.supervision.api.indicator.DefinitionLimits;
import cn.supervision.api.indicator.Indicator;
import cn.supervision.api.indicator.SystemDefinition;
import cn.supervision.api.indicator.ValidationProblem;

/**
 * The codes of one definition: indicators and adjustments share one namespace (inputs, results and exports are keyed
 * by code), and a duty-driven leaf reserves the codes its expansion will give.
 */
final class CodeCheck {
    static final Pattern CODE = Pattern.compile(DefinitionLimits.CODE_PATTERN);

    private final Set<String> seen = new HashSet<>();

    /** Well-formed and not taken yet; the first holder keeps it, so only later duplicates are reported. */
    void claim(List<ValidationProblem> out, String path, String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            out.add(error(path, "编码必须是 1–32 位字母、数字、点、下划线或连字符"));
        } else if (!seen.add(code)) {
            out.add(error(path, "编码 " + code + " 重复"));
        }
    }

    /** Codes a duty-driven leaf will give its per-duty children ({@code <code>-<n>}): no other indicator may take them. */
    static void reserved(List<ValidationProblem> out, SystemDefinition d) {
        Set<String> perDuty = new HashSet<>();
        List<Indicator> all = new ArrayList<>();
        ArrayDeque<Indicator> pending = new ArrayDeque<>(d.indicators());
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
}
