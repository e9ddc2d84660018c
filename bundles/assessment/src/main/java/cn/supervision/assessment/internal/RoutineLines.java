package cn.supervision.assessment.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.supervision.api.assessment.Mapping;
import cn.supervision.api.campaign.CampaignKind;
import cn.supervision.api.campaign.UnitResult;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.assessment.internal.CampaignResults.Published;

/**
 * Every unit's routine line of the view: its result in the routine campaign the mapping pins, else in the most recently
 * published routine campaign of the year that scored it, and the points the mapping gives it ({@link Points}).
 */
final class RoutineLines {
    private RoutineLines() {
    }

    /** One unit's routine result and its points. */
    record Line(Published campaign, UnitResult result, BigDecimal points) { }

    /**
     * The routine campaigns the view takes results from: the one the mapping pins, else every published routine
     * campaign of the year, a unit's line coming from the most recently published one that scored it.
     */
    static List<Published> campaigns(Mapping mapping, List<Published> published) {
        if (mapping.routineCampaignId() == null) {
            return published.stream().filter(p -> p.campaign().kind() == CampaignKind.ROUTINE).toList();
        }
        return published.stream().filter(p -> p.campaign().id() == mapping.routineCampaignId()).findFirst().map(List::of)
                .orElseThrow(() -> SupervisionException.conflict("折算规则指定的常规监管活动 " + mapping.routineCampaignId() + " 尚未发布"));
    }

    /** Every unit's line by unit id, computed (and refused on an unmapped grade) before anything is written. */
    static Map<Long, Line> lines(Mapping mapping, List<Published> routine) {
        Map<Long, Line> lines = new LinkedHashMap<>();
        for (Published p : routine) {
            for (UnitResult r : p.latest().results()) {
                Line seen = lines.get(r.unitId());
                if (seen == null || later(p, seen.campaign())) {
                    lines.put(r.unitId(), new Line(p, r, Points.routine(mapping, r.unitName(), r.total(), r.grade())));
                }
            }
        }
        return lines;
    }

    static boolean later(Published p, Published than) {
        int c = p.publishedAt().compareTo(than.publishedAt());
        return c > 0 || (c == 0 && p.campaign().id() > than.campaign().id());
    }
}
