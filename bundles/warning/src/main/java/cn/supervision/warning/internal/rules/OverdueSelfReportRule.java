package cn.supervision.warning.internal.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.InputSource;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.warning.WarningRule;

/**
 * Blue: a campaign is still COLLECTING after its collection deadline (the deadline day itself is not late) and a
 * target unit has no self-report at all. The campaign's coverage (one read per campaign) names the units still
 * missing data; only those are looked at for a self-report.
 */
public final class OverdueSelfReportRule implements Rule {
    @Override
    public WarningRule id() {
        return WarningRule.OVERDUE_SELF_REPORT;
    }

    @Override
    public List<Hit> evaluate(Facts facts) {
        CampaignService campaigns = facts.sources().campaigns();
        List<Hit> hits = new ArrayList<>();
        for (Campaign c : facts.inState(CampaignState.COLLECTING)) {
            if (c.collectionDeadline() == null || !facts.today().isAfter(c.collectionDeadline())) {
                continue;
            }
            for (CampaignService.Coverage missing : campaigns.coverage(facts.system(), c.id())) {
                Unit unit = facts.units().get(missing.unitId());
                if (unit == null || missing.missingCodes().isEmpty()) {
                    continue;
                }
                boolean reported = campaigns.inputs(facts.system(), c.id(), unit.id()).stream()
                        .anyMatch(i -> i.source() == InputSource.SELF_REPORT);
                if (reported) {
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                values.put("campaignId", String.valueOf(c.id()));
                values.put("collectionDeadline", c.collectionDeadline().toString());
                values.put("daysLate", String.valueOf(java.time.temporal.ChronoUnit.DAYS.between(c.collectionDeadline(), facts.today())));
                values.put("missingCodes", String.valueOf(missing.missingCodes().size()));
                hits.add(new Hit(unit.id(), id(), "campaign:" + c.id(),
                        unit.name() + " 未在 " + c.collectionDeadline() + " 前报送“" + c.title() + "”的自评材料", values));
            }
        }
        return hits;
    }
}
