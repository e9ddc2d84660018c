package cn.supervision.assessment.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignKind;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.Period;
import cn.supervision.api.campaign.ResultRevision;
import cn.supervision.api.campaign.UnitResult;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Access;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.security.Target;
import cn.supervision.testing.fakes.FakeCampaignService;

/** Campaigns with stored result revisions, read under the real policy (READ_CAMPAIGN, READ_RESULTS). */
final class FakeCampaigns extends FakeCampaignService {
    final Map<Long, Campaign> campaigns = new LinkedHashMap<>();
    final Map<Long, List<ResultRevision>> revisions = new LinkedHashMap<>();
    private final Access access;

    FakeCampaigns(Access access) {
        this.access = access;
    }

    static UnitResult result(long unitId, String name, String total, String grade) {
        return new UnitResult(unitId, name, "GOVERNMENT_DEPARTMENT", 1, new BigDecimal(total), grade, null, null, null, false, 0, 0, 0,
                List.of(), null);
    }

    Campaign add(long id, String jurisdiction, CampaignKind kind, String title, int year, CampaignState state) {
        Campaign c = new Campaign(id, jurisdiction, kind, title, null, new Period(Period.PeriodType.YEAR, year, null), Map.of(), Set.of(),
                null, null, List.of(), List.of(), state, null, Instant.EPOCH, "seed", Instant.EPOCH, "seed");
        campaigns.put(id, c);
        revisions.put(id, new ArrayList<>());
        return c;
    }

    void publish(long id, Instant at, UnitResult... results) {
        List<ResultRevision> list = revisions.get(id);
        list.add(new ResultRevision(id, list.size() + 1, list.isEmpty() ? "发布" : "更正", "seed", at, List.of(results)));
    }

    private static Target target(Campaign c) {
        return new Target(c.jurisdictionCode(), null, c.state() == CampaignState.PUBLISHED);
    }

    @Override
    public List<Campaign> list(Caller caller, String jurisdictionCode, CampaignState state) {
        return campaigns.values().stream().filter(c -> jurisdictionCode == null || c.jurisdictionCode().equals(jurisdictionCode))
                .filter(c -> state == null || c.state() == state)
                .filter(c -> access.may(caller, Operation.READ_CAMPAIGN, target(c))).toList();
    }

    @Override
    public Campaign get(Caller caller, long id) {
        Campaign c = campaigns.get(id);
        if (c == null) {
            throw SupervisionException.notFound("监管活动 " + id + " 不存在");
        }
        access.require(caller, Operation.READ_CAMPAIGN, target(c));
        return c;
    }

    @Override
    public List<ResultRevision> revisions(Caller caller, long campaignId) {
        Campaign c = get(caller, campaignId);
        access.require(caller, Operation.READ_RESULTS, target(c));
        return List.copyOf(revisions.get(campaignId));
    }
}
