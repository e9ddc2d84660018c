package cn.supervision.duty.coverage.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignKind;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.DutyLeaf;
import cn.supervision.api.campaign.Period;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.DutyType;
import cn.supervision.api.registry.UnitKind;
import cn.supervision.api.security.Access;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.security.Target;
import cn.supervision.testing.fakes.FakeCampaignService;

/**
 * Campaigns with their duty leaves, deciding as the campaign service does: the plan with READ_CAMPAIGN, the leaves as
 * the results (READ_RESULTS: a superior office only once published).
 */
final class FakeCampaigns extends FakeCampaignService {
    final Map<Long, Campaign> campaigns = new LinkedHashMap<>();
    final Map<Long, List<DutyLeaf>> leaves = new LinkedHashMap<>();
    final AtomicInteger leafReads = new AtomicInteger();
    private final Access access;

    FakeCampaigns(Access access) {
        this.access = access;
    }

    static Campaign campaign(long id, String jurisdiction, CampaignState state, Period period, long systemId, List<Long> targets) {
        return new Campaign(id, jurisdiction, CampaignKind.ROUTINE, "监管" + id, null, period,
                Map.of(UnitKind.GOVERNMENT_DEPARTMENT, systemId), CampaignKind.ROUTINE.defaultCategories(), null, null, targets,
                List.of(), state, null, Instant.EPOCH, "seed", Instant.EPOCH, "seed");
    }

    static DutyLeaf leaf(long campaignId, long unitId, long dutyId, int number, String score) {
        return new DutyLeaf(campaignId, unitId, "A1", "A1-" + number, dutyId, number, "冻结的职责" + number, DutyType.INSPECTION,
                new BigDecimal("20"), score == null ? null : new BigDecimal(score), new BigDecimal("10"));
    }

    void add(Campaign c, DutyLeaf... ls) {
        campaigns.put(c.id(), c);
        leaves.computeIfAbsent(c.id(), k -> new ArrayList<>()).addAll(List.of(ls));
    }

    private static Target target(Campaign c) {
        return Target.of(c.jurisdictionCode()).published(c.state() == CampaignState.PUBLISHED);
    }

    @Override
    public List<Campaign> list(Caller caller, String jurisdictionCode, CampaignState state) {
        return campaigns.values().stream().filter(c -> jurisdictionCode == null || c.jurisdictionCode().equals(jurisdictionCode))
                .filter(c -> state == null || c.state() == state)
                .filter(c -> access.may(caller, Operation.READ_CAMPAIGN, target(c)))
                .sorted(Comparator.comparingLong(Campaign::id)).toList();
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
    public List<DutyLeaf> dutyLeaves(Caller caller, long campaignId, Long unitId) {
        Campaign c = get(caller, campaignId);
        access.require(caller, Operation.READ_RESULTS, target(c));
        leafReads.incrementAndGet();
        return leaves.getOrDefault(campaignId, List.of()).stream().filter(l -> unitId == null || l.unitId() == unitId).toList();
    }
}
