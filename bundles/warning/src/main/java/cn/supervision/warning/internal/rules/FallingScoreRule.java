package cn.supervision.warning.internal.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.ResultRevision;
import cn.supervision.api.campaign.UnitResult;
import cn.supervision.api.warning.WarningRule;

/**
 * Yellow: a unit's total in the newest published campaign of a routine lineage fell by strictly more than the
 * configured points against the previous published period of the same lineage ({@code Campaign.rolledFrom}).
 */
public final class FallingScoreRule implements Rule {
    @Override
    public WarningRule id() {
        return WarningRule.FALLING_SCORE;
    }

    @Override
    public List<Hit> evaluate(Facts facts) {
        BigDecimal points = facts.config().fallingPoints();
        List<Hit> hits = new ArrayList<>();
        for (Campaign c : facts.latestPublished()) {
            Campaign previous = facts.predecessor(c);
            if (previous == null) {
                continue;
            }
            ResultRevision now = facts.latestRevision(c.id());
            ResultRevision before = facts.latestRevision(previous.id());
            if (now == null || before == null) {
                continue;
            }
            Map<Long, BigDecimal> earlier = new HashMap<>();
            before.results().forEach(r -> earlier.put(r.unitId(), r.total()));
            for (UnitResult r : now.results()) {
                BigDecimal was = earlier.get(r.unitId());
                if (was == null || r.total() == null) {
                    continue;
                }
                BigDecimal drop = was.subtract(r.total());
                if (drop.compareTo(points) <= 0) {
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                values.put("campaignId", String.valueOf(c.id()));
                values.put("previousCampaignId", String.valueOf(previous.id()));
                values.put("total", r.total().toPlainString());
                values.put("previousTotal", was.toPlainString());
                values.put("drop", drop.toPlainString());
                values.put("points", points.toPlainString());
                hits.add(new Hit(r.unitId(), id(), "campaign:" + c.id(),
                        r.unitName() + " " + c.period().label() + "总分 " + r.total().toPlainString() + "，较"
                                + previous.period().label() + "（" + was.toPlainString() + "）下降 " + drop.toPlainString()
                                + " 分，超过 " + points.toPlainString() + " 分", values));
            }
        }
        return hits;
    }
}
