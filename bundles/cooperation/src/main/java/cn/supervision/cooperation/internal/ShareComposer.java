package cn.supervision.cooperation.internal;

import static cn.supervision.cooperation.internal.Inputs.jurisdiction;
import static cn.supervision.cooperation.internal.Inputs.text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.ResultRevision;
import cn.supervision.api.campaign.UnitResult;
import cn.supervision.api.cooperation.Share;
import cn.supervision.api.cooperation.ShareDraft;
import cn.supervision.api.document.StoredDocument;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.cooperation.internal.model.DepartmentEntity;

/**
 * Checks a share before anything is written and gathers what it will carry: its addressees, the campaign's results as
 * they stand now (latest revision) and its documents. Every problem of the draft is reported at once (400).
 */
final class ShareComposer {

    /** A checked share, ready to be stored; {@code campaign} and {@code revision} are null for documents only. */
    record Composed(String jurisdictionCode, List<DepartmentEntity> to, Campaign campaign, ResultRevision revision,
                    List<Share.SharedResult> rows, List<Share.SharedDocument> documents) {
    }

    private final RegistryService registry;
    private final CampaignService campaigns;
    private final OptionalDocuments documents;
    private final Addressees addressees;

    ShareComposer(RegistryService registry, CampaignService campaigns, OptionalDocuments documents, Addressees addressees) {
        this.registry = registry;
        this.campaigns = campaigns;
        this.documents = documents;
        this.addressees = addressees;
    }

    Composed compose(Caller caller, ShareDraft draft) {
        if (draft == null) {
            throw SupervisionException.invalid("body", "需要 subject、message、departmentIds，以及 campaignId 或 documentIds");
        }
        String j = jurisdiction(caller, draft.jurisdictionCode());
        if (j == null) {
            throw SupervisionException.invalid("jurisdictionCode", "必填");
        }
        registry.access().require(caller, Operation.MANAGE_COOPERATION, j);
        List<FieldError> errors = new ArrayList<>();
        text(errors, "subject", draft.subject(), 200, true);
        text(errors, "message", draft.message(), 4000, true);
        List<Long> departmentIds = draft.departmentIds() == null ? List.of() : draft.departmentIds();
        if (departmentIds.isEmpty() || departmentIds.size() > 50) {
            errors.add(new FieldError("departmentIds", "至少选择一个、最多 50 个协作部门"));
        }
        List<DepartmentEntity> to = addressees.of(j, departmentIds.size() > 50 ? List.of() : departmentIds, "departmentIds", errors);
        List<Long> unitIds = draft.unitIds() == null ? List.of() : draft.unitIds();
        List<Long> documentIds = draft.documentIds() == null ? List.of() : draft.documentIds();
        if (draft.campaignId() == null && documentIds.isEmpty()) {
            errors.add(new FieldError("campaignId", "通报须包含一次已发布监管活动的结果或至少一份文书"));
        }
        if (draft.campaignId() == null && !unitIds.isEmpty()) {
            errors.add(new FieldError("unitIds", "选择单位须同时指定监管活动"));
        }
        if (documentIds.size() > 20) {
            errors.add(new FieldError("documentIds", "一次最多通报 20 份文书"));
        }
        Campaign campaign = null;
        ResultRevision revision = null;
        List<Share.SharedResult> rows = List.of();
        if (draft.campaignId() != null) {
            campaign = campaigns.get(caller, draft.campaignId());
            if (!campaign.jurisdictionCode().equals(j)) {
                errors.add(new FieldError("campaignId", "监管活动 " + campaign.id() + " 属于行政区划 " + campaign.jurisdictionCode() + "，不是 " + j + " 的监管活动"));
            } else if (campaign.state() != CampaignState.PUBLISHED) {
                errors.add(new FieldError("campaignId", "监管活动“" + campaign.title() + "”尚未发布结果（当前状态 " + campaign.state() + "），不能通报"));
            } else {
                List<ResultRevision> revisions = campaigns.revisions(caller, campaign.id());
                revision = revisions.isEmpty() ? null : revisions.get(revisions.size() - 1);
                if (revision == null) {
                    errors.add(new FieldError("campaignId", "监管活动没有已发布的结果"));
                } else {
                    rows = selected(revision.results(), unitIds, errors);
                }
            }
        }
        List<Share.SharedDocument> docs = documents(caller, j, documentIds, errors);
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("情况通报无效，未发送", errors);
        }
        return new Composed(j, to, campaign, revision, rows, docs);
    }

    /** The chosen units' results (all when none is chosen), best rank first. */
    private static List<Share.SharedResult> selected(List<UnitResult> results, List<Long> unitIds, List<FieldError> errors) {
        Map<Long, UnitResult> byUnit = new LinkedHashMap<>();
        results.forEach(u -> byUnit.put(u.unitId(), u));
        List<UnitResult> chosen = new ArrayList<>();
        if (unitIds.isEmpty()) {
            chosen.addAll(results);
        } else {
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < unitIds.size(); i++) {
                Long id = unitIds.get(i);
                UnitResult u = id == null ? null : byUnit.get(id);
                if (u == null) {
                    errors.add(new FieldError("unitIds[" + i + "]", "单位 " + id + " 不在该监管活动的结果中"));
                } else if (seen.add(id)) {
                    chosen.add(u);
                }
            }
        }
        return chosen.stream().sorted(java.util.Comparator.comparingInt(UnitResult::rank))
                .map(u -> new Share.SharedResult(u.unitId(), u.unitName(), u.total(), u.grade(), u.rank())).toList();
    }

    /** Read as the caller: a document it may not read refuses the whole share (403). */
    private List<Share.SharedDocument> documents(Caller caller, String j, List<Long> documentIds, List<FieldError> errors) {
        List<Share.SharedDocument> docs = new ArrayList<>();
        Set<Long> seenDocs = new HashSet<>();
        for (int i = 0; i < documentIds.size() && i < 20; i++) {
            Long id = documentIds.get(i);
            if (id == null || !seenDocs.add(id)) {
                errors.add(new FieldError("documentIds[" + i + "]", id == null ? "不能为空" : "重复的文书"));
                continue;
            }
            StoredDocument d = documents.get(caller, id);
            if (!d.jurisdictionCode().equals(j)) {
                errors.add(new FieldError("documentIds[" + i + "]", "文书 " + id + " 属于行政区划 " + d.jurisdictionCode() + "，不是 " + j + " 的文书"));
            } else {
                docs.add(new Share.SharedDocument(d.id(), d.title(), d.documentNumber(), d.fileName(), d.format().mediaType(), d.sha256(), d.size()));
            }
        }
        return docs;
    }
}
