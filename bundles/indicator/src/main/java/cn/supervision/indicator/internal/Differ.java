package cn.supervision.indicator.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.supervision.api.indicator.Adjustment;
import cn.supervision.api.indicator.Indicator;
import cn.supervision.api.indicator.SystemDefinition;
import cn.supervision.api.indicator.SystemDiff;

/** Compares two definitions node by node (by code): added, removed, and which fields changed. */
final class Differ {
    static final String SYSTEM = "(体系)";

    private Differ() {
    }

    static SystemDiff diff(long fromId, SystemDefinition from, long toId, SystemDefinition to) {
        Map<String, Map<String, Object>> a = flatten(from);
        Map<String, Map<String, Object>> b = flatten(to);
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<SystemDiff.Change> changed = new ArrayList<>();
        for (String code : b.keySet()) {
            if (!a.containsKey(code)) {
                added.add(code);
            }
        }
        for (Map.Entry<String, Map<String, Object>> e : a.entrySet()) {
            Map<String, Object> other = b.get(e.getKey());
            if (other == null) {
                removed.add(e.getKey());
                continue;
            }
            List<String> fields = new ArrayList<>();
            e.getValue().forEach((field, value) -> {
                if (!Objects.equals(value, other.get(field))) {
                    fields.add(field);
                }
            });
            if (!fields.isEmpty()) {
                changed.add(new SystemDiff.Change(e.getKey(), fields));
            }
        }
        return new SystemDiff(fromId, toId, added, removed, changed);
    }

    private static Map<String, Map<String, Object>> flatten(SystemDefinition d) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        Map<String, Object> system = new LinkedHashMap<>();
        system.put("name", d.name());
        system.put("year", d.year());
        system.put("unitKinds", d.unitKinds());
        system.put("aggregation", d.aggregation());
        system.put("baseMax", plain(d.baseMax()));
        system.put("specificMax", plain(d.specificMax()));
        system.put("bonusCap", plain(d.bonusCap()));
        system.put("deductionCap", plain(d.deductionCap()));
        // the policy in force, so stating the default is no change
        system.put("rounding", cn.supervision.api.indicator.Rounding.of(d));
        out.put(SYSTEM, system);
        for (Indicator root : d.indicators()) {
            node(out, root, null);
        }
        for (Adjustment a : d.adjustments()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("name", a.name());
            f.put("kind", a.kind());
            f.put("description", a.description());
            f.put("rule", a.rule() == null ? null : Definitions.toJsonValue(a.rule()));
            f.put("cap", plain(a.cap()));
            f.put("vetoEffect", a.vetoEffect());
            out.put(a.code(), f);
        }
        return out;
    }

    private static void node(Map<String, Map<String, Object>> out, Indicator n, String parent) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("parent", parent);
        f.put("name", n.name());
        f.put("weight", plain(n.weight()));
        f.put("category", n.category());
        f.put("scope", n.scope());
        f.put("assessmentPoints", n.assessmentPoints());
        f.put("evidence", n.evidence());
        f.put("rule", n.rule() == null ? null : Definitions.toJsonValue(n.rule()));
        out.put(n.code(), f);
        for (Indicator c : n.children()) {
            node(out, c, n.code());
        }
    }

    /** 10 and 10.0 are the same weight. */
    private static String plain(java.math.BigDecimal v) {
        return v == null ? null : v.stripTrailingZeros().toPlainString();
    }
}
