package cn.supervision.warning.internal.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.ResultRevision;
import cn.supervision.api.campaign.UnitResult;
import cn.supervision.api.indicator.AdjustmentKind;
import cn.supervision.api.indicator.Evaluation;
import cn.supervision.api.warning.WarningRule;

/** Red: a unit's published result carries a triggered veto (一票否决). One warning per campaign and unit (a correction does not raise it again). */
public final class VetoRule implements Rule {
    @Override
    public WarningRule id() {
        return WarningRule.VETO;
    }

    @Override
    public List<Hit> evaluate(Facts facts) {
        List<Hit> hits = new ArrayList<>();
        for (Campaign c : facts.latestPublished()) {
            ResultRevision rev = facts.latestRevision(c.id());
            if (rev == null) {
                continue;
            }
            for (UnitResult r : rev.results()) {
                Evaluation e = r.evaluation();
                if (e == null || !e.vetoed()) {
                    continue;
                }
                List<String> items = e.adjustments() == null ? List.of() : e.adjustments().stream()
                        .filter(a -> a.triggered() && a.kind() == AdjustmentKind.VETO)
                        .map(a -> a.code() + " " + a.name()).toList();
                Map<String, String> values = new LinkedHashMap<>();
                values.put("campaignId", String.valueOf(c.id()));
                values.put("campaign", c.title());
                values.put("revision", String.valueOf(rev.revision()));
                values.put("vetoItems", String.join("；", items));
                hits.add(new Hit(r.unitId(), id(), "campaign:" + c.id(),
                        r.unitName() + " 在“" + c.title() + "”（" + c.period().label() + "）中触发一票否决"
                                + (items.isEmpty() ? "" : "：" + String.join("；", items)), values));
            }
        }
        return hits;
    }
}
