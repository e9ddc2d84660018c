package cn.supervision.report.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.document.DocumentFormat;
import cn.supervision.api.document.DocumentService;
import cn.supervision.api.document.StoredDocument;
import cn.supervision.api.evidence.EvidenceFile;
import cn.supervision.api.followup.FindingService;
import cn.supervision.api.notification.NotificationService;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.report.Instruction;
import cn.supervision.api.report.InstructionChannel;
import cn.supervision.api.report.InstructionDraft;
import cn.supervision.api.report.InstructionScan;
import cn.supervision.api.report.Recipient;
import cn.supervision.api.report.ReportSection;
import cn.supervision.api.report.ReportState;
import cn.supervision.api.report.ReportTransition;
import cn.supervision.api.report.SpecialReport;
import cn.supervision.api.report.SpecialReportDraft;
import cn.supervision.api.report.SpecialReportService;
import cn.supervision.api.report.TaskSummary;
import cn.supervision.api.security.Access;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.security.UserDirectory;
import cn.supervision.api.task.TaskDraft;
import cn.supervision.api.task.TaskService;
import cn.supervision.report.internal.model.InstructionEntity;
import cn.supervision.report.internal.model.RecipientEntity;
import cn.supervision.report.internal.model.ReportEventEntity;
import cn.supervision.report.internal.model.ScanEntity;
import cn.supervision.report.internal.model.SpecialReportEntity;

/**
 * Special reports on OpenJPA: a facade over its collaborators — {@link Workflow} (moves and refusals),
 * {@link DraftChecker} (text and links), {@link Leaders} (recipients from the user directory), {@link InstructionRecorder}
 * (instructions and their tasks through the task service), {@link DocumentModel} / {@link Documents} (the 监管专报
 * document) and {@link Messenger} (notifications). Authority is the registry's {@link Access}; a leader is further
 * limited to the reports sent to him. Every move and event is kept in the report's history.
 */
public class JpaSpecialReportService implements SpecialReportService {
    private static final Logger LOG = LoggerFactory.getLogger(JpaSpecialReportService.class);
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final int MAX_REASON = 500;

    private final JpaTemplate jpa;
    private final RegistryService registry;
    private final DraftChecker drafts;
    private final Leaders leaders;
    private final InstructionRecorder instructions;
    private final Documents documents;
    private final Messenger messenger;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public JpaSpecialReportService(JpaTemplate jpa, RegistryService registry, FindingService findings, CampaignService campaigns,
                                   UserDirectory users, List<TaskService> tasks, List<DocumentService> documents,
                                   List<NotificationService> notifications) {
        this(jpa, registry, findings, campaigns, users, tasks, documents, notifications, Clock.systemUTC());
    }

    JpaSpecialReportService(JpaTemplate jpa, RegistryService registry, FindingService findings, CampaignService campaigns,
                            UserDirectory users, List<TaskService> tasks, List<DocumentService> documents,
                            List<NotificationService> notifications, Clock clock) {
        this.jpa = jpa;
        this.registry = registry;
        this.drafts = new DraftChecker(findings, registry, campaigns);
        this.leaders = new Leaders(users);
        this.instructions = new InstructionRecorder(new TaskLedger(tasks));
        this.documents = new Documents(documents);
        this.messenger = new Messenger(notifications);
        this.clock = clock;
    }

    // ------------------------------------------------------------------ reading

    @Override
    public List<SpecialReport> list(Caller caller, String jurisdictionCode, ReportState state, int offset, int limit) {
        Access access = registry.access();
        if (jurisdictionCode != null) {
            access.require(caller, Operation.READ_SPECIAL_REPORTS, jurisdictionCode);
        }
        return jpa.txExpr(TransactionType.Supports, em -> {
            String q = "select r from SpecialReportEntity r where 1 = 1"
                    + (jurisdictionCode == null ? "" : " and r.jurisdictionCode = :j")
                    + (state == null ? "" : " and r.state = :s") + " order by r.id desc";
            var query = em.createQuery(q, SpecialReportEntity.class);
            if (jurisdictionCode != null) {
                query.setParameter("j", jurisdictionCode);
            }
            if (state != null) {
                query.setParameter("s", state);
            }
            return query.getResultList().stream().filter(e -> readable(em, caller, e))
                    .skip(Math.max(0, offset)).limit(Math.max(0, limit)).map(e -> toValue(em, e)).toList();
        });
    }

    @Override
    public SpecialReport get(Caller caller, long id) {
        return jpa.txExpr(TransactionType.Supports, em -> toValue(em, requireReadable(em, caller, id)));
    }

    @Override
    public List<ReportTransition> history(Caller caller, long id) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            requireReadable(em, caller, id);
            return em.createQuery("select t from ReportEventEntity t where t.reportId = :r order by t.id", ReportEventEntity.class)
                    .setParameter("r", id).getResultList().stream()
                    .map(t -> new ReportTransition(t.getFromState(), t.getToState(), t.getAction(), t.getActor(),
                            Instant.ofEpochMilli(t.getAt()), t.getNote()))
                    .toList();
        });
    }

    @Override
    public Instruction instruction(Caller caller, long instructionId) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            InstructionEntity i = findInstruction(em, instructionId);
            requireReadable(em, caller, i.getReportId());
            return instructions.value(i);
        });
    }

    @Override
    public List<Instruction> openInstructions(Caller caller, String jurisdictionCode) {
        Access access = registry.access();
        if (jurisdictionCode != null) {
            access.require(caller, Operation.READ_SPECIAL_REPORTS, jurisdictionCode);
        }
        List<Instruction> out = jpa.txExpr(TransactionType.Supports, em -> {
            var query = em.createQuery("select i from InstructionEntity i, SpecialReportEntity r where i.reportId = r.id"
                    + " and r.state <> :closed" + (jurisdictionCode == null ? "" : " and i.jurisdictionCode = :j")
                    + " order by i.id", InstructionEntity.class).setParameter("closed", ReportState.CLOSED);
            if (jurisdictionCode != null) {
                query.setParameter("j", jurisdictionCode);
            }
            List<Instruction> found = new ArrayList<>();
            for (InstructionEntity i : query.getResultList()) {
                if (readable(em, caller, em.find(SpecialReportEntity.class, i.getReportId()))) {
                    found.add(instructions.value(i));
                }
            }
            return found;
        });
        return out.stream().sorted(Comparator.comparing((Instruction i) -> i.tasks().overdue()).reversed()
                .thenComparing(i -> i.tasks().open(), Comparator.reverseOrder())).toList();
    }

    private static ScanEntity loadScan(EntityManager em, long id, long scanId) {
        ScanEntity s = em.find(ScanEntity.class, scanId);
        if (s == null || s.getReportId() != id) {
            throw SupervisionException.notFound("监管专报 " + id + " 没有扫描件 " + scanId);
        }
        return s;
    }

    @Override
    public InstructionScan scan(Caller caller, long id, long scanId) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            requireReadable(em, caller, id);
            return scan(loadScan(em, id, scanId));
        });
    }

    @Override
    public byte[] scanContent(Caller caller, long id, long scanId) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            requireReadable(em, caller, id);
            ScanEntity s = loadScan(em, id, scanId);
            byte[] bytes = s.getContent();
            // the stored bytes are served only while they are the ones recorded at upload
            if (bytes == null || !sha256(bytes).equals(s.getSha256())) {
                LOG.error("Scan #{} of special report #{} does not match its recorded SHA-256 {}", scanId, id, s.getSha256());
                throw new IllegalStateException("监管专报 " + id + " 的扫描件 " + scanId + " 与记录的 SHA-256 不符");
            }
            return bytes;
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
    public byte[] archivedDocument(Caller caller, long id) {
        SpecialReportEntity e = jpa.txExpr(TransactionType.Supports, em -> requireReadable(em, caller, id));
        if (e.getDocumentId() == null) {
            throw SupervisionException.notFound("监管专报 #" + id + " 尚未报送，没有存档文书");
        }
        // requireReadable has decided (office, or a leader the report was sent to); the document service keeps 监管专报
        // from every other leader of the jurisdiction, so the content is read as the platform on the caller's behalf
        return documents.content(Caller.system(caller.username()), e.getDocumentId());
    }

    // ------------------------------------------------------------------ drafting and review

    @Override
    public SpecialReport create(Caller caller, String jurisdictionCode, SpecialReportDraft draft) {
        registry.access().require(caller, Operation.MANAGE_SPECIAL_REPORTS, jurisdictionCode);
        Links links = drafts.check(caller, jurisdictionCode, draft);
        long now = clock.millis();
        SpecialReport saved = jpa.txExpr(TransactionType.Required, em -> {
            SpecialReportEntity e = new SpecialReportEntity();
            e.setJurisdictionCode(jurisdictionCode);
            e.setState(ReportState.DRAFT);
            e.setCreatedBy(caller.username());
            e.setCreatedAt(now);
            fill(e, draft, links, caller, now);
            em.persist(e);
            em.flush();
            em.persist(new ReportEventEntity(e.getId(), null, ReportState.DRAFT, "CREATED", caller.username(), now, null));
            return toValue(em, e);
        });
        LOG.info("Special report #{} drafted for {} by {}", saved.id(), jurisdictionCode, caller.username());
        return saved;
    }

    @Override
    public SpecialReport update(Caller caller, long id, SpecialReportDraft draft) {
        SpecialReportEntity current = load(id);
        registry.access().require(caller, Operation.MANAGE_SPECIAL_REPORTS, current.getJurisdictionCode());
        Workflow.requireIn(current, Workflow.EDITABLE, "修改");
        Links links = drafts.check(caller, current.getJurisdictionCode(), draft);
        long now = clock.millis();
        return jpa.txExpr(TransactionType.Required, em -> {
            SpecialReportEntity e = find(em, id);
            Workflow.requireIn(e, Workflow.EDITABLE, "修改");
            fill(e, draft, links, caller, now);
            em.persist(new ReportEventEntity(id, e.getState(), e.getState(), "UPDATED", caller.username(), now, null));
            return toValue(em, e);
        });
    }

    @Override
    public SpecialReport submit(Caller caller, long id) {
        return move(caller, id, ReportState.IN_REVIEW, "提交审核", "SUBMITTED", null, (em, e) -> {
            e.setSubmittedBy(caller.username());
            e.setReturnReason(null);
        });
    }

    @Override
    public SpecialReport approve(Caller caller, long id) {
        return move(caller, id, ReportState.APPROVED, "审核通过", "APPROVED", null, (em, e) -> {
            if (caller.username().equals(e.getSubmittedBy()) || caller.username().equals(e.getCreatedBy())) {
                throw SupervisionException.forbidden("监管专报须由起草人和提交人以外的本机关人员审核（起草人：" + e.getCreatedBy()
                        + "，提交人：" + e.getSubmittedBy() + "）");
            }
            int year = Year.now(clock.withZone(CHINA)).getValue();
            long before = em.createQuery("select count(r) from SpecialReportEntity r where r.jurisdictionCode = :j and r.issueYear = :y",
                    Long.class).setParameter("j", e.getJurisdictionCode()).setParameter("y", year).getSingleResult();
            e.setIssueYear(year);
            e.setIssue(year + "年第" + (before + 1) + "期");
            e.setApprovedBy(caller.username());
            e.setApprovedAt(clock.millis());
        });
    }

    @Override
    public SpecialReport returnForRevision(Caller caller, long id, String reason) {
        String why = reason == null ? "" : reason.trim();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            throw SupervisionException.invalid("reason", "退回必须说明理由（不超过 " + MAX_REASON + " 个字符）");
        }
        return move(caller, id, ReportState.RETURNED, "退回修改", "RETURNED", why, (em, e) -> e.setReturnReason(why));
    }

    // ------------------------------------------------------------------ leaders

    @Override
    public SpecialReport send(Caller caller, long id, List<String> names) {
        SpecialReportEntity current = load(id);
        registry.access().require(caller, Operation.MANAGE_SPECIAL_REPORTS, current.getJurisdictionCode());
        Workflow.require(current, ReportState.SENT, "报送领导");
        List<String> to = leaders.check(current.getJurisdictionCode(), names);
        SpecialReport sent = move(caller, id, ReportState.SENT, "报送领导", "SENT", String.join("、", to), (em, e) -> {
            to.forEach(name -> em.persist(new RecipientEntity(id, name)));
            // the archived version, with its recipients: what the leaders read
            StoredDocument doc = documents.generate(caller, e.getJurisdictionCode(), id, e.getTitle(),
                    DocumentModel.of(e.getTitle(), e.getIssue(), sections(e), links(e), e.getCreatedBy(), e.getApprovedBy(), to),
                    DocumentFormat.PDF);
            e.setDocumentId(doc.id());
            e.setDocumentNumber(doc.documentNumber());
            e.setSentBy(caller.username());
            e.setSentAt(clock.millis());
        });
        messenger.sent(id, sent.title(), sent.issue(), to, caller.username());
        LOG.info("Special report #{} sent to {} by {}", id, to, caller.username());
        return sent;
    }

    @Override
    public SpecialReport markRead(Caller caller, long id) {
        long now = clock.millis();
        return jpa.txExpr(TransactionType.Required, em -> {
            SpecialReportEntity e = requireReadable(em, caller, id);
            RecipientEntity r = recipient(em, id, caller.username());
            if (r == null) {
                throw SupervisionException.forbidden("监管专报 #" + id + " 未报送给 " + caller.username() + "，只有报送的领导可以签阅");
            }
            if (r.getReadAt() == null) {
                r.setReadAt(now);
                em.persist(new ReportEventEntity(id, e.getState(), e.getState(), "READ", caller.username(), now, null));
            }
            return toValue(em, e);
        });
    }

    @Override
    public Instruction instruct(Caller caller, long id, InstructionDraft draft) {
        SpecialReportEntity current = load(id);
        registry.access().require(caller, Operation.INSTRUCT, current.getJurisdictionCode());
        if (jpa.txExpr(TransactionType.Supports, em -> recipient(em, id, caller.username())) == null) {
            throw SupervisionException.forbidden("监管专报 #" + id + " 未报送给 " + caller.username() + "，不能批示");
        }
        Workflow.require(current, ReportState.INSTRUCTED, "批示");
        if (draft == null) {
            throw SupervisionException.invalid("body", "缺少批示内容");
        }
        LocalDate today = today();
        List<FieldError> errors = new ArrayList<>();
        String text = InstructionChecks.text(draft.text(), errors);
        LocalDate date = draft.date() == null ? today : draft.date();
        InstructionChecks.date(date, today, errors);
        List<TaskDraft> tasks = InstructionChecks.tasks(draft.tasks(), today, "tasks", errors);
        InstructionChecks.raise("批示", errors);
        long now = clock.millis();
        // the tasks are read back once committed (the task service's rows are its own)
        Instruction recorded = instructions.value(jpa.txExpr(TransactionType.Required, em -> {
            SpecialReportEntity e = find(em, id);
            Workflow.require(e, ReportState.INSTRUCTED, "批示");
            RecipientEntity r = recipient(em, id, caller.username());
            if (r.getReadAt() == null) {
                r.setReadAt(now);
                em.persist(new ReportEventEntity(id, e.getState(), e.getState(), "READ", caller.username(), now, null));
            }
            InstructionEntity i = instructions.record(em, e, caller.username(), text, date, InstructionChannel.PLATFORM, null,
                    caller, now, Caller.system(caller.username()), tasks);
            advance(em, e, caller, now, "INSTRUCTED", "批示 #" + i.getId() + (tasks.isEmpty() ? "" : "，交办 " + tasks.size() + " 项"));
            return i;
        }));
        messenger.instructed(current.getJurisdictionCode(), id, recorded.id(), current.getTitle(), caller.username(), text);
        LOG.info("Instruction #{} on special report #{} by {}", recorded.id(), id, caller.username());
        return recorded;
    }

    // ------------------------------------------------------------------ paper instructions and tasks

    @Override
    public void checkScanUpload(Caller caller, long id) {
        SpecialReportEntity e = load(id);
        registry.access().require(caller, Operation.MANAGE_SPECIAL_REPORTS, e.getJurisdictionCode());
        Workflow.require(e, ReportState.INSTRUCTED, "上传批示扫描件");
    }

    @Override
    public InstructionScan attachScan(Caller caller, long id, String fileName, byte[] content) {
        checkScanUpload(caller, id);
        EvidenceFile file = EvidenceFile.check(fileName, content);
        long now = clock.millis();
        ScanEntity s = new ScanEntity(id, file.name(), file.contentType(), file.sha256(), caller.username(), now, content);
        jpa.tx(TransactionType.Required, em -> {
            SpecialReportEntity e = find(em, id);
            em.persist(s);
            em.flush();
            em.persist(new ReportEventEntity(id, e.getState(), e.getState(), "SCAN_UPLOADED", caller.username(), now,
                    "扫描件 #" + s.getId() + " " + file.name() + "（SHA-256 " + file.sha256() + "）"));
        });
        return scan(s);
    }

    @Override
    public Instruction recordPaperInstruction(Caller caller, long id, InstructionDraft draft) {
        SpecialReportEntity current = load(id);
        registry.access().require(caller, Operation.MANAGE_SPECIAL_REPORTS, current.getJurisdictionCode());
        Workflow.require(current, ReportState.INSTRUCTED, "录入纸质批示");
        if (draft == null) {
            throw SupervisionException.invalid("body", "缺少批示内容");
        }
        LocalDate today = today();
        List<FieldError> errors = new ArrayList<>();
        String leader = draft.leader() == null ? "" : draft.leader().trim();
        String text = InstructionChecks.text(draft.text(), errors);
        InstructionChecks.date(draft.date(), today, errors);
        List<TaskDraft> tasks = InstructionChecks.tasks(draft.tasks(), today, "tasks", errors);
        jpa.tx(TransactionType.Supports, em -> {
            if (leader.isEmpty() || recipient(em, id, leader) == null) {
                errors.add(new FieldError("leader", "须为本专报报送的领导" + (leader.isEmpty() ? "" : "（“" + leader + "”不是）")));
            }
            ScanEntity s = draft.scanId() == null ? null : em.find(ScanEntity.class, draft.scanId());
            if (s == null || s.getReportId() != id) {
                errors.add(new FieldError("scanId", "须先上传本专报的批示扫描件"));
            } else if (s.getInstructionId() != null) {
                errors.add(new FieldError("scanId", "扫描件 #" + s.getId() + " 已用于批示 #" + s.getInstructionId()));
            }
        });
        InstructionChecks.raise("纸质批示", errors);
        long now = clock.millis();
        Instruction recorded = instructions.value(jpa.txExpr(TransactionType.Required, em -> {
            SpecialReportEntity e = find(em, id);
            Workflow.require(e, ReportState.INSTRUCTED, "录入纸质批示");
            ScanEntity s = em.find(ScanEntity.class, draft.scanId());
            if (s.getInstructionId() != null) {
                throw SupervisionException.conflict("扫描件 #" + s.getId() + " 已用于批示 #" + s.getInstructionId());
            }
            InstructionEntity i = instructions.record(em, e, leader, text, draft.date(), InstructionChannel.PAPER, s.getId(),
                    caller, now, caller, tasks);
            s.setInstructionId(i.getId());
            advance(em, e, caller, now, "PAPER_INSTRUCTION", "录入 " + leader + " 的纸质批示 #" + i.getId() + "（扫描件 #" + s.getId()
                    + "）" + (tasks.isEmpty() ? "" : "，交办 " + tasks.size() + " 项"));
            return i;
        }));
        messenger.instructed(current.getJurisdictionCode(), id, recorded.id(), current.getTitle(), leader, text);
        return recorded;
    }

    @Override
    public Instruction assignTasks(Caller caller, long instructionId, List<TaskDraft> drafts) {
        InstructionEntity instruction = jpa.txExpr(TransactionType.Supports, em -> findInstruction(em, instructionId));
        SpecialReportEntity current = load(instruction.getReportId());
        registry.access().require(caller, Operation.MANAGE_SPECIAL_REPORTS, current.getJurisdictionCode());
        Workflow.requireIn(current, java.util.EnumSet.of(ReportState.INSTRUCTED), "交办督办事项");
        List<FieldError> errors = new ArrayList<>();
        List<TaskDraft> tasks = InstructionChecks.tasks(drafts, today(), "tasks", errors);
        if (tasks.isEmpty() && errors.isEmpty()) {
            errors.add(new FieldError("tasks", "至少交办一项"));
        }
        InstructionChecks.raise("督办事项", errors);
        long now = clock.millis();
        jpa.tx(TransactionType.Required, em -> {
            SpecialReportEntity e = find(em, current.getId());
            Workflow.requireIn(e, java.util.EnumSet.of(ReportState.INSTRUCTED), "交办督办事项");
            instructions.assign(caller, instruction, tasks);
            em.persist(new ReportEventEntity(e.getId(), e.getState(), e.getState(), "TASKS_ASSIGNED", caller.username(), now,
                    "批示 #" + instructionId + "：交办 " + tasks.size() + " 项"));
        });
        return instructions.value(instruction);
    }

    @Override
    public SpecialReport close(Caller caller, long id, String note) {
        String why = note == null ? null : note.trim();
        if (why != null && why.length() > MAX_REASON) {
            throw SupervisionException.invalid("note", "不超过 " + MAX_REASON + " 个字符");
        }
        // counted before the transaction: the task service's rows are read through its own service, never joined here
        TaskSummary tasks = jpa.txExpr(TransactionType.Supports, em -> summary(em, id));
        return move(caller, id, ReportState.CLOSED, "办结", "CLOSED", why == null || why.isEmpty() ? null : why, (em, e) -> {
            if (tasks.total() == 0) {
                throw SupervisionException.conflict("监管专报 #" + id + " 的批示尚未交办督办事项，不能办结");
            }
            if (!tasks.allDone()) {
                throw SupervisionException.conflict("监管专报 #" + id + " 尚有 " + tasks.open() + " 项督办事项未办结（其中逾期 "
                        + tasks.overdue() + " 项），不能办结");
            }
            e.setClosedBy(caller.username());
            e.setClosedAt(clock.millis());
        });
    }

    @Override
    public StoredDocument generateDocument(Caller caller, long id, DocumentFormat format) {
        SpecialReportEntity e = load(id);
        registry.access().require(caller, Operation.MANAGE_SPECIAL_REPORTS, e.getJurisdictionCode());
        Workflow.requireIn(e, Workflow.REVIEWED, "生成文书（审核通过后才编号成文）");
        List<String> to = jpa.txExpr(TransactionType.Supports, em -> recipients(em, id)).stream().map(Recipient::username).toList();
        long now = clock.millis();
        return jpa.txExpr(TransactionType.Required, em -> {
            StoredDocument doc = documents.generate(caller, e.getJurisdictionCode(), id, e.getTitle(),
                    DocumentModel.of(e.getTitle(), e.getIssue(), sections(e), links(e), e.getCreatedBy(), e.getApprovedBy(), to),
                    format == null ? DocumentFormat.PDF : format);
            em.persist(new ReportEventEntity(id, e.getState(), e.getState(), "DOCUMENT", caller.username(), now,
                    "文书 #" + doc.id() + " 第 " + doc.version() + " 版（" + doc.format() + "）"));
            return doc;
        });
    }

    // ------------------------------------------------------------------ helpers

    private SpecialReport move(Caller caller, long id, ReportState to, String label, String action, String note,
                               BiConsumer<EntityManager, SpecialReportEntity> effect) {
        SpecialReportEntity current = load(id);
        registry.access().require(caller, Operation.MANAGE_SPECIAL_REPORTS, current.getJurisdictionCode());
        Workflow.require(current, to, label);
        long now = clock.millis();
        jpa.tx(TransactionType.Required, em -> {
            SpecialReportEntity e = find(em, id);
            Workflow.require(e, to, label);
            effect.accept(em, e);
            ReportState from = e.getState();
            e.setState(to);
            e.setUpdatedBy(caller.username());
            e.setUpdatedAt(now);
            em.persist(new ReportEventEntity(id, from, to, action, caller.username(), now, note));
        });
        return jpa.txExpr(TransactionType.Supports, em -> toValue(em, find(em, id)));
    }

    /** SENT → INSTRUCTED on the first instruction; later ones are events within INSTRUCTED. */
    private static void advance(EntityManager em, SpecialReportEntity e, Caller caller, long now, String action, String note) {
        ReportState from = e.getState();
        e.setState(ReportState.INSTRUCTED);
        e.setUpdatedBy(caller.username());
        e.setUpdatedAt(now);
        em.persist(new ReportEventEntity(e.getId(), from, ReportState.INSTRUCTED, action, caller.username(), now, note));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), CHINA);
    }

    private SpecialReportEntity load(long id) {
        return jpa.txExpr(TransactionType.Supports, em -> find(em, id));
    }

    private static SpecialReportEntity find(EntityManager em, long id) {
        SpecialReportEntity e = em.find(SpecialReportEntity.class, id);
        if (e == null) {
            throw SupervisionException.notFound("监管专报 " + id + " 不存在");
        }
        return e;
    }

    private static InstructionEntity findInstruction(EntityManager em, long id) {
        InstructionEntity i = em.find(InstructionEntity.class, id);
        if (i == null) {
            throw SupervisionException.notFound("批示 " + id + " 不存在");
        }
        return i;
    }

    private static RecipientEntity recipient(EntityManager em, long reportId, String username) {
        return em.createQuery("select r from RecipientEntity r where r.reportId = :r and r.username = :u", RecipientEntity.class)
                .setParameter("r", reportId).setParameter("u", username).getResultList().stream().findFirst().orElse(null);
    }

    /** READ_SPECIAL_REPORTS, and for a leader: the report was sent to him. */
    private boolean readable(EntityManager em, Caller caller, SpecialReportEntity e) {
        if (!registry.access().may(caller, Operation.READ_SPECIAL_REPORTS, e.getJurisdictionCode())) {
            return false;
        }
        return !Leaders.actsAsLeader(caller) || recipient(em, e.getId(), caller.username()) != null;
    }

    private SpecialReportEntity requireReadable(EntityManager em, Caller caller, long id) {
        SpecialReportEntity e = find(em, id);
        registry.access().require(caller, Operation.READ_SPECIAL_REPORTS, e.getJurisdictionCode());
        if (Leaders.actsAsLeader(caller) && recipient(em, id, caller.username()) == null) {
            throw SupervisionException.forbidden("监管专报 #" + id + " 未报送给 " + caller.username());
        }
        return e;
    }

    private static List<Recipient> recipients(EntityManager em, long reportId) {
        return em.createQuery("select r from RecipientEntity r where r.reportId = :r order by r.id", RecipientEntity.class)
                .setParameter("r", reportId).getResultList().stream()
                .map(r -> new Recipient(r.getUsername(), r.getReadAt() == null ? null : Instant.ofEpochMilli(r.getReadAt())))
                .toList();
    }

    private List<Instruction> instructionsOf(EntityManager em, long reportId) {
        return em.createQuery("select i from InstructionEntity i where i.reportId = :r order by i.id", InstructionEntity.class)
                .setParameter("r", reportId).getResultList().stream().map(instructions::value).toList();
    }

    private TaskSummary summary(EntityManager em, long reportId) {
        return instructionsOf(em, reportId).stream().map(Instruction::tasks).reduce(TaskSummary.NONE, TaskSummary::plus);
    }

    private static InstructionScan scan(ScanEntity s) {
        return new InstructionScan(s.getId(), s.getReportId(), s.getFileName(), s.getContentType(), s.getSize(), s.getSha256(),
                s.getInstructionId(), s.getUploadedBy(), Instant.ofEpochMilli(s.getUploadedAt()));
    }

    private void fill(SpecialReportEntity e, SpecialReportDraft d, Links links, Caller caller, long now) {
        e.setTitle(d.title().trim());
        List<ReportSection> sections = d.sections().stream()
                .map(s -> new ReportSection(s.heading() == null || s.heading().isBlank() ? null : s.heading().trim(), s.text().trim()))
                .toList();
        e.setSectionsJson(toJson(sections));
        e.setLinksJson(toJson(links));
        e.setUpdatedBy(caller.username());
        e.setUpdatedAt(now);
    }

    private List<ReportSection> sections(SpecialReportEntity e) {
        return fromJson(e.getSectionsJson(), new TypeReference<List<ReportSection>>() { });
    }

    private Links links(SpecialReportEntity e) {
        return fromJson(e.getLinksJson(), new TypeReference<Links>() { });
    }

    private SpecialReport toValue(EntityManager em, SpecialReportEntity e) {
        Links links = links(e);
        List<Instruction> list = instructionsOf(em, e.getId());
        TaskSummary tasks = list.stream().map(Instruction::tasks).reduce(TaskSummary.NONE, TaskSummary::plus);
        return new SpecialReport(e.getId(), e.getJurisdictionCode(), e.getTitle(), e.getIssue(), sections(e), links.findings(),
                links.units(), links.campaignIds(), links.scores(), e.getState(), e.getReturnReason(), e.getCreatedBy(),
                Instant.ofEpochMilli(e.getCreatedAt()), e.getSubmittedBy(), e.getApprovedBy(), instant(e.getApprovedAt()),
                recipients(em, e.getId()), e.getSentBy(), instant(e.getSentAt()), e.getDocumentId(), e.getDocumentNumber(), list,
                tasks, e.getClosedBy(), instant(e.getClosedAt()), e.getUpdatedBy(), Instant.ofEpochMilli(e.getUpdatedAt()));
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), ex);
        }
    }

    private <T> T fromJson(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("stored special report is not readable", ex);
        }
    }
}
