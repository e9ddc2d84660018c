package cn.supervision.campaign.internal;

import java.util.Map;
import java.util.TreeMap;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.indicator.Dimension;
import cn.supervision.api.indicator.Indicator;
import cn.supervision.api.indicator.SystemDefinition;
import cn.supervision.api.registry.Unit;

/**
 * What a unit is asked to self-report in a campaign: the leaves of the duty categories in use (核心职责, 辅助职责) of its
 * view of the system pinned for its kind (duty-driven indicators expanded into its frozen duties). Peer review, public
 * evaluation and platform data come through their own channels.
 */
final class ReportScope {
    private final UnitSystems units;
    /** Per system id, for units without frozen duties: code → name. One scope lives for one request or one pass. */
    private final Map<String, Map<String, String>> bySystem = new java.util.HashMap<>();

    ReportScope(UnitSystems units) {
        this.units = units;
    }

    /** Code → indicator name, in code order; empty when the unit's kind has no pinned system. */
    Map<String, String> expected(Campaign c, Unit u) {
        Long systemId = c.systems().get(u.kind());
        if (systemId == null) {
            return Map.of();
        }
        if (!units.duties(c, u.id()).isEmpty()) {
            return codes(c, units.view(c, u));
        }
        return bySystem.computeIfAbsent(systemId + "/" + c.categories(), k -> codes(c, units.pinned(systemId)));
    }

    private static Map<String, String> codes(Campaign c, SystemDefinition d) {
        Map<String, String> codes = new TreeMap<>();
        for (Indicator n : SystemCodes.leaves(d)) {
            if (n.category() != null && n.category().dimension() == Dimension.DUTY && c.categories().contains(n.category())) {
                codes.put(n.code(), n.name());
            }
        }
        return java.util.Collections.unmodifiableMap(codes);
    }
}
