package cn.supervision.assessment.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignDraft;
import cn.supervision.api.campaign.CampaignKind;
import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.Evidence;
import cn.supervision.api.campaign.InputRecord;
import cn.supervision.api.campaign.InputSource;
import cn.supervision.api.campaign.Period;
import cn.supervision.api.campaign.ResultRevision;
import cn.supervision.api.campaign.Transition;
import cn.supervision.api.campaign.UnitResult;
import cn.supervision.api.indicator.IndicatorInput;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Access;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.security.Target;

/** Campaigns with stored result revisions, read under the real policy (READ_CAMPAIGN, READ_RESULTS). */
final class FakeCampaigns implements CampaignService {
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

    @Override
    public Campaign create(Caller caller, String jurisdictionCode, CampaignDraft draft) { throw new UnsupportedOperationException(); }
    @Override
    public Campaign update(Caller caller, long id, CampaignDraft draft) { throw new UnsupportedOperationException(); }
    @Override
    public Campaign transition(Caller caller, long id, CampaignState to, String reason) { throw new UnsupportedOperationException(); }
    @Override
    public List<Transition> history(Caller caller, long id) { throw new UnsupportedOperationException(); }
    @Override
    public Campaign rollover(Caller caller, long id) { throw new UnsupportedOperationException(); }
    @Override
    public InputRecord recordInput(Caller caller, long campaignId, long unitId, String code, IndicatorInput input, InputSource source,
                                   String explanation) { throw new UnsupportedOperationException(); }
    @Override
    public List<InputRecord> inputs(Caller caller, long campaignId, long unitId) { throw new UnsupportedOperationException(); }
    @Override
    public cn.supervision.api.campaign.InputBatch recordInputs(Caller caller, long campaignId, List<cn.supervision.api.campaign.InputDraft> inputs) { throw new UnsupportedOperationException(); }
    @Override
    public List<UnitResult> results(Caller caller, long campaignId, BigDecimal gapThreshold) { throw new UnsupportedOperationException(); }
    @Override
    public List<Coverage> coverage(Caller caller, long campaignId) { throw new UnsupportedOperationException(); }
    @Override
    public ResultRevision correct(Caller caller, long campaignId, String reason, List<Correction> corrections) { throw new UnsupportedOperationException(); }
    @Override
    public InputRecord review(Caller caller, long campaignId, long inputId, boolean accept, String note) { throw new UnsupportedOperationException(); }
    @Override
    public void checkEvidenceUpload(Caller caller, long campaignId, long inputId) { throw new UnsupportedOperationException(); }
    @Override
    public Evidence attachEvidence(Caller caller, long campaignId, long inputId, String fileName, byte[] content) { throw new UnsupportedOperationException(); }
    @Override
    public List<Evidence> evidence(Caller caller, long campaignId, long inputId) { throw new UnsupportedOperationException(); }
    @Override
    public byte[] evidenceContent(Caller caller, long campaignId, long evidenceId) { throw new UnsupportedOperationException(); }
    @Override
    public List<cn.supervision.api.campaign.DutyLeaf> dutyLeaves(Caller caller, long campaignId, Long unitId) { throw new UnsupportedOperationException(); }
    @Override
    public cn.supervision.api.indicator.SystemDefinition systemFor(Caller caller, long campaignId, long unitId) { throw new UnsupportedOperationException(); }
}
