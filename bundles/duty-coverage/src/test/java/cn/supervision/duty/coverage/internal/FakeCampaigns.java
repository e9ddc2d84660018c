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
import cn.supervision.api.campaign.CampaignDraft;
import cn.supervision.api.campaign.CampaignKind;
import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.DutyLeaf;
import cn.supervision.api.campaign.Evidence;
import cn.supervision.api.campaign.InputRecord;
import cn.supervision.api.campaign.InputSource;
import cn.supervision.api.campaign.Period;
import cn.supervision.api.campaign.ResultRevision;
import cn.supervision.api.campaign.Transition;
import cn.supervision.api.campaign.UnitResult;
import cn.supervision.api.indicator.IndicatorInput;
import cn.supervision.api.indicator.SystemDefinition;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.DutyType;
import cn.supervision.api.registry.UnitKind;
import cn.supervision.api.security.Access;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.security.Target;

/**
 * Campaigns with their duty leaves, deciding as the campaign service does: the plan with READ_CAMPAIGN, the leaves as
 * the results (READ_RESULTS: a superior office only once published).
 */
final class FakeCampaigns implements CampaignService {
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

    static UnsupportedOperationException unused() {
        return new UnsupportedOperationException("not used by coverage");
    }

    @Override public Campaign create(Caller caller, String jurisdictionCode, CampaignDraft draft) { throw unused(); }
    @Override public Campaign update(Caller caller, long id, CampaignDraft draft) { throw unused(); }
    @Override public Campaign transition(Caller caller, long id, CampaignState to, String reason) { throw unused(); }
    @Override public List<Transition> history(Caller caller, long id) { throw unused(); }
    @Override public Campaign rollover(Caller caller, long id) { throw unused(); }
    @Override public InputRecord recordInput(Caller caller, long campaignId, long unitId, String code, IndicatorInput input,
                                             InputSource source, String explanation) { throw unused(); }
    @Override public List<InputRecord> inputs(Caller caller, long campaignId, long unitId) { throw unused(); }
    @Override public cn.supervision.api.campaign.InputBatch recordInputs(Caller caller, long campaignId, List<cn.supervision.api.campaign.InputDraft> inputs) { throw unused(); }
    @Override public List<UnitResult> results(Caller caller, long campaignId, BigDecimal gapThreshold) { throw unused(); }
    @Override public List<Coverage> coverage(Caller caller, long campaignId) { throw unused(); }
    @Override public List<ResultRevision> revisions(Caller caller, long campaignId) { throw unused(); }
    @Override public ResultRevision correct(Caller caller, long campaignId, String reason, List<Correction> corrections) { throw unused(); }
    @Override public InputRecord review(Caller caller, long campaignId, long inputId, boolean accept, String note) { throw unused(); }
    @Override public void checkEvidenceUpload(Caller caller, long campaignId, long inputId) { throw unused(); }
    @Override public Evidence attachEvidence(Caller caller, long campaignId, long inputId, String fileName, byte[] content) { throw unused(); }
    @Override public List<Evidence> evidence(Caller caller, long campaignId, long inputId) { throw unused(); }
    @Override public byte[] evidenceContent(Caller caller, long campaignId, long evidenceId) { throw unused(); }
    @Override public SystemDefinition systemFor(Caller caller, long campaignId, long unitId) { throw unused(); }
}
