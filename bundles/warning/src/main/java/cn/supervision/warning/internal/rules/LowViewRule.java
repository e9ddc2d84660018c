package cn.supervision.warning.internal.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.ResultRevision;
import cn.supervision.api.campaign.UnitResult;
import cn.supervision.api.warning.WarningRule;

/**
 * Yellow: the duty view (履职) or the corroboration view (印证) of a published result is strictly below the threshold
 * (0–100). A vetoed unit is the veto rule's; a view the campaign did not measure (null) is not judged.
 */
public final class LowViewRule implements Rule {
    @Override
    public WarningRule id() {
        return WarningRule.LOW_VIEW;
    }

    @Override
    public List<Hit> evaluate(Facts facts) {
        BigDecimal threshold = facts.config().lowViewThreshold();
        List<Hit> hits = new ArrayList<>();
        for (Campaign c : facts.latestPublished()) {
            ResultRevision rev = facts.latestRevision(c.id());
            if (rev == null) {
                continue;
            }
            for (UnitResult r : rev.results()) {
                if (r.evaluation() != null && r.evaluation().vetoed()) {
                    continue;
                }
                List<String> low = new ArrayList<>();
                if (r.dutyView() != null && r.dutyView().compareTo(threshold) < 0) {
                    low.add("履职视角 " + r.dutyView().toPlainString());
                }
                if (r.corroborationView() != null && r.corroborationView().compareTo(threshold) < 0) {
                    low.add("印证视角 " + r.corroborationView().toPlainString());
                }
                if (low.isEmpty()) {
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                values.put("campaignId", String.valueOf(c.id()));
                values.put("revision", String.valueOf(rev.revision()));
                values.put("dutyView", r.dutyView() == null ? "" : r.dutyView().toPlainString());
                values.put("corroborationView", r.corroborationView() == null ? "" : r.corroborationView().toPlainString());
                values.put("threshold", threshold.toPlainString());
                hits.add(new Hit(r.unitId(), id(), "campaign:" + c.id(),
                        r.unitName() + " 在“" + c.title() + "”（" + c.period().label() + "）中" + String.join("、", low)
                                + "，低于预警线 " + threshold.toPlainString() + " 分", values));
            }
        }
        return hits;
    }
}
