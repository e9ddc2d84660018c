package cn.supervision.duty.coverage.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.indicator.Indicator;
import cn.supervision.api.indicator.IndicatorSystemService;
import cn.supervision.api.registry.UnitKind;
import cn.supervision.api.security.Caller;

/**
 * The names of the indicators that declared duty-driven parts, from the system versions the campaigns pinned (a leaf
 * carries only its template's code). Each pinned version is read once per call, whatever the number of leaves.
 */
final class IndicatorNames {
    private final IndicatorSystemService systems;
    private final Caller caller;
    private final Map<Long, Map<String, String>> bySystem = new HashMap<>();

    IndicatorNames(IndicatorSystemService systems, Caller caller) {
        this.systems = systems;
        this.caller = caller;
    }

    /** The template's name in the version pinned for the unit's kind, else in any version the campaign pinned; null when none has it. */
    String name(Campaign campaign, UnitKind kind, String code) {
        Long pinned = kind == null || campaign.systems() == null ? null : campaign.systems().get(kind);
        if (pinned != null) {
            String name = namesOf(pinned).get(code);
            if (name != null) {
                return name;
            }
        }
        if (campaign.systems() != null) {
            for (Long id : campaign.systems().values()) {
                String name = namesOf(id).get(code);
                if (name != null) {
                    return name;
                }
            }
        }
        return null;
    }

    private Map<String, String> namesOf(long systemId) {
        return bySystem.computeIfAbsent(systemId, id -> {
            Map<String, String> names = new HashMap<>();
            collect(systems.get(caller, id).definition().indicators(), names);
            return names;
        });
    }

    private static void collect(List<Indicator> indicators, Map<String, String> names) {
        for (Indicator i : indicators) {
            names.putIfAbsent(i.code(), i.name());
            collect(i.children(), names);
        }
    }
}
