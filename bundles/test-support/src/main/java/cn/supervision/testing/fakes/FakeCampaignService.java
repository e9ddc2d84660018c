package cn.supervision.testing.fakes;

import java.math.BigDecimal;
import java.util.List;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignDraft;
import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.DutyLeaf;
import cn.supervision.api.campaign.Evidence;
import cn.supervision.api.campaign.InputBatch;
import cn.supervision.api.campaign.InputDraft;
import cn.supervision.api.campaign.InputRecord;
import cn.supervision.api.campaign.InputSource;
import cn.supervision.api.campaign.RequestKey;
import cn.supervision.api.campaign.ResultRevision;
import cn.supervision.api.campaign.Transition;
import cn.supervision.api.campaign.UnitResult;
import cn.supervision.api.indicator.IndicatorInput;
import cn.supervision.api.indicator.SystemDefinition;
import cn.supervision.api.security.Caller;

/**
 * A {@link CampaignService} that answers nothing: every method throws, so a test subclasses it anonymously and
 * overrides only what the code under test calls (the compiler checks those overrides; default methods stay
 * inherited and run over them).
 */
public class FakeCampaignService implements CampaignService {
    @Override
    public List<Campaign> list(Caller caller, String jurisdictionCode, CampaignState state) {
        throw unused("list");
    }

    @Override
    public Campaign get(Caller caller, long id) {
        throw unused("get");
    }

    @Override
    public Campaign create(Caller caller, String jurisdictionCode, CampaignDraft draft) {
        throw unused("create");
    }

    @Override
    public Campaign update(Caller caller, long id, CampaignDraft draft) {
        throw unused("update");
    }

    @Override
    public Campaign transition(Caller caller, long id, CampaignState to, String reason) {
        throw unused("transition");
    }

    @Override
    public List<Transition> history(Caller caller, long id) {
        throw unused("history");
    }

    @Override
    public Campaign rollover(Caller caller, long id) {
        throw unused("rollover");
    }

    @Override
    public InputRecord recordInput(Caller caller, long campaignId, long unitId, String code, IndicatorInput input, InputSource source, String explanation) {
        throw unused("recordInput");
    }

    @Override
    public InputBatch recordInputs(Caller caller, long campaignId, List<InputDraft> inputs) {
        throw unused("recordInputs");
    }

    @Override
    public RequestKey.Answer<InputRecord> recordInput(Caller caller, long campaignId, InputDraft draft, RequestKey key) {
        throw unused("recordInput");
    }

    @Override
    public RequestKey.Answer<InputBatch> recordInputs(Caller caller, long campaignId, List<InputDraft> inputs, RequestKey key) {
        throw unused("recordInputs");
    }

    @Override
    public List<InputRecord> inputs(Caller caller, long campaignId, long unitId) {
        throw unused("inputs");
    }

    @Override
    public List<UnitResult> results(Caller caller, long campaignId, BigDecimal gapThreshold) {
        throw unused("results");
    }

    @Override
    public List<CampaignService.Coverage> coverage(Caller caller, long campaignId) {
        throw unused("coverage");
    }

    @Override
    public List<ResultRevision> revisions(Caller caller, long campaignId) {
        throw unused("revisions");
    }

    @Override
    public ResultRevision correct(Caller caller, long campaignId, String reason, List<CampaignService.Correction> corrections) {
        throw unused("correct");
    }

    @Override
    public InputRecord review(Caller caller, long campaignId, long inputId, boolean accept, String note) {
        throw unused("review");
    }

    @Override
    public void checkEvidenceUpload(Caller caller, long campaignId, long inputId) {
        throw unused("checkEvidenceUpload");
    }

    @Override
    public Evidence attachEvidence(Caller caller, long campaignId, long inputId, String fileName, byte[] content) {
        throw unused("attachEvidence");
    }

    @Override
    public List<Evidence> evidence(Caller caller, long campaignId, long inputId) {
        throw unused("evidence");
    }

    @Override
    public byte[] evidenceContent(Caller caller, long campaignId, long evidenceId) {
        throw unused("evidenceContent");
    }

    @Override
    public List<DutyLeaf> dutyLeaves(Caller caller, long campaignId, Long unitId) {
        throw unused("dutyLeaves");
    }

    @Override
    public SystemDefinition systemFor(Caller caller, long campaignId, long unitId) {
        throw unused("systemFor");
    }

    private static UnsupportedOperationException unused(String method) {
        return new UnsupportedOperationException("CampaignService." + method + " is not used by this test");
    }
}
