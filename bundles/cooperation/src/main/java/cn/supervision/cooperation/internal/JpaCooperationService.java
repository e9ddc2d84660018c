package cn.supervision.cooperation.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.ResultRevision;
import cn.supervision.api.campaign.UnitResult;
import cn.supervision.api.cooperation.CooperationService;
import cn.supervision.api.cooperation.Department;
import cn.supervision.api.cooperation.DepartmentDirectory;
import cn.supervision.api.cooperation.DepartmentDraft;
import cn.supervision.api.cooperation.FeedbackKind;
import cn.supervision.api.cooperation.FileContent;
import cn.supervision.api.cooperation.Referral;
import cn.supervision.api.cooperation.ReferralDraft;
import cn.supervision.api.cooperation.ReferralEvidence;
import cn.supervision.api.cooperation.ReferralFeedback;
import cn.supervision.api.cooperation.ReferralState;
import cn.supervision.api.cooperation.Share;
import cn.supervision.api.cooperation.ShareDraft;
import cn.supervision.api.document.DocumentService;
import cn.supervision.api.document.StoredDocument;
import cn.supervision.api.evidence.EvidenceFile;
import cn.supervision.api.followup.Finding;
import cn.supervision.api.followup.FindingService;
import cn.supervision.api.followup.FindingState;
import cn.supervision.api.notification.Message;
import cn.supervision.api.notification.NotificationService;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.security.Access;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.security.Target;
import cn.supervision.api.security.UserDirectory;
import cn.supervision.api.security.UserInfo;
import cn.supervision.cooperation.internal.model.DepartmentEntity;
import cn.supervision.cooperation.internal.model.ReferralEntity;
import cn.supervision.cooperation.internal.model.ReferralFileEntity;
import cn.supervision.cooperation.internal.model.ReferralStepEntity;
import cn.supervision.cooperation.internal.model.ShareEntity;
import cn.supervision.cooperation.internal.model.ShareRecipientEntity;

/**
 * Departments, shares and referrals on OpenJPA. Authority is the registry's {@link Access}: a record addressed to a
 * department is {@code Target.department(jurisdiction, code)}, so an office and leaders in scope read it and the
 * department only its own. Everything is checked before anything is written; messages never undo what was recorded.
 */
public class JpaCooperationService implements CooperationService, DepartmentDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(JpaCooperationService.class);
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final int DEFAULT_FEEDBACK_DAYS = 30;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,31}");
    private static final Pattern PHONE = Pattern.compile("[0-9+\\- ()]{3,30}");

    private final JpaTemplate jpa;
    private final RegistryService registry;
    private final FindingService findings;
    private final CampaignService campaigns;
    private final DocumentService documents;
    private final NotificationService notifications;
    private final UserDirectory users;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public JpaCooperationService(JpaTemplate jpa, RegistryService registry, FindingService findings, CampaignService campaigns,
                                 DocumentService documents, NotificationService notifications, UserDirectory users) {
        this(jpa, registry, findings, campaigns, documents, notifications, users, Clock.systemUTC());
    }

    JpaCooperationService(JpaTemplate jpa, RegistryService registry, FindingService findings, CampaignService campaigns,
                          DocumentService documents, NotificationService notifications, UserDirectory users, Clock clock) {
        this.jpa = jpa;
        this.registry = registry;
        this.findings = findings;
        this.campaigns = campaigns;
        this.documents = documents;
        this.notifications = notifications;
        this.users = users;
        this.clock = clock;
    }

    // ================================================================== directory (no caller)

    @Override
    public Optional<Department> find(String jurisdictionCode, String code) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "select d from DepartmentEntity d where d.jurisdictionCode = :j and d.code = :c", DepartmentEntity.class)
                .setParameter("j", jurisdictionCode).setParameter("c", code).getResultList().stream().findFirst().map(this::toValue));
    }

    @Override
    public List<Department> active(String jurisdictionCode) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "select d from DepartmentEntity d where d.jurisdictionCode = :j and d.active = true order by d.code",
                        DepartmentEntity.class)
                .setParameter("j", jurisdictionCode).getResultList().stream().map(this::toValue).toList());
    }

    // ================================================================== departments

    @Override
    public List<Department> departments(Caller caller, String jurisdictionCode, boolean includeInactive) {
        String j = jurisdiction(caller, jurisdictionCode);
        Access access = registry.access();
        if (j != null) {
            access.require(caller, Operation.READ_COOPERATION, Target.department(j, caller.departmentCode()));
        }
        List<DepartmentEntity> rows = jpa.txExpr(TransactionType.Supports, em -> {
            var q = em.createQuery("select d from DepartmentEntity d where 1 = 1" + (j == null ? "" : " and d.jurisdictionCode = :j")
                    + (includeInactive ? "" : " and d.active = true") + " order by d.jurisdictionCode, d.code", DepartmentEntity.class);
            if (j != null) {
                q.setParameter("j", j);
            }
            return q.getResultList();
        });
        return rows.stream().filter(d -> access.may(caller, Operation.READ_COOPERATION, Target.department(d.getJurisdictionCode(), d.getCode())))
                .map(this::toValue).toList();
    }

    @Override
    public Department department(Caller caller, long id) {
        DepartmentEntity d = jpa.txExpr(TransactionType.Supports, em -> em.find(DepartmentEntity.class, id));
        if (d == null) {
            throw SupervisionException.notFound("协作部门 " + id + " 不存在");
        }
        registry.access().require(caller, Operation.READ_COOPERATION, Target.department(d.getJurisdictionCode(), d.getCode()));
        return toValue(d);
    }

    @Override
    public Department register(Caller caller, String jurisdictionCode, DepartmentDraft draft) {
        String j = jurisdiction(caller, jurisdictionCode);
        if (j == null) {
            throw SupervisionException.invalid("jurisdictionCode", "必填");
        }
        registry.access().require(caller, Operation.MANAGE_COOPERATION, j);
        checkDraft(draft, null);
        String code = draft.code().trim();
        String contacts = write(contacts(draft));
        long now = clock.millis();
        DepartmentEntity saved = unique(j, code, () -> jpa.txExpr(TransactionType.Required, em -> {
            if (!em.createQuery("select d.id from DepartmentEntity d where d.jurisdictionCode = :j and d.code = :c", Long.class)
                    .setParameter("j", j).setParameter("c", code).getResultList().isEmpty()) {
                throw SupervisionException.conflict("行政区划 " + j + " 已有代码为 " + code + " 的协作部门");
            }
            DepartmentEntity d = new DepartmentEntity();
            d.setJurisdictionCode(j);
            d.setCode(code);
            d.setName(draft.name().trim());
            d.setKind(draft.kind());
            d.setContactsJson(contacts);
            d.setActive(true);
            d.setCreatedBy(caller.username());
            d.setCreatedAt(now);
            d.setUpdatedBy(caller.username());
            d.setUpdatedAt(now);
            em.persist(d);
            return d;
        }));
        LOG.info("Cooperating department {}/{} registered by {}", j, code, caller.username());
        return toValue(saved);
    }

    @Override
    public Department update(Caller caller, long id, DepartmentDraft draft) {
        DepartmentEntity current = loadDepartment(id);
        registry.access().require(caller, Operation.MANAGE_COOPERATION, current.getJurisdictionCode());
        checkDraft(draft, current.getCode());
        String contacts = write(contacts(draft));
        long now = clock.millis();
        return toValue(jpa.txExpr(TransactionType.Required, em -> {
            DepartmentEntity d = em.find(DepartmentEntity.class, id);
            d.setName(draft.name().trim());
            d.setKind(draft.kind());
            d.setContactsJson(contacts);
            d.setUpdatedBy(caller.username());
            d.setUpdatedAt(now);
            return d;
        }));
    }

    @Override
    public Department deactivate(Caller caller, long id, String reason) {
        DepartmentEntity current = loadDepartment(id);
        registry.access().require(caller, Operation.MANAGE_COOPERATION, current.getJurisdictionCode());
        String why = reason == null ? "" : reason.trim();
        if (why.isEmpty() || why.length() > 500) {
            throw SupervisionException.invalid("reason", "停用须说明理由（不超过 500 字）");
        }
        if (!current.isActive()) {
            throw SupervisionException.conflict("协作部门 " + current.getName() + " 已停用");
        }
        long now = clock.millis();
        return toValue(jpa.txExpr(TransactionType.Required, em -> {
            DepartmentEntity d = em.find(DepartmentEntity.class, id);
            d.setActive(false);
            d.setDeactivationReason(why);
            d.setUpdatedBy(caller.username());
            d.setUpdatedAt(now);
            return d;
        }));
    }

    /** Two registrations of one code at once: the unique key decides, the loser gets the same 409 as a late one. */
    private static <T> T unique(String j, String code, Supplier<T> write) {
        try {
            return write.get();
        } catch (SupervisionException e) {
            throw e;
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof java.sql.SQLIntegrityConstraintViolationException
                        || (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState()))) {
                    throw SupervisionException.conflict("行政区划 " + j + " 已有代码为 " + code + " 的协作部门");
                }
            }
            throw e;
        }
    }

    private void checkDraft(DepartmentDraft draft, String fixedCode) {
        if (draft == null) {
            throw SupervisionException.invalid("body", "需要 code、name、kind");
        }
        List<FieldError> errors = new ArrayList<>();
        String code = draft.code() == null ? "" : draft.code().trim();
        if (fixedCode == null && !CODE.matcher(code).matches()) {
            errors.add(new FieldError("code", "部门代码必填，由字母、数字和 - 组成，不超过 32 个字符"));
        } else if (fixedCode != null && !code.isEmpty() && !code.equals(fixedCode)) {
            errors.add(new FieldError("code", "部门代码（" + fixedCode + "）登记后不能修改：部门用户按代码绑定"));
        }
        text(errors, "name", draft.name(), 100, true);
        if (draft.kind() == null) {
            errors.add(new FieldError("kind", "必填"));
        }
        List<Department.Contact> contacts = draft.contacts() == null ? List.of() : draft.contacts();
        if (contacts.size() > 20) {
            errors.add(new FieldError("contacts", "联系人不超过 20 个"));
        }
        for (int i = 0; i < contacts.size() && i < 20; i++) {
            Department.Contact c = contacts.get(i);
            if (c == null) {
                errors.add(new FieldError("contacts[" + i + "]", "不能为空"));
                continue;
            }
            text(errors, "contacts[" + i + "].name", c.name(), 50, true);
            text(errors, "contacts[" + i + "].title", c.title(), 50, false);
            if (c.phone() != null && !c.phone().isBlank() && !PHONE.matcher(c.phone().trim()).matches()) {
                errors.add(new FieldError("contacts[" + i + "].phone", "电话号码格式不正确"));
            }
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("协作部门信息无效", errors);
        }
    }

    private static List<Department.Contact> contacts(DepartmentDraft draft) {
        return draft.contacts() == null ? List.of() : draft.contacts().stream()
                .map(c -> new Department.Contact(c.name().trim(), blankToNull(c.title()), blankToNull(c.phone()))).toList();
    }

    private DepartmentEntity loadDepartment(long id) {
        DepartmentEntity d = jpa.txExpr(TransactionType.Supports, em -> em.find(DepartmentEntity.class, id));
        if (d == null) {
            throw SupervisionException.notFound("协作部门 " + id + " 不存在");
        }
        return d;
    }

    /** The departments named by id, each checked to be an active department of {@code j} (field errors otherwise). */
    private List<DepartmentEntity> addressees(String j, List<Long> ids, String field, List<FieldError> errors) {
        List<DepartmentEntity> found = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            Long id = ids.get(i);
            String f = field + (ids.size() > 1 || field.endsWith("s") ? "[" + i + "]" : "");
            if (id == null || !seen.add(id)) {
                errors.add(new FieldError(f, id == null ? "不能为空" : "重复的部门"));
                continue;
            }
            DepartmentEntity d = jpa.txExpr(TransactionType.Supports, em -> em.find(DepartmentEntity.class, id));
            if (d == null) {
                errors.add(new FieldError(f, "协作部门 " + id + " 不存在"));
            } else if (!d.getJurisdictionCode().equals(j)) {
                errors.add(new FieldError(f, "协作部门 " + d.getName() + " 属于行政区划 " + d.getJurisdictionCode() + "，不是 " + j + " 的协作部门"));
            } else if (!d.isActive()) {
                errors.add(new FieldError(f, "协作部门 " + d.getName() + " 已停用，不能再向其发送"));
            } else {
                found.add(d);
            }
        }
        return found;
    }

    // ================================================================== shares

    @Override
    public Share share(Caller caller, ShareDraft draft) {
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
        List<DepartmentEntity> to = addressees(j, departmentIds.size() > 50 ? List.of() : departmentIds, "departmentIds", errors);
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
        // the campaign's results as they stand now (latest revision)
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
        List<Share.SharedDocument> docs = new ArrayList<>();
        Set<Long> seenDocs = new HashSet<>();
        for (int i = 0; i < documentIds.size() && i < 20; i++) {
            Long id = documentIds.get(i);
            if (id == null || !seenDocs.add(id)) {
                errors.add(new FieldError("documentIds[" + i + "]", id == null ? "不能为空" : "重复的文书"));
                continue;
            }
            StoredDocument d = documentCall(() -> documents.get(caller, id));
            if (!d.jurisdictionCode().equals(j)) {
                errors.add(new FieldError("documentIds[" + i + "]", "文书 " + id + " 属于行政区划 " + d.jurisdictionCode() + "，不是 " + j + " 的文书"));
            } else {
                docs.add(new Share.SharedDocument(d.id(), d.title(), d.documentNumber(), d.fileName(), d.format().mediaType(), d.sha256(), d.size()));
            }
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("情况通报无效，未发送", errors);
        }
        long now = clock.millis();
        String resultsJson = write(rows);
        String documentsJson = write(docs);
        Campaign c = campaign;
        ResultRevision r = revision;
        int count = rows.size();
        ShareEntity saved = jpa.txExpr(TransactionType.Required, em -> {
            ShareEntity s = new ShareEntity();
            s.setJurisdictionCode(j);
            s.setSubject(draft.subject().trim());
            s.setMessage(draft.message().trim());
            s.setCampaignId(c == null ? null : c.id());
            s.setCampaignTitle(c == null ? null : c.title());
            s.setRevision(r == null ? null : r.revision());
            s.setResultCount(count);
            s.setResultsJson(resultsJson);
            s.setDocumentsJson(documentsJson);
            s.setSharedBy(caller.username());
            s.setSharedAt(now);
            em.persist(s);
            em.flush();
            for (DepartmentEntity d : to) {
                em.persist(new ShareRecipientEntity(s.getId(), j, d.getId(), d.getCode(), d.getName()));
            }
            return s;
        });
        LOG.info("Share #{} of {} sent to {} departments by {}", saved.getId(), j, to.size(), caller.username());
        for (DepartmentEntity d : to) {
            tellDepartment(j, d.getCode(), new Message("COOPERATION_SHARED", "情况通报：" + saved.getSubject(),
                    "机构编制部门向" + d.getName() + "通报情况：" + saved.getSubject()
                            + (c == null ? "" : "（" + c.title() + " 结果 " + count + " 个单位）")
                            + (docs.isEmpty() ? "" : "，附文书 " + docs.size() + " 份"),
                    "/v1/cooperation/shares/" + saved.getId()));
        }
        return toValue(saved, recipients(saved.getId()), caller, true);
    }

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

    @Override
    public List<Share> shares(Caller caller, String jurisdictionCode) {
        String j = jurisdiction(caller, jurisdictionCode);
        Access access = registry.access();
        if (j != null) {
            access.require(caller, Operation.READ_COOPERATION, Target.department(j, caller.departmentCode()));
        }
        String dept = caller.isSystem() ? null : caller.departmentCode();
        return jpa.txExpr(TransactionType.Supports, em -> {
            String q = "select s from ShareEntity s where 1 = 1" + (j == null ? "" : " and s.jurisdictionCode = :j")
                    + (dept == null ? "" : " and exists (select r.id from ShareRecipientEntity r where r.shareId = s.id and r.departmentCode = :d)")
                    + " order by s.id desc";
            var query = em.createQuery(q, ShareEntity.class);
            if (j != null) {
                query.setParameter("j", j);
            }
            if (dept != null) {
                query.setParameter("d", dept);
            }
            List<ShareEntity> rows = query.getResultList();
            List<Share> visible = new ArrayList<>();
            for (ShareEntity s : rows) {
                List<ShareRecipientEntity> recipients = recipients(em, s.getId());
                if (visible(access, caller, s, recipients)) {
                    visible.add(toValue(s, recipients, caller, false));
                }
            }
            return visible;
        });
    }

    @Override
    public Share getShare(Caller caller, long id) {
        ShareEntity s = loadShare(id);
        List<ShareRecipientEntity> recipients = recipients(id);
        requireVisible(caller, s, recipients);
        return toValue(s, recipients, caller, true);
    }

    @Override
    public Share markRead(Caller caller, long id) {
        ShareEntity s = loadShare(id);
        List<ShareRecipientEntity> recipients = recipients(id);
        requireVisible(caller, s, recipients);
        ShareRecipientEntity mine = recipients.stream().filter(r -> r.getDepartmentCode().equals(caller.departmentCode()))
                .findFirst().orElseThrow(() -> SupervisionException.forbidden("只有收到通报的协作部门可以签收已读"));
        if (mine.getReadAt() == null) {
            long now = clock.millis();
            jpa.tx(TransactionType.Required, em -> {
                ShareRecipientEntity r = em.find(ShareRecipientEntity.class, mine.getId());
                if (r.getReadAt() == null) {
                    r.setReadAt(now);
                    r.setReadBy(caller.username());
                }
            });
        }
        return toValue(s, recipients(id), caller, true);
    }

    @Override
    public FileContent sharedDocument(Caller caller, long shareId, long documentId) {
        ShareEntity s = loadShare(shareId);
        requireVisible(caller, s, recipients(shareId));
        Share.SharedDocument doc = read(s.getDocumentsJson(), new TypeReference<List<Share.SharedDocument>>() { }).stream()
                .filter(d -> d.documentId() == documentId).findFirst()
                .orElseThrow(() -> SupervisionException.notFound("情况通报 " + shareId + " 不含文书 " + documentId));
        // the share was addressed to the caller: the platform reads the document on its behalf
        byte[] content = documentCall(() -> documents.content(Caller.system("cooperation:" + caller.username()), documentId));
        return new FileContent(doc.fileName(), doc.contentType(), content);
    }

    private ShareEntity loadShare(long id) {
        ShareEntity s = jpa.txExpr(TransactionType.Supports, em -> em.find(ShareEntity.class, id));
        if (s == null) {
            throw SupervisionException.notFound("情况通报 " + id + " 不存在");
        }
        return s;
    }

    private List<ShareRecipientEntity> recipients(long shareId) {
        return jpa.txExpr(TransactionType.Supports, em -> recipients(em, shareId));
    }

    private static List<ShareRecipientEntity> recipients(EntityManager em, long shareId) {
        return em.createQuery("select r from ShareRecipientEntity r where r.shareId = :s order by r.departmentCode",
                ShareRecipientEntity.class).setParameter("s", shareId).getResultList();
    }

    /** The office and leaders in scope, and each addressed department. */
    private static boolean visible(Access access, Caller caller, ShareEntity s, List<ShareRecipientEntity> recipients) {
        if (access.may(caller, Operation.READ_COOPERATION, Target.of(s.getJurisdictionCode()))) {
            return true;
        }
        return recipients.stream().anyMatch(r -> access.may(caller, Operation.READ_COOPERATION,
                Target.department(s.getJurisdictionCode(), r.getDepartmentCode())));
    }

    private void requireVisible(Caller caller, ShareEntity s, List<ShareRecipientEntity> recipients) {
        if (!visible(registry.access(), caller, s, recipients)) {
            throw Access.denied(Operation.READ_COOPERATION, Target.department(s.getJurisdictionCode(), caller.departmentCode()));
        }
    }

    // ================================================================== referrals

    @Override
    public Referral refer(Caller caller, ReferralDraft draft) {
        if (draft == null) {
            throw SupervisionException.invalid("body", "需要 findingId、departmentId、note");
        }
        String j = jurisdiction(caller, draft.jurisdictionCode());
        if (j == null) {
            throw SupervisionException.invalid("jurisdictionCode", "必填");
        }
        registry.access().require(caller, Operation.MANAGE_COOPERATION, j);
        List<FieldError> errors = new ArrayList<>();
        text(errors, "note", draft.note(), 2000, true);
        LocalDate today = LocalDate.now(clock.withZone(ZONE));
        LocalDate due = draft.feedbackDue() == null ? today.plusDays(DEFAULT_FEEDBACK_DAYS) : draft.feedbackDue();
        if (due.isBefore(today)) {
            errors.add(new FieldError("feedbackDue", "反馈期限不能早于今天（" + today + "）"));
        }
        if (draft.departmentId() == null) {
            errors.add(new FieldError("departmentId", "必填：线索只移送给一个协作部门"));
        }
        List<DepartmentEntity> to = draft.departmentId() == null ? List.of()
                : addressees(j, List.of(draft.departmentId()), "departmentId", errors);
        Finding finding = null;
        if (draft.findingId() == null) {
            errors.add(new FieldError("findingId", "必填"));
        } else {
            finding = findings.get(caller, draft.findingId());
            if (!finding.jurisdictionCode().equals(j)) {
                errors.add(new FieldError("findingId", "问题 " + finding.id() + " 属于行政区划 " + finding.jurisdictionCode() + "，不能由 " + j + " 移送"));
            } else if (finding.state() == FindingState.WITHDRAWN) {
                errors.add(new FieldError("findingId", "问题 " + finding.id() + " 已撤销，不能移送"));
            }
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("线索移送无效，未移送", errors);
        }
        DepartmentEntity d = to.get(0);
        Finding f = finding;
        long now = clock.millis();
        ReferralEntity saved = jpa.txExpr(TransactionType.Required, em -> {
            ReferralEntity r = new ReferralEntity();
            r.setJurisdictionCode(j);
            r.setFindingId(f.id());
            r.setUnitId(f.unitId());
            r.setUnitName(f.unitName());
            r.setCategory(f.category());
            r.setSeverity(f.severity());
            r.setFindingDescription(f.description());
            r.setDepartmentId(d.getId());
            r.setDepartmentCode(d.getCode());
            r.setDepartmentName(d.getName());
            r.setNote(draft.note().trim());
            r.setFeedbackDue(due.toEpochDay());
            r.setState(ReferralState.SENT);
            r.setReferredBy(caller.username());
            r.setReferredAt(now);
            r.setUpdatedAt(now);
            em.persist(r);
            em.flush();
            em.persist(new ReferralStepEntity(r.getId(), null, ReferralState.SENT, caller.username(), now, r.getNote()));
            return r;
        });
        LOG.info("Referral #{} of finding #{} to {}/{} by {}", saved.getId(), f.id(), j, d.getCode(), caller.username());
        tellDepartment(j, d.getCode(), new Message("COOPERATION_REFERRED", "线索移送：" + f.unitName(),
                "机构编制部门向" + d.getName() + "移送问题线索（" + f.unitName() + "），请签收并于 " + due + " 前反馈",
                "/v1/cooperation/referrals/" + saved.getId()));
        return referral(caller, saved.getId());
    }

    @Override
    public void checkUpload(Caller caller, long referralId) {
        ReferralEntity r = loadReferral(referralId);
        Access access = registry.access();
        requireVisible(caller, r);
        if (access.may(caller, Operation.MANAGE_COOPERATION, r.getJurisdictionCode())) {
            if (r.getState() != ReferralState.SENT) {
                throw SupervisionException.conflict("线索已被签收（当前状态“" + r.getState().label() + "”），不能再补充佐证材料");
            }
            return;
        }
        access.require(caller, Operation.ANSWER_REFERRAL, target(r));
        if (r.getState() != ReferralState.ACKNOWLEDGED && r.getState() != ReferralState.ACCEPTED) {
            throw SupervisionException.conflict("线索当前状态为“" + r.getState().label() + "”（" + r.getState() + "），不接受处理结果文件");
        }
    }

    @Override
    public ReferralEvidence attach(Caller caller, long referralId, String fileName, byte[] content) {
        checkUpload(caller, referralId);
        EvidenceFile file = EvidenceFile.check(fileName, content);
        boolean fromDepartment = !caller.isSystem() && caller.departmentCode() != null;
        ReferralFileEntity e = new ReferralFileEntity(referralId, file.name(), file.contentType(), file.sha256(), fromDepartment,
                caller.username(), clock.millis(), content);
        jpa.tx(TransactionType.Required, em -> em.persist(e));
        return fileValue(e);
    }

    @Override
    public List<Referral> referrals(Caller caller, String jurisdictionCode, ReferralState state) {
        String j = jurisdiction(caller, jurisdictionCode);
        Access access = registry.access();
        if (j != null) {
            access.require(caller, Operation.READ_COOPERATION, Target.department(j, caller.departmentCode()));
        }
        String dept = caller.isSystem() ? null : caller.departmentCode();
        return jpa.txExpr(TransactionType.Supports, em -> {
            String q = "select r from ReferralEntity r where 1 = 1" + (j == null ? "" : " and r.jurisdictionCode = :j")
                    + (dept == null ? "" : " and r.departmentCode = :d") + (state == null ? "" : " and r.state = :s")
                    + " order by r.id desc";
            var query = em.createQuery(q, ReferralEntity.class);
            if (j != null) {
                query.setParameter("j", j);
            }
            if (dept != null) {
                query.setParameter("d", dept);
            }
            if (state != null) {
                query.setParameter("s", state);
            }
            return query.getResultList().stream().filter(r -> access.may(caller, Operation.READ_COOPERATION, target(r)))
                    .map(r -> toValue(em, r)).toList();
        });
    }

    @Override
    public Referral referral(Caller caller, long id) {
        ReferralEntity r = loadReferral(id);
        requireVisible(caller, r);
        return jpa.txExpr(TransactionType.Supports, em -> toValue(em, r));
    }

    @Override
    public Referral acknowledge(Caller caller, long id, String note) {
        ReferralEntity current = loadReferral(id);
        requireVisible(caller, current);
        registry.access().require(caller, Operation.ANSWER_REFERRAL, target(current));
        List<FieldError> errors = new ArrayList<>();
        text(errors, "note", note, 2000, false);
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("签收无效", errors);
        }
        move(caller, id, Set.of(ReferralState.SENT), ReferralState.ACKNOWLEDGED, blankToNull(note), "签收", r -> { });
        tellOffice(current, "线索已签收", current.getDepartmentName() + " 已签收移送的问题线索（" + current.getUnitName() + "）");
        return referral(caller, id);
    }

    @Override
    public Referral feedback(Caller caller, long id, ReferralFeedback feedback) {
        ReferralEntity current = loadReferral(id);
        requireVisible(caller, current);
        registry.access().require(caller, Operation.ANSWER_REFERRAL, target(current));
        if (feedback == null || feedback.kind() == null) {
            throw SupervisionException.invalid("kind", "必填：ACCEPTED（受理）、NOT_ACCEPTED（不予受理）或 RESULT（处理结果）");
        }
        FeedbackKind kind = feedback.kind();
        List<FieldError> errors = new ArrayList<>();
        text(errors, "text", feedback.text(), 4000, kind != FeedbackKind.ACCEPTED);
        if (feedback.fileId() != null) {
            if (kind != FeedbackKind.RESULT) {
                errors.add(new FieldError("fileId", "只有处理结果可以附文件"));
            } else {
                ReferralFileEntity file = jpa.txExpr(TransactionType.Supports, em -> em.find(ReferralFileEntity.class, feedback.fileId()));
                if (file == null || file.getReferralId() != id || !file.isFromDepartment()) {
                    errors.add(new FieldError("fileId", "文件 " + feedback.fileId() + " 不是本部门为该线索上传的文件"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("反馈无效", errors);
        }
        String text = blankToNull(feedback.text());
        move(caller, id, ReferralState.feedbackFrom(kind), kind.to(), text, "反馈", r -> {
            r.setFeedbackText(text);
            if (kind == FeedbackKind.RESULT) {
                r.setResultFileId(feedback.fileId());
            }
        });
        tellOffice(current, "线索反馈：" + kind.to().label(), current.getDepartmentName() + " 反馈移送的问题线索（" + current.getUnitName()
                + "）：" + kind.to().label() + (text == null ? "" : "。" + text));
        return referral(caller, id);
    }

    @Override
    public FileContent evidence(Caller caller, long referralId, long evidenceId) {
        ReferralEntity r = loadReferral(referralId);
        requireVisible(caller, r);
        return jpa.txExpr(TransactionType.Supports, em -> {
            ReferralFileEntity f = em.find(ReferralFileEntity.class, evidenceId);
            if (f == null || f.getReferralId() != referralId) {
                throw SupervisionException.notFound("线索 " + referralId + " 没有文件 " + evidenceId);
            }
            byte[] bytes = f.getContent();
            // the stored bytes are served only while they are the ones recorded at upload
            if (bytes == null || !sha256(bytes).equals(f.getSha256())) {
                LOG.error("Evidence #{} of referral #{} does not match its recorded SHA-256 {}", evidenceId, referralId, f.getSha256());
                throw new IllegalStateException("线索 " + referralId + " 的文件 " + evidenceId + " 与记录的 SHA-256 不符");
            }
            return new FileContent(f.getFileName(), f.getContentType(), bytes);
        });
    }

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<Referral> overdue(Caller caller, String jurisdictionCode) {
        List<Referral> all = new ArrayList<>();
        for (ReferralState s : ReferralState.values()) {
            if (s.awaitingFeedback()) {
                all.addAll(referrals(caller, jurisdictionCode, s));
            }
        }
        return all.stream().filter(Referral::overdue).sorted(java.util.Comparator.comparing(Referral::feedbackDue)
                .thenComparingLong(Referral::id)).toList();
    }

    /** Moves a referral inside one transaction, re-checking the state there (409 naming it). */
    private void move(Caller caller, long id, Set<ReferralState> from, ReferralState to, String note, String what,
                      java.util.function.Consumer<ReferralEntity> change) {
        long now = clock.millis();
        jpa.tx(TransactionType.Required, em -> {
            ReferralEntity r = em.find(ReferralEntity.class, id);
            if (!from.contains(r.getState())) {
                throw SupervisionException.conflict("线索当前状态为“" + r.getState().label() + "”（" + r.getState() + "），不能" + what
                        + "为“" + to.label() + "”");
            }
            ReferralState before = r.getState();
            change.accept(r);
            r.setState(to);
            r.setUpdatedAt(now);
            em.persist(new ReferralStepEntity(id, before, to, caller.username(), now, note));
        });
    }

    private ReferralEntity loadReferral(long id) {
        ReferralEntity r = jpa.txExpr(TransactionType.Supports, em -> em.find(ReferralEntity.class, id));
        if (r == null) {
            throw SupervisionException.notFound("移送线索 " + id + " 不存在");
        }
        return r;
    }

    private static Target target(ReferralEntity r) {
        return Target.department(r.getJurisdictionCode(), r.getDepartmentCode());
    }

    private void requireVisible(Caller caller, ReferralEntity r) {
        registry.access().require(caller, Operation.READ_COOPERATION, target(r));
    }

    // ================================================================== messages

    private void tellDepartment(String j, String code, Message message) {
        tell(() -> {
            List<String> names = users.users().stream().filter(u -> u.memberOf(j, code)).map(UserInfo::username).toList();
            if (names.isEmpty()) {
                LOG.info("No user of department {}/{} to tell about {}", j, code, message.link());
            } else {
                notifications.toUsers(names, message);
            }
        });
    }

    private void tellOffice(ReferralEntity r, String subject, String body) {
        tell(() -> notifications.toOffice(r.getJurisdictionCode(), new Message("COOPERATION_FEEDBACK", subject, body,
                "/v1/cooperation/referrals/" + r.getId())));
    }

    /** Sending never undoes what was recorded: a failure is logged. */
    private static void tell(Runnable send) {
        try {
            send.run();
        } catch (RuntimeException e) {
            LOG.warn("cooperation message not delivered: {}", e.toString());
        }
    }

    // ================================================================== helpers

    /** The document service is optional (its bundle may be absent): a call that cannot be made is a 503. */
    private static <T> T documentCall(Supplier<T> call) {
        try {
            return call.get();
        } catch (SupervisionException e) {
            throw e;
        } catch (RuntimeException e) {
            if (e.getClass().getName().endsWith("ServiceUnavailableException") || e instanceof NullPointerException) {
                throw new SupervisionException(ProblemKind.UNAVAILABLE, "服务不可用", "文书服务当前不可用，暂不能通报文书", null);
            }
            throw e;
        }
    }

    private static String jurisdiction(Caller caller, String jurisdictionCode) {
        String j = jurisdictionCode == null || jurisdictionCode.isBlank() ? null : jurisdictionCode.trim();
        return j != null ? j : caller.jurisdictionCode();
    }

    private static void text(List<FieldError> errors, String field, String value, int max, boolean required) {
        String v = value == null ? "" : value.trim();
        if (required && v.isEmpty()) {
            errors.add(new FieldError(field, "必填"));
        } else if (v.length() > max) {
            errors.add(new FieldError(field, "不能超过 " + max + " 字"));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored cooperation record unreadable", e);
        }
    }

    private Department toValue(DepartmentEntity d) {
        return new Department(d.getId(), d.getJurisdictionCode(), d.getCode(), d.getName(), d.getKind(),
                read(d.getContactsJson(), new TypeReference<List<Department.Contact>>() { }), d.isActive());
    }

    /** A department sees its own receipt only; the rows are left out of listings. */
    private Share toValue(ShareEntity s, List<ShareRecipientEntity> recipients, Caller caller, boolean withRows) {
        String own = caller.isSystem() ? null : caller.departmentCode();
        List<Share.ShareRecipient> shown = recipients.stream().filter(r -> own == null || own.equals(r.getDepartmentCode()))
                .map(r -> new Share.ShareRecipient(r.getDepartmentId(), r.getDepartmentCode(), r.getDepartmentName(),
                        r.getReadAt() == null ? null : Instant.ofEpochMilli(r.getReadAt()), r.getReadBy())).toList();
        List<Share.SharedResult> rows = withRows ? read(s.getResultsJson(), new TypeReference<List<Share.SharedResult>>() { }) : List.of();
        return new Share(s.getId(), s.getJurisdictionCode(), s.getSubject(), s.getMessage(), s.getCampaignId(), s.getCampaignTitle(),
                s.getRevision(), s.getResultCount(), rows, read(s.getDocumentsJson(), new TypeReference<List<Share.SharedDocument>>() { }),
                shown, s.getSharedBy(), Instant.ofEpochMilli(s.getSharedAt()));
    }

    private Referral toValue(EntityManager em, ReferralEntity r) {
        List<ReferralEvidence> files = em.createQuery("select f from ReferralFileEntity f where f.referralId = :r order by f.id",
                ReferralFileEntity.class).setParameter("r", r.getId()).getResultList().stream().map(JpaCooperationService::fileValue).toList();
        List<Referral.Step> steps = em.createQuery("select s from ReferralStepEntity s where s.referralId = :r order by s.id",
                        ReferralStepEntity.class).setParameter("r", r.getId()).getResultList().stream()
                .map(s -> new Referral.Step(s.getFromState(), s.getToState(), s.getActor(), Instant.ofEpochMilli(s.getAt()), s.getNote()))
                .toList();
        LocalDate due = LocalDate.ofEpochDay(r.getFeedbackDue());
        boolean overdue = r.getState().awaitingFeedback() && LocalDate.now(clock.withZone(ZONE)).isAfter(due);
        return new Referral(r.getId(), r.getJurisdictionCode(), r.getFindingId(), r.getUnitId(), r.getUnitName(), r.getCategory(),
                r.getSeverity(), r.getFindingDescription(), r.getDepartmentId(), r.getDepartmentCode(), r.getDepartmentName(),
                r.getNote(), due, r.getState(), overdue, r.getFeedbackText(), r.getResultFileId(), files, steps, r.getReferredBy(),
                Instant.ofEpochMilli(r.getReferredAt()), Instant.ofEpochMilli(r.getUpdatedAt()));
    }

    static ReferralEvidence fileValue(ReferralFileEntity f) {
        return new ReferralEvidence(f.getId(), f.getReferralId(), f.getFileName(), f.getContentType(), f.getSize(), f.getSha256(),
                f.isFromDepartment(), f.getUploadedBy(), Instant.ofEpochMilli(f.getUploadedAt()));
    }
}
