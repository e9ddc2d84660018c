package cn.supervision.finding.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.ResultRevision;
import cn.supervision.api.campaign.UnitResult;
import cn.supervision.api.followup.FindingDraft;
import cn.supervision.api.followup.FindingSource;
import cn.supervision.api.followup.ResultCodes;
import cn.supervision.api.followup.SourceKind;
import cn.supervision.api.indicator.Evaluation;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.security.Caller;

/**
 * Checks a finding before it is recorded and names every problem at once: the unit belongs to the jurisdiction, the
 * source is complete for its kind (a campaign result names a published campaign of the same jurisdiction, one of its
 * target units, an existing revision and a code of the unit's scored system), texts are present and bounded.
 */
final class FindingValidator {
    /** A draft that passed: its unit and, for a campaign result, the key of the score it rests on. */
    record Checked(Unit unit, FindingSource source, String description, String evidence, String resultKey) { }

    private final RegistryService registry;
    private final CampaignService campaigns;

    FindingValidator(RegistryService registry, CampaignService campaigns) {
        this.registry = registry;
        this.campaigns = campaigns;
    }

    /**
     * What makes a campaign result the same problem: the campaign, the unit and the code. The revision is left out on
     * purpose: a correction that leaves an indicator below the share (or still vetoed) is the same finding, not a new one.
     */
    static String resultKey(long campaignId, long unitId, String code) {
        return "c" + campaignId + "/u" + unitId + "/" + code;
    }

    Checked check(Caller caller, String jurisdictionCode, FindingDraft draft) {
        if (draft == null) {
            throw SupervisionException.invalid("body", "需要 unitId、source、category、severity、description");
        }
        List<FieldError> errors = new ArrayList<>();
        Unit unit = null;
        if (draft.unitId() <= 0) {
            errors.add(new FieldError("unitId", "必填"));
        } else {
            unit = registry.listUnits(caller, jurisdictionCode, true).stream().filter(u -> u.id() == draft.unitId())
                    .findFirst().orElse(null);
            if (unit == null) {
                errors.add(new FieldError("unitId", "单位 " + draft.unitId() + " 不是行政区划 " + jurisdictionCode + " 的单位"));
            }
        }
        FindingSource source = draft.source();
        String resultKey = null;
        if (source == null || source.kind() == null) {
            errors.add(new FieldError(source == null ? "source" : "source.kind", "必填"));
        } else {
            boolean other = source.kind() != SourceKind.CAMPAIGN_RESULT && source.kind() != SourceKind.WARNING;
            // the reference is the whole provenance of an instruction, inspection or manual entry; optional otherwise
            String reference = Texts.check("source.reference", source.reference(), other, Texts.MAX_REFERENCE, errors);
            if (source.kind() == SourceKind.CAMPAIGN_RESULT) {
                resultKey = campaignResult(caller, jurisdictionCode, unit, source, errors);
            } else if (source.kind() == SourceKind.WARNING && (source.warningId() == null || source.warningId() <= 0)) {
                errors.add(new FieldError("source.warningId", "来源为预警时必须指明预警编号"));
            }
            foreign(source, errors);
            source = new FindingSource(source.kind(), source.campaignId(),
                    source.indicatorCode() == null ? null : source.indicatorCode().strip(), source.revision(), source.warningId(), reference);
        }
        if (draft.category() == null) {
            errors.add(new FieldError("category", "必填"));
        }
        if (draft.severity() == null) {
            errors.add(new FieldError("severity", "必填"));
        }
        String description = Texts.check("description", draft.description(), true, Texts.MAX_DESCRIPTION, errors);
        String evidence = Texts.check("evidence", draft.evidence(), false, Texts.MAX_EVIDENCE, errors);
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("问题登记信息有 " + errors.size() + " 处错误", errors);
        }
        return new Checked(unit, source, description, evidence, resultKey);
    }

    /** Fields that belong to another kind of source are refused rather than silently kept. */
    private static void foreign(FindingSource s, List<FieldError> errors) {
        boolean campaign = s.kind() == SourceKind.CAMPAIGN_RESULT;
        if (!campaign && (s.campaignId() != null || s.indicatorCode() != null || s.revision() != null)) {
            errors.add(new FieldError("source.campaignId", "只有来源为监管结果（CAMPAIGN_RESULT）时才填写监管活动、指标和版本"));
        }
        if (s.kind() != SourceKind.WARNING && s.warningId() != null) {
            errors.add(new FieldError("source.warningId", "只有来源为预警（WARNING）时才填写预警编号"));
        }
    }

    private String campaignResult(Caller caller, String jurisdictionCode, Unit unit, FindingSource s, List<FieldError> errors) {
        String code = s.indicatorCode() == null || s.indicatorCode().isBlank() ? null : s.indicatorCode().strip();
        if (code == null) {
            errors.add(new FieldError("source.indicatorCode", "必填"));
        }
        if (s.revision() == null) {
            errors.add(new FieldError("source.revision", "必填"));
        }
        if (s.campaignId() == null) {
            errors.add(new FieldError("source.campaignId", "必填"));
            return null;
        }
        Campaign c;
        try {
            c = campaigns.get(caller, s.campaignId());
        } catch (SupervisionException e) {
            errors.add(new FieldError("source.campaignId", "监管活动 " + s.campaignId() + " 不存在或无权查看"));
            return null;
        }
        if (!c.jurisdictionCode().equals(jurisdictionCode)) {
            errors.add(new FieldError("source.campaignId", "监管活动 " + c.id() + " 不属于行政区划 " + jurisdictionCode));
            return null;
        }
        if (c.state() != CampaignState.PUBLISHED) {
            errors.add(new FieldError("source.campaignId", "监管活动 " + c.id() + " 尚未发布结果（当前状态 " + c.state() + "）"));
            return null;
        }
        if (unit != null && (c.targetUnitIds() == null || !c.targetUnitIds().contains(unit.id()))) {
            errors.add(new FieldError("unitId", "单位 " + unit.id() + " 不是监管活动 " + c.id() + " 的监管对象"));
            return null;
        }
        if (s.revision() == null || unit == null || code == null) {
            return null;
        }
        List<ResultRevision> revisions = campaigns.revisions(caller, c.id());
        ResultRevision revision = revisions.stream().filter(r -> r.revision() == s.revision()).findFirst().orElse(null);
        if (revision == null) {
            errors.add(new FieldError("source.revision", "监管活动 " + c.id() + " 没有第 " + s.revision() + " 版结果（共 "
                    + revisions.size() + " 版）"));
            return null;
        }
        UnitResult result = revision.results().stream().filter(r -> r.unitId() == unit.id()).findFirst().orElse(null);
        if (result == null || !codes(result).contains(code)) {
            errors.add(new FieldError("source.indicatorCode", "“" + code + "”不是该单位所用指标体系的指标、加减分或否决项代码"
                    + (ResultCodes.GAP.equals(code) ? "（该单位未被标记为职责与印证评价相差过大）" : "")));
            return null;
        }
        return resultKey(c.id(), unit.id(), code);
    }

    /** Every node and adjustment code of the unit's scored system, and the gap code when its views were flagged. */
    static Set<String> codes(UnitResult result) {
        Set<String> codes = new HashSet<>();
        Evaluation e = result.evaluation();
        if (e != null) {
            collect(e.indicators(), codes);
            e.adjustments().forEach(a -> codes.add(a.code()));
        }
        if (result.flagged()) {
            codes.add(ResultCodes.GAP);
        }
        return codes;
    }

    private static void collect(List<Evaluation.NodeScore> nodes, Set<String> codes) {
        for (Evaluation.NodeScore n : nodes == null ? List.<Evaluation.NodeScore>of() : nodes) {
            codes.add(n.code());
            collect(n.children(), codes);
        }
    }
}
