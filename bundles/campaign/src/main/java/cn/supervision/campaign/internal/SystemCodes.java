package cn.supervision.campaign.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import cn.supervision.api.indicator.Category;
import cn.supervision.api.indicator.Indicator;
import cn.supervision.api.indicator.SystemDefinition;

/** The codes of a unit's view of a system: which an input may name, which scoring expects. */
final class SystemCodes {
    private SystemCodes() {
    }

    /** Every leaf of a system's tree, at any depth. */
    static List<Indicator> leaves(SystemDefinition d) {
        List<Indicator> leaves = new ArrayList<>();
        ArrayDeque<Indicator> pending = new ArrayDeque<>(d.indicators());
        while (!pending.isEmpty()) {
            Indicator n = pending.pop();
            if (n.leaf()) {
                leaves.add(n);
            }
            pending.addAll(n.children());
        }
        return leaves;
    }

    /** The duty-driven indicator {@code code} is an expanded leaf of in {@code d}; null for any other code. */
    static String templateOf(SystemDefinition d, String code) {
        ArrayDeque<Indicator> pending = new ArrayDeque<>(d == null ? List.of() : d.indicators());
        while (!pending.isEmpty()) {
            Indicator n = pending.pop();
            if (n.expanded() && n.children().stream().anyMatch(x -> x.code().equals(code))) {
                return n.code();
            }
            pending.addAll(n.children());
        }
        return null;
    }

    /** The codes an input may name: every leaf and every adjustment item. */
    static Set<String> inputCodes(SystemDefinition d) {
        Set<String> codes = new HashSet<>();
        leaves(d).forEach(n -> codes.add(n.code()));
        d.adjustments().forEach(a -> codes.add(a.code()));
        return codes;
    }

    /** The leaves of the categories a campaign uses. */
    static Set<String> leafCodes(SystemDefinition d, Set<Category> used) {
        return leaves(d).stream().filter(n -> used.contains(n.category())).map(Indicator::code).collect(Collectors.toSet());
    }
}
