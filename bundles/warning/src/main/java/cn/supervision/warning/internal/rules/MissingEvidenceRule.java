package cn.supervision.warning.internal.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.InputRecord;
import cn.supervision.api.campaign.InputSource;
import cn.supervision.api.campaign.ReviewStatus;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.warning.WarningRule;

/**
 * Blue: in a campaign still COLLECTING or SCORING, a unit's current self-report (the newest per code, not returned)
 * has no evidence file. One warning per unit and campaign, listing the codes. The campaign API reads inputs per unit
 * and evidence per input, so this rule costs reads per target unit of the open campaigns (the published history is
 * never read).
 */
public final class MissingEvidenceRule implements Rule {
    @Override
    public WarningRule id() {
        return WarningRule.MISSING_EVIDENCE;
    }

    @Override
    public List<Hit> evaluate(Facts facts) {
        CampaignService campaigns = facts.sources().campaigns();
        List<Hit> hits = new ArrayList<>();
        for (Campaign c : facts.inState(CampaignState.COLLECTING, CampaignState.SCORING)) {
            for (Long unitId : c.targetUnitIds() == null ? List.<Long>of() : c.targetUnitIds()) {
                Unit unit = facts.units().get(unitId);
                if (unit == null) {
                    continue;
                }
                Map<String, InputRecord> current = new TreeMap<>();
                for (InputRecord i : campaigns.inputs(facts.system(), c.id(), unitId)) {
                    if (i.source() == InputSource.SELF_REPORT) {
                        current.put(i.code(), i);
                    }
                }
                List<String> bare = current.values().stream()
                        .filter(i -> i.review() != ReviewStatus.RETURNED)
                        .filter(i -> campaigns.evidence(facts.system(), c.id(), i.id()).isEmpty())
                        .map(InputRecord::code).toList();
                if (bare.isEmpty()) {
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                values.put("campaignId", String.valueOf(c.id()));
                values.put("codes", String.join(",", bare));
                hits.add(new Hit(unitId, id(), "campaign:" + c.id(),
                        unit.name() + " 在“" + c.title() + "”中有 " + bare.size() + " 项自评未附佐证材料：" + String.join("、", bare), values));
            }
        }
        return hits;
    }
}
