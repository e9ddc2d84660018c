package cn.supervision.duty.coverage.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.DutyLeaf;
import cn.supervision.api.duty.AssessedBy;
import cn.supervision.api.registry.Unit;

/**
 * The scored duty leaves of some campaigns, by duty id: a duty counts as assessed when at least one leaf of it has a
 * score. Duty ids are stable across mandate revisions, so a leaf frozen years ago still finds today's duty.
 */
final class Assessments {
    private final Map<Long, List<AssessedBy>> byDuty = new HashMap<>();

    Assessments(List<CampaignLeaves> read, Map<Long, Unit> units, IndicatorNames names) {
        for (CampaignLeaves cl : read) {
            Campaign c = cl.campaign();
            for (DutyLeaf l : cl.leaves()) {
                if (!l.assessed()) {
                    continue;
                }
                Unit unit = units.get(l.unitId());
                String name = names.name(c, unit == null ? null : unit.kind(), l.templateCode());
                byDuty.computeIfAbsent(l.dutyId(), k -> new ArrayList<>())
                        .add(new AssessedBy(c.id(), c.title(), l.templateCode(), name, l.code(), l.score(), l.max()));
            }
        }
    }

    List<AssessedBy> of(long dutyId) {
        return byDuty.getOrDefault(dutyId, List.of());
    }
}
