package cn.supervision.campaign.internal;

import java.util.Map;
import java.util.TreeMap;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.indicator.Dimension;
import cn.supervision.api.indicator.Indicator;
import cn.supervision.api.indicator.IndicatorSystemService;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.security.Caller;

/**
 * What a unit is asked to self-report in a campaign: the leaves of the duty categories in use (核心职责, 辅助职责) of the
 * system pinned for its kind. Peer review, public evaluation and platform data come through their own channels.
 */
final class ReportScope {
    private final IndicatorSystemService systems;
    /** Per system id: code → name of the self-reportable leaves. One scope lives for one request or one pass. */
    private final Map<String, Map<String, String>> bySystem = new java.util.HashMap<>();

    ReportScope(IndicatorSystemService systems) {
        this.systems = systems;
    }

    /** Code → indicator name, in code order; empty when the unit's kind has no pinned system. */
    Map<String, String> expected(Campaign c, Unit u) {
        Long systemId = c.systems().get(u.kind());
        if (systemId == null) {
            return Map.of();
        }
        return bySystem.computeIfAbsent(systemId + "/" + c.categories(), k -> {
            Map<String, String> codes = new TreeMap<>();
            for (Indicator n : JpaCampaignService.leaves(systems.get(Caller.system("campaign-deadlines"), systemId).definition())) {
                if (n.category() != null && n.category().dimension() == Dimension.DUTY && c.categories().contains(n.category())) {
                    codes.put(n.code(), n.name());
                }
            }
            return java.util.Collections.unmodifiableMap(codes);
        });
    }
}
