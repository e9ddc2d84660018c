package cn.supervision.rectification.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.followup.Finding;
import cn.supervision.api.followup.FindingService;
import cn.supervision.api.followup.FindingState;
import cn.supervision.api.notification.Message;
import cn.supervision.api.notification.NotificationService;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.evidence.EvidenceFile;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.rectification.Escalation;
import cn.supervision.api.rectification.EscalationDraft;
import cn.supervision.api.rectification.EscalationKind;
import cn.supervision.api.rectification.EscalationState;
import cn.supervision.api.rectification.Item;
import cn.supervision.api.rectification.ItemEvent;
import cn.supervision.api.rectification.ItemState;
import cn.supervision.api.rectification.Notice;
import cn.supervision.api.rectification.NoticeDraft;
import cn.supervision.api.rectification.NoticeEvent;
import cn.supervision.api.rectification.NoticeState;
import cn.supervision.api.rectification.PlanDraft;
import cn.supervision.api.rectification.RectificationEvent;
import cn.supervision.api.rectification.RectificationEvidence;
import cn.supervision.api.rectification.RectificationService;
import cn.supervision.api.rectification.UnitRectificationStatus;
import cn.supervision.api.rectification.Visit;
import cn.supervision.api.rectification.VisitDraft;
import cn.supervision.api.rectification.VisitResult;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.schedule.PassResult;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.security.Target;
import cn.supervision.rectification.internal.model.EscalationEntity;
import cn.supervision.rectification.internal.model.EventEntity;
import cn.supervision.rectification.internal.model.EvidenceEntity;
import cn.supervision.rectification.internal.model.ItemEntity;
import cn.supervision.rectification.internal.model.NoticeEntity;
import cn.supervision.rectification.internal.model.ReminderEntity;
import cn.supervision.rectification.internal.model.VisitEntity;

/**
 * Rectification over JPA. Every step loads the notice, asks {@link cn.supervision.api.security.Access} (through the
 * registry) before anything else, moves the state machines of {@link Transitions}, and appends an event; messages are
 * sent after the transaction, so a notifier never undoes a recorded step.
 */
public class JpaRectificationService implements RectificationService {
    private static final Logger LOG = LoggerFactory.getLogger(JpaRectificationService.class);
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Set<ItemState> UNCLAIMED = EnumSet.of(ItemState.NOTIFIED, ItemState.PLANNED, ItemState.IN_PROGRESS, ItemState.RETURNED);
    private static final String SYSTEM = "system:rectification-deadlines";

    private final JpaTemplate jpa;
    private final RegistryService registry;
    private final FindingService findings;
    private final NotificationService notifications;
    private final Settings settings;
    private Clock clock = Clock.system(ZONE);

    public JpaRectificationService(JpaTemplate jpa, RegistryService registry, FindingService findings,
                                   NotificationService notifications, Settings settings) {
        this.jpa = jpa;
        this.registry = registry;
        this.findings = findings;
        this.notifications = notifications;
        this.settings = settings;
    }

    /** For tests: the clock of records and of "today". */
    public void setClock(Clock clock) {
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    // ------------------------------------------------------------------ issue and read

    @Override
    public Notice issue(Caller caller, NoticeDraft draft) {
        if (draft == null || draft.jurisdictionCode() == null) {
            throw SupervisionException.invalid("jurisdictionCode", "必须指定行政区划");
        }
        registry.access().require(caller, Operation.MANAGE_FOLLOWUP, Target.of(draft.jurisdictionCode()));
        List<FieldError> errors = new ArrayList<>();
        LocalDate today = today();
        if (draft.unitId() == null) {
            errors.add(new FieldError("unitId", "必填"));
        }
        List<Long> ids = draft.findingIds() == null ? List.of() : draft.findingIds();
        if (ids.isEmpty()) {
            errors.add(new FieldError("findingIds", "至少一个问题"));
        } else if (ids.stream().anyMatch(Objects::isNull) || new HashSet<>(ids).size() != ids.size()) {
            errors.add(new FieldError("findingIds", "问题不能为空或重复"));
        } else if (ids.size() > 200) {
            errors.add(new FieldError("findingIds", "一份通知最多 200 个问题"));
        }
        LocalDate deadline = draft.deadline() == null ? today.plusDays(settings.getDefaultDeadlineDays()) : draft.deadline();
        if (deadline.isBefore(today)) {
            errors.add(new FieldError("deadline", "整改期限不能早于今天（" + today + "）"));
        }
        String required = trim(draft.requiredEvidence());
        if (required == null) {
            errors.add(new FieldError("requiredEvidence", "必须写明需要提交的佐证材料"));
        } else if (required.length() > 2000) {
            errors.add(new FieldError("requiredEvidence", "不能超过 2000 字"));
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("整改通知无效", errors);
        }
        Unit unit = registry.getUnit(caller, draft.unitId());
        if (!unit.jurisdictionCode().equals(draft.jurisdictionCode())) {
            throw SupervisionException.invalid("unitId", "单位 " + unit.name() + " 不属于行政区划 " + draft.jurisdictionCode());
        }
        List<Finding> taken = new ArrayList<>();
        for (long id : ids) {
            Finding f = findings.get(caller, id);
            if (f.unitId() != unit.id() || !f.jurisdictionCode().equals(draft.jurisdictionCode())) {
                throw SupervisionException.invalid("findingIds", "问题 " + id + " 不是 " + unit.name() + " 的问题");
            }
            if (f.state() != FindingState.OPEN) {
                throw SupervisionException.conflict("问题 " + id + " 当前状态为 " + f.state() + "，只有 OPEN 的问题可以下发整改");
            }
            taken.add(f);
        }
        long now = clock.millis();
        NoticeEntity saved = jpa.txExpr(TransactionType.Required, em -> {
            Integer max = em.createQuery("select max(n.sequence) from NoticeEntity n where n.jurisdictionCode = :j and n.numberYear = :y",
                    Integer.class).setParameter("j", draft.jurisdictionCode()).setParameter("y", today.getYear()).getSingleResult();
            NoticeEntity n = new NoticeEntity(draft.jurisdictionCode(), today.getYear(), max == null ? 1 : max + 1, unit.id(), unit.code(),
                    unit.name(), today.toEpochDay(), deadline.toEpochDay(), required, caller.username(), now);
            em.persist(n);
            em.flush();
            for (Finding f : taken) {
                em.persist(new ItemEntity(n.getId(), f.id(), f.description()));
            }
            em.persist(new EventEntity(n.getId(), null, "ISSUED", null, NoticeState.ISSUED.name(),
                    "下发整改通知，整改期限 " + deadline + "，问题 " + ids, caller.username(), now));
            return n;
        });
        for (Finding f : taken) {
            findings.moveTo(caller, f.id(), FindingState.IN_RECTIFICATION, saved.getId(), "整改通知 " + number(saved) + " 下发");
        }
        tell(() -> notifications.toUnit(saved.getJurisdictionCode(), saved.getUnitCode(), new Message("RECTIFICATION_ISSUED",
                "整改通知 " + number(saved), unit.name() + "：请于 " + deadline + " 前完成 " + taken.size() + " 个问题的整改，并先报送整改方案。",
                link(saved.getId()))));
        return get(caller, saved.getId());
    }

    @Override
    public List<Notice> list(Caller caller, String jurisdictionCode, Long unitId, NoticeState state) {
        String code = jurisdictionCode != null ? jurisdictionCode : caller.jurisdictionCode();
        if (code != null) {
            registry.access().require(caller, Operation.READ_FOLLOWUP, scope(caller, code));
        }
        List<NoticeEntity> rows = jpa.txExpr(TransactionType.Supports, em -> {
            // only the filters given: Derby refuses "? is null"
            StringBuilder q = new StringBuilder("select n from NoticeEntity n where 1 = 1");
            if (code != null) {
                q.append(" and n.jurisdictionCode = :j");
            }
            if (unitId != null) {
                q.append(" and n.unitId = :u");
            }
            if (state != null) {
                q.append(" and n.state = :s");
            }
            javax.persistence.TypedQuery<NoticeEntity> query = em.createQuery(q.append(" order by n.id desc").toString(), NoticeEntity.class);
            if (code != null) {
                query.setParameter("j", code);
            }
            if (unitId != null) {
                query.setParameter("u", unitId);
            }
            if (state != null) {
                query.setParameter("s", state);
            }
            return query.getResultList();
        });
        List<NoticeEntity> visible = registry.access().filter(caller, Operation.READ_FOLLOWUP, rows, JpaRectificationService::target);
        return jpa.txExpr(TransactionType.Supports, em -> visible.stream().map(n -> toValue(em, n)).toList());
    }

    @Override
    public Notice get(Caller caller, long noticeId) {
        NoticeEntity n = load(noticeId);
        registry.access().require(caller, Operation.READ_FOLLOWUP, target(n));
        return jpa.txExpr(TransactionType.Supports, em -> toValue(em, n));
    }

    @Override
    public List<RectificationEvent> history(Caller caller, long noticeId) {
        NoticeEntity n = load(noticeId);
        registry.access().require(caller, Operation.READ_FOLLOWUP, target(n));
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select e from EventEntity e where e.noticeId = :n order by e.id",
                EventEntity.class).setParameter("n", noticeId).getResultList().stream().map(e -> new RectificationEvent(e.getId(),
                e.getNoticeId(), e.getItemId(), e.getKind(), e.getFromState(), e.getToState(), e.getText(), e.getActor(),
                Instant.ofEpochMilli(e.getAt()))).toList());
    }

    // ------------------------------------------------------------------ the unit's answers

    @Override
    public Item plan(Caller caller, long noticeId, long itemId, PlanDraft plan) {
        NoticeEntity n = load(noticeId);
        registry.access().require(caller, Operation.ANSWER_RECTIFICATION, target(n));
        List<FieldError> errors = new ArrayList<>();
        String measures = plan == null ? null : trim(plan.measures());
        String responsible = plan == null ? null : trim(plan.responsiblePerson());
        LocalDate due = plan == null ? null : plan.dueDate();
        required(errors, "measures", measures, 2000);
        required(errors, "responsiblePerson", responsible, 100);
        LocalDate deadline = LocalDate.ofEpochDay(n.getDeadline());
        if (due == null) {
            errors.add(new FieldError("dueDate", "必填"));
        } else if (due.isAfter(deadline)) {
            errors.add(new FieldError("dueDate", "整改时限不能晚于通知的整改期限 " + deadline));
        } else if (due.isBefore(today())) {
            errors.add(new FieldError("dueDate", "整改时限不能早于今天"));
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("整改方案无效", errors);
        }
        return step(caller, n, itemId, ItemEvent.PLAN, "措施：" + measures + "；责任人：" + responsible + "；时限：" + due,
                i -> i.plan(measures, responsible, due.toEpochDay()));
    }

    @Override
    public Item progress(Caller caller, long noticeId, long itemId, String report) {
        NoticeEntity n = load(noticeId);
        registry.access().require(caller, Operation.ANSWER_RECTIFICATION, target(n));
        String text = trim(report);
        List<FieldError> errors = new ArrayList<>();
        required(errors, "report", text, 4000);
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("整改进展无效", errors);
        }
        return step(caller, n, itemId, ItemEvent.PROGRESS, text, i -> { });
    }

    @Override
    public Item claim(Caller caller, long noticeId, long itemId, String note) {
        NoticeEntity n = load(noticeId);
        registry.access().require(caller, Operation.ANSWER_RECTIFICATION, target(n));
        String text = trim(note);
        if (text != null && text.length() > 4000) {
            throw SupervisionException.invalid("note", "不能超过 4000 字");
        }
        long files = jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "select count(e) from EvidenceEntity e where e.itemId = :i and e.noticeId = :n", Long.class)
                .setParameter("i", itemId).setParameter("n", noticeId).getSingleResult());
        ItemEntity current = item(noticeId, itemId);
        Transitions.next(current.getState(), ItemEvent.CLAIM);
        if (files == 0) {
            throw SupervisionException.invalid("evidence", "申请销号前须上传佐证材料（" + n.getRequiredEvidence() + "）");
        }
        Item claimed = step(caller, n, itemId, ItemEvent.CLAIM, text == null ? "申请销号" : text, i -> { });
        tell(() -> notifications.toOffice(n.getJurisdictionCode(), new Message("RECTIFICATION_CLAIMED", "整改销号申请 " + number(n),
                n.getUnitName() + " 申请对问题“" + abbreviate(claimed.findingDescription()) + "”销号，请审核。", link(noticeId))));
        return claimed;
    }

    // ------------------------------------------------------------------ the office's review, visits, escalation

    @Override
    public Item review(Caller caller, long noticeId, long itemId, boolean accept, String reason) {
        NoticeEntity n = load(noticeId);
        registry.access().require(caller, Operation.MANAGE_FOLLOWUP, target(n));
        String why = trim(reason);
        if (!accept && why == null) {
            throw SupervisionException.invalid("reason", "退回须说明理由");
        }
        if (why != null && why.length() > 2000) {
            throw SupervisionException.invalid("reason", "不能超过 2000 字");
        }
        LocalDate today = today();
        Item reviewed = step(caller, n, itemId, accept ? ItemEvent.ACCEPT : ItemEvent.RETURN,
                why == null ? "销号" : why, i -> i.setAcceptedOn(accept ? today.toEpochDay() : null));
        if (accept) {
            jpa.tx(TransactionType.Required, em -> {
                NoticeEntity fresh = em.find(NoticeEntity.class, noticeId);
                List<ItemEntity> items = items(em, noticeId);
                if (items.stream().allMatch(i -> i.getState() == ItemState.ACCEPTED) && Transitions.allowed(fresh.getState(), NoticeEvent.ALL_ACCEPTED)) {
                    LocalDate visit = today.plusDays(settings.getVisitAfterDays());
                    move(em, fresh, NoticeEvent.ALL_ACCEPTED, "全部问题已销号，安排 " + visit + " 回访", caller.username());
                    fresh.setNextVisitOn(visit.toEpochDay());
                    em.persist(new VisitEntity(noticeId, visit.toEpochDay()));
                }
            });
        }
        tell(() -> notifications.toUnit(n.getJurisdictionCode(), n.getUnitCode(), new Message(accept ? "RECTIFICATION_ACCEPTED"
                : "RECTIFICATION_RETURNED", (accept ? "整改事项已销号 " : "整改事项被退回 ") + number(n),
                "问题“" + abbreviate(reviewed.findingDescription()) + "”" + (accept ? "已销号。" : "被退回：" + why), link(noticeId))));
        return reviewed;
    }

    @Override
    public Visit recordVisit(Caller caller, long noticeId, VisitDraft visit) {
        NoticeEntity n = load(noticeId);
        registry.access().require(caller, Operation.MANAGE_FOLLOWUP, target(n));
        List<FieldError> errors = new ArrayList<>();
        LocalDate today = today();
        if (visit == null || visit.visitedOn() == null) {
            errors.add(new FieldError("visitedOn", "必填"));
        } else if (visit.visitedOn().isAfter(today)) {
            errors.add(new FieldError("visitedOn", "回访日期不能晚于今天"));
        }
        if (visit == null || visit.result() == null) {
            errors.add(new FieldError("result", "必填：RECTIFIED（整改到位）或 NOT_RECTIFIED（整改不到位）"));
        }
        String notes = visit == null ? null : trim(visit.notes());
        required(errors, "notes", notes, 4000);
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("回访记录无效", errors);
        }
        boolean passed = visit.result() == VisitResult.RECTIFIED;
        long now = clock.millis();
        VisitEntity recorded = jpa.txExpr(TransactionType.Required, em -> {
            NoticeEntity fresh = em.find(NoticeEntity.class, noticeId);
            NoticeEvent event = passed ? NoticeEvent.VISIT_PASS : NoticeEvent.VISIT_FAIL;
            Transitions.next(fresh.getState(), event);
            List<VisitEntity> pending = em.createQuery("select v from VisitEntity v where v.noticeId = :n and v.result is null order by v.id",
                    VisitEntity.class).setParameter("n", noticeId).getResultList();
            VisitEntity v = pending.isEmpty() ? new VisitEntity(noticeId, visit.visitedOn().toEpochDay()) : pending.get(0);
            v.record(visit.visitedOn().toEpochDay(), visit.result(), notes, caller.username(), now);
            if (pending.isEmpty()) {
                em.persist(v);
            }
            String text = "回访（" + visit.visitedOn() + "）：" + visit.result().label() + "。" + notes;
            for (ItemEntity i : items(em, noticeId)) {
                moveItem(em, i, passed ? ItemEvent.VISIT_PASS : ItemEvent.VISIT_FAIL, text, caller.username());
            }
            move(em, fresh, event, text, caller.username());
            if (passed) {
                fresh.setNextVisitOn(null);
            } else {
                LocalDate next = visit.visitedOn().plusDays(settings.getRevisitAfterDays());
                fresh.setNextVisitOn(next.toEpochDay());
                em.persist(new VisitEntity(noticeId, next.toEpochDay()));
            }
            return v;
        });
        if (passed) {
            jpa.txExpr(TransactionType.Supports, em -> items(em, noticeId)).forEach(i -> findings.moveTo(caller, i.getFindingId(),
                    FindingState.RECTIFIED, noticeId, "整改通知 " + number(n) + " 回访整改到位"));
        }
        tell(() -> notifications.toUnit(n.getJurisdictionCode(), n.getUnitCode(), new Message("RECTIFICATION_VISITED",
                "整改回访结果 " + number(n), "回访结果：" + visit.result().label() + (passed ? "，整改通知办结。" : "，请继续整改。"), link(noticeId))));
        return toValue(recorded);
    }

    @Override
    public Escalation escalate(Caller caller, long noticeId, EscalationDraft draft) {
        NoticeEntity n = load(noticeId);
        registry.access().require(caller, Operation.MANAGE_FOLLOWUP, target(n));
        if (draft == null || draft.kind() == null) {
            throw SupervisionException.invalid("kind", "必填：ADMONITORY_TALK（约谈）或 CIRCULATED_CRITICISM（通报批评）");
        }
        validateHeld(draft, true);
        long now = clock.millis();
        EscalationEntity e = jpa.txExpr(TransactionType.Required, em -> {
            NoticeEntity fresh = em.find(NoticeEntity.class, noticeId);
            requireEscalable(em, fresh, draft.kind());
            EscalationEntity x = new EscalationEntity(noticeId, draft.kind(), EscalationState.RECORDED, trim(draft.reason()), caller.username(), now);
            x.decide(EscalationState.RECORDED, draft.date().toEpochDay(), trim(draft.participants()), trim(draft.minutes()), caller.username(), now);
            em.persist(x);
            em.persist(new EventEntity(noticeId, null, "ESCALATION", fresh.getState().name(), fresh.getState().name(),
                    draft.kind().label() + "（" + draft.date() + "）：" + trim(draft.reason()), caller.username(), now));
            return x;
        });
        tell(() -> notifications.toUnit(n.getJurisdictionCode(), n.getUnitCode(), new Message("RECTIFICATION_ESCALATED",
                draft.kind().label() + " " + number(n), n.getUnitName() + "：因整改不到位或逾期，已予以" + draft.kind().label() + "。", link(noticeId))));
        return toValue(e);
    }

    @Override
    public Escalation confirm(Caller caller, long noticeId, long escalationId, EscalationDraft held) {
        NoticeEntity n = load(noticeId);
        registry.access().require(caller, Operation.MANAGE_FOLLOWUP, target(n));
        if (held == null) {
            throw SupervisionException.invalid("body", "需要 date、participants、minutes");
        }
        EscalationEntity e = jpa.txExpr(TransactionType.Required, em -> {
            EscalationEntity x = escalation(em, noticeId, escalationId);
            validateHeld(new EscalationDraft(x.getKind(), held.date(), held.participants(), held.minutes(),
                    held.reason() == null ? x.getReason() : held.reason()), false);
            decide(em, x, EscalationState.RECORDED, held.date().toEpochDay(), held.participants(), held.minutes(),
                    x.getKind().label() + "已实施（" + held.date() + "）", caller.username());
            return x;
        });
        return toValue(e);
    }

    @Override
    public Escalation dismiss(Caller caller, long noticeId, long escalationId, String reason) {
        NoticeEntity n = load(noticeId);
        registry.access().require(caller, Operation.MANAGE_FOLLOWUP, target(n));
        String why = trim(reason);
        if (why == null || why.length() > 2000) {
            throw SupervisionException.invalid("reason", why == null ? "不予实施须说明理由" : "不能超过 2000 字");
        }
        EscalationEntity e = jpa.txExpr(TransactionType.Required, em -> {
            EscalationEntity x = escalation(em, noticeId, escalationId);
            decide(em, x, EscalationState.DISMISSED, null, null, why, "不予" + x.getKind().label() + "：" + why, caller.username());
            return x;
        });
        return toValue(e);
    }

    private void decide(EntityManager em, EscalationEntity x, EscalationState to, Long heldOn, String participants, String minutes,
                        String text, String by) {
        if (x.getState() != EscalationState.PROPOSED) {
            throw SupervisionException.conflict(x.getKind().label() + "当前状态为 " + x.getState() + "，只有 PROPOSED 的建议可以处理");
        }
        long now = clock.millis();
        String from = x.getState().name();
        x.decide(to, heldOn, trim(participants), trim(minutes), by, now);
        em.persist(new EventEntity(x.getNoticeId(), null, "ESCALATION_" + to.name(), from, to.name(), text, by, now));
    }

    private static EscalationEntity escalation(EntityManager em, long noticeId, long escalationId) {
        EscalationEntity x = em.find(EscalationEntity.class, escalationId);
        if (x == null || x.getNoticeId() != noticeId) {
            throw SupervisionException.notFound("问责措施 " + escalationId + " 不存在");
        }
        return x;
    }

    /** Escalation is for a unit that let a deadline pass or failed a visit; anything else is out of order. */
    private static void requireEscalable(EntityManager em, NoticeEntity n, EscalationKind kind) {
        boolean late = n.getState() == NoticeState.OVERDUE || n.getState() == NoticeState.VISIT_FAILED
                || items(em, n.getId()).stream().anyMatch(i -> i.getState() == ItemState.OVERDUE || i.getState() == ItemState.VISIT_FAILED);
        if (!late) {
            throw SupervisionException.conflict("整改通知当前状态为“" + n.getState().label() + "”（" + n.getState() + "），没有逾期或回访不到位的问题，不能"
                    + kind.label());
        }
    }

    private void validateHeld(EscalationDraft d, boolean needReason) {
        List<FieldError> errors = new ArrayList<>();
        if (d.date() == null) {
            errors.add(new FieldError("date", "必填"));
        } else if (d.date().isAfter(today())) {
            errors.add(new FieldError("date", "只记录已实施的措施：日期不能晚于今天"));
        }
        if (d.kind() == EscalationKind.ADMONITORY_TALK) {
            required(errors, "participants", trim(d.participants()), 1000);
        } else if (trim(d.participants()) != null && d.participants().length() > 1000) {
            errors.add(new FieldError("participants", "不能超过 1000 字"));
        }
        required(errors, "minutes", trim(d.minutes()), 8000);
        if (needReason) {
            required(errors, "reason", trim(d.reason()), 1000);
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid((d.kind() == null ? "问责措施" : d.kind().label()) + "记录无效", errors);
        }
    }

    // ------------------------------------------------------------------ evidence

    @Override
    public void checkItemEvidenceUpload(Caller caller, long noticeId, long itemId) {
        NoticeEntity n = load(noticeId);
        registry.access().require(caller, Operation.ANSWER_RECTIFICATION, target(n));
        ItemEntity i = item(noticeId, itemId);
        if (!Transitions.allowed(i.getState(), ItemEvent.PROGRESS) && !Transitions.allowed(i.getState(), ItemEvent.PLAN)) {
            throw SupervisionException.conflict("整改事项当前状态为“" + i.getState().label() + "”（" + i.getState() + "），不接受佐证材料");
        }
    }

    @Override
    public RectificationEvidence attachItemEvidence(Caller caller, long noticeId, long itemId, String fileName, byte[] content) {
        checkItemEvidenceUpload(caller, noticeId, itemId);
        return store(caller, noticeId, itemId, null, fileName, content);
    }

    @Override
    public void checkVisitEvidenceUpload(Caller caller, long noticeId, long visitId) {
        NoticeEntity n = load(noticeId);
        registry.access().require(caller, Operation.MANAGE_FOLLOWUP, target(n));
        VisitEntity v = jpa.txExpr(TransactionType.Supports, em -> em.find(VisitEntity.class, visitId));
        if (v == null || v.getNoticeId() != noticeId) {
            throw SupervisionException.notFound("回访 " + visitId + " 不存在");
        }
    }

    @Override
    public RectificationEvidence attachVisitEvidence(Caller caller, long noticeId, long visitId, String fileName, byte[] content) {
        checkVisitEvidenceUpload(caller, noticeId, visitId);
        return store(caller, noticeId, null, visitId, fileName, content);
    }

    private RectificationEvidence store(Caller caller, long noticeId, Long itemId, Long visitId, String fileName, byte[] content) {
        EvidenceFile file = EvidenceFile.check(fileName, content);
        long now = clock.millis();
        EvidenceEntity e = new EvidenceEntity(noticeId, itemId, visitId, file.name(), file.contentType(), file.sha256(), caller.username(), now, content);
        jpa.tx(TransactionType.Required, em -> {
            em.persist(e);
            em.persist(new EventEntity(noticeId, itemId, "EVIDENCE", null, null, file.name() + "（SHA-256 " + file.sha256() + "）",
                    caller.username(), now));
        });
        return toValue(e);
    }

    @Override
    public List<RectificationEvidence> evidence(Caller caller, long noticeId) {
        NoticeEntity n = load(noticeId);
        registry.access().require(caller, Operation.READ_FOLLOWUP, target(n));
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select e from EvidenceEntity e where e.noticeId = :n order by e.id",
                EvidenceEntity.class).setParameter("n", noticeId).getResultList().stream().map(JpaRectificationService::toValue).toList());
    }

    @Override
    public byte[] evidenceContent(Caller caller, long noticeId, long evidenceId) {
        NoticeEntity n = load(noticeId);
        registry.access().require(caller, Operation.READ_FOLLOWUP, target(n));
        byte[] content = jpa.txExpr(TransactionType.Supports, em -> {
            EvidenceEntity e = em.find(EvidenceEntity.class, evidenceId);
            return e == null || e.getNoticeId() != noticeId ? null : e.getContent();
        });
        if (content == null) {
            throw SupervisionException.notFound("佐证材料 " + evidenceId + " 不存在");
        }
        return content;
    }

    // ------------------------------------------------------------------ listings for partners and the shell

    @Override
    public List<Item> overdue(Caller caller, String jurisdictionCode) {
        String code = jurisdictionCode != null ? jurisdictionCode : caller.jurisdictionCode();
        if (code != null) {
            registry.access().require(caller, Operation.READ_FOLLOWUP, scope(caller, code));
        }
        return jpa.txExpr(TransactionType.Supports, em -> {
            javax.persistence.TypedQuery<NoticeEntity> query = em.createQuery("select n from NoticeEntity n where "
                    + (code == null ? "" : "n.jurisdictionCode = :j and ")
                    + "exists (select i from ItemEntity i where i.noticeId = n.id and i.state = :s) order by n.id", NoticeEntity.class)
                    .setParameter("s", ItemState.OVERDUE);
            List<NoticeEntity> notices = (code == null ? query : query.setParameter("j", code)).getResultList();
            return registry.access().filter(caller, Operation.READ_FOLLOWUP, notices, JpaRectificationService::target).stream()
                    .flatMap(n -> items(em, n.getId()).stream()).filter(i -> i.getState() == ItemState.OVERDUE)
                    .map(JpaRectificationService::toValue).toList();
        });
    }

    @Override
    public List<UnitRectificationStatus> statusByUnit(Caller caller, String jurisdictionCode, int year) {
        if (jurisdictionCode == null) {
            throw SupervisionException.invalid("jurisdictionCode", "必填");
        }
        registry.access().require(caller, Operation.READ_RECTIFICATION_STATUS, scope(caller, jurisdictionCode));
        return jpa.txExpr(TransactionType.Supports, em -> {
            List<NoticeEntity> notices = registry.access().filter(caller, Operation.READ_RECTIFICATION_STATUS,
                    em.createQuery("select n from NoticeEntity n where n.jurisdictionCode = :j and n.numberYear = :y order by n.unitId, n.id",
                            NoticeEntity.class).setParameter("j", jurisdictionCode).setParameter("y", year).getResultList(),
                    JpaRectificationService::target);
            Map<Long, List<NoticeEntity>> byUnit = notices.stream().collect(Collectors.groupingBy(NoticeEntity::getUnitId, LinkedHashMap::new,
                    Collectors.toList()));
            List<UnitRectificationStatus> out = new ArrayList<>();
            byUnit.forEach((unitId, ns) -> {
                List<ItemEntity> items = ns.stream().flatMap(n -> items(em, n.getId()).stream()).toList();
                long escalations = ns.stream().mapToLong(n -> em.createQuery("select count(e) from EscalationEntity e where e.noticeId = :n "
                        + "and e.state = :s", Long.class).setParameter("n", n.getId()).setParameter("s", EscalationState.RECORDED)
                        .getSingleResult()).sum();
                int closed = (int) items.stream().filter(i -> i.getState() == ItemState.CLOSED).count();
                int overdue = (int) items.stream().filter(i -> i.getState() == ItemState.OVERDUE).count();
                NoticeEntity first = ns.get(0);
                out.add(new UnitRectificationStatus(jurisdictionCode, unitId, first.getUnitCode(), first.getUnitName(), year, ns.size(),
                        items.size(), closed, overdue, items.size() - closed, (int) escalations));
            });
            return out;
        });
    }

    // ------------------------------------------------------------------ the daily deadline pass

    static final int DEADLINE_GROUP = 100;

    /**
     * Marks unclaimed items of open notices OVERDUE from deadline + grace, reminds the unit once per item when its
     * deadline comes within the reminder window, tells the office once per item when it goes overdue, and proposes one
     * 约谈 per notice when an item has been overdue for the configured days. Notices are decided in groups of
     * {@value #DEADLINE_GROUP} per transaction and their messages go out once the group is committed; the reminder table
     * makes every message once-only, so a second run the same day changes and sends nothing.
     */
    public PassResult runDeadlines(Instant now) {
        long started = System.nanoTime();
        LocalDate today = LocalDate.ofInstant(now, ZONE);
        // one read of every open notice, its items, what was sent and which talks exist: only notices with something
        // to do get a transaction of their own (which decides again on fresh rows)
        Snapshot snapshot = jpa.txExpr(TransactionType.Supports, em -> snapshot(em));
        long examined = 0;
        long changed = 0;
        List<String> notes = new ArrayList<>();
        List<Long> due = new ArrayList<>();
        for (NoticeEntity open : snapshot.notices) {
            List<ItemEntity> items = snapshot.items.getOrDefault(open.getId(), List.of());
            if (due(open, items, snapshot, today)) {
                due.add(open.getId());
            } else {
                examined += items.size();
            }
        }
        // notices with something to do are decided in groups, one transaction each: a transaction per notice cost more
        // than the work itself on the day a whole year's notices go overdue at once
        for (int from = 0; from < due.size(); from += DEADLINE_GROUP) {
            List<Long> group = due.subList(from, Math.min(due.size(), from + DEADLINE_GROUP));
            List<DeadlineOutcome> outcomes = jpa.txExpr(TransactionType.Required, em -> group.stream()
                    .map(id -> deadlines(em, em.find(NoticeEntity.class, id), today, now.toEpochMilli())).toList());
            for (DeadlineOutcome o : outcomes) {
                examined += o.examined;
                changed += o.changed;
                o.send(notifications, this);
                notes.addAll(o.notes);
            }
        }
        return new PassResult(DeadlinePass.NAME, now, examined, changed, (System.nanoTime() - started) / 1_000_000,
                notes.size() > 100 ? List.copyOf(notes.subList(0, 100)) : List.copyOf(notes), null);
    }

    /** What one notice's check decided, and the messages to send once it is committed. */
    static final class DeadlineOutcome {
        final NoticeEntity notice;
        long examined;
        long changed;
        final List<ItemEntity> dueSoon = new ArrayList<>();
        final List<ItemEntity> wentOverdue = new ArrayList<>();
        EscalationEntity proposed;
        final List<String> notes = new ArrayList<>();

        DeadlineOutcome(NoticeEntity notice) {
            this.notice = notice;
        }

        void send(NotificationService notifications, JpaRectificationService service) {
            NoticeEntity n = notice;
            String link = link(n.getId());
            if (!dueSoon.isEmpty()) {
                service.tell(() -> notifications.toUnit(n.getJurisdictionCode(), n.getUnitCode(), new Message("RECTIFICATION_DUE",
                        "整改期限临近 " + number(n), n.getUnitName() + "：整改通知 " + number(n) + " 的整改期限为 "
                        + LocalDate.ofEpochDay(n.getDeadline()) + "，尚有 " + dueSoon.size() + " 个问题未申请销号："
                        + dueSoon.stream().map(i -> "“" + abbreviate(i.getFindingDescription()) + "”").collect(Collectors.joining("、")) + "。",
                        link)));
            }
            if (!wentOverdue.isEmpty()) {
                Message m = new Message("RECTIFICATION_OVERDUE", "整改逾期 " + number(n), n.getUnitName() + " 的整改通知 " + number(n)
                        + " 已过整改期限 " + LocalDate.ofEpochDay(n.getDeadline()) + "，" + wentOverdue.size() + " 个问题逾期未整改。", link);
                service.tell(() -> notifications.toOffice(n.getJurisdictionCode(), m));
                service.tell(() -> notifications.toUnit(n.getJurisdictionCode(), n.getUnitCode(), m));
            }
            if (proposed != null) {
                service.tell(() -> notifications.toOffice(n.getJurisdictionCode(), new Message("RECTIFICATION_ESCALATION_PROPOSED",
                        "建议约谈 " + n.getUnitName(), proposed.getReason() + "。请确认约谈（记录日期、参加人员、纪要）或说明不予约谈的理由。", link)));
            }
        }
    }

    /** Open notices with their items, the reminders already sent (kind:itemId) and the notices with a talk proposed or held. */
    private record Snapshot(List<NoticeEntity> notices, Map<Long, List<ItemEntity>> items, Set<String> sent, Set<Long> talks) { }

    private static Snapshot snapshot(EntityManager em) {
        // joins rather than IN (subquery): Derby evaluates the latter row by row
        String open = "(n.state = :a or n.state = :b)";
        List<NoticeEntity> notices = em.createQuery("select n from NoticeEntity n where " + open + " order by n.id",
                NoticeEntity.class).setParameter("a", NoticeState.ISSUED).setParameter("b", NoticeState.OVERDUE).getResultList();
        Map<Long, List<ItemEntity>> items = em.createQuery("select i from ItemEntity i, NoticeEntity n where i.noticeId = n.id and " + open
                + " order by i.id", ItemEntity.class).setParameter("a", NoticeState.ISSUED).setParameter("b", NoticeState.OVERDUE)
                .getResultList().stream().collect(Collectors.groupingBy(ItemEntity::getNoticeId));
        Set<String> sent = em.createQuery("select r from ReminderEntity r, ItemEntity i, NoticeEntity n where r.itemId = i.id "
                + "and i.noticeId = n.id and " + open, ReminderEntity.class).setParameter("a", NoticeState.ISSUED)
                .setParameter("b", NoticeState.OVERDUE).getResultList().stream().map(r -> r.getKind() + ":" + r.getItemId())
                .collect(Collectors.toSet());
        Set<Long> talks = new HashSet<>(em.createQuery("select e.noticeId from EscalationEntity e, NoticeEntity n where e.noticeId = n.id "
                + "and e.kind = :k and e.state <> :d and " + open, Long.class).setParameter("k", EscalationKind.ADMONITORY_TALK)
                .setParameter("d", EscalationState.DISMISSED).setParameter("a", NoticeState.ISSUED).setParameter("b", NoticeState.OVERDUE)
                .getResultList());
        return new Snapshot(notices, items, sent, talks);
    }

    /** Whether {@link #deadlines} would change or send anything for this notice today (the same rules, read only). */
    private boolean due(NoticeEntity n, List<ItemEntity> items, Snapshot s, LocalDate today) {
        LocalDate deadline = LocalDate.ofEpochDay(n.getDeadline());
        LocalDate overdueFrom = deadline.plusDays(settings.getOverdueGraceDays());
        LocalDate remindFrom = deadline.minusDays(settings.getRemindDaysBefore());
        int after = settings.getEscalateAfterOverdueDays();
        for (ItemEntity i : items) {
            boolean unclaimed = UNCLAIMED.contains(i.getState());
            if (unclaimed && !today.isBefore(overdueFrom)) {
                return true;
            }
            if (unclaimed && !today.isBefore(remindFrom) && !s.sent.contains("DUE_SOON:" + i.getId())) {
                return true;
            }
            if (i.getState() == ItemState.OVERDUE && after >= 0 && i.getOverdueSince() != null && !s.talks.contains(n.getId())
                    && !s.sent.contains("ESCALATION:" + i.getId())
                    && !today.isBefore(LocalDate.ofEpochDay(i.getOverdueSince()).plusDays(after))) {
                return true;
            }
        }
        return false;
    }

    private DeadlineOutcome deadlines(EntityManager em, NoticeEntity n, LocalDate today, long now) {
        DeadlineOutcome o = new DeadlineOutcome(n);
        LocalDate deadline = LocalDate.ofEpochDay(n.getDeadline());
        LocalDate overdueFrom = deadline.plusDays(settings.getOverdueGraceDays());
        LocalDate remindFrom = deadline.minusDays(settings.getRemindDaysBefore());
        // a join, not IN (subquery): Derby evaluates the subquery for every reminder row, once per notice
        Set<String> sent = em.createQuery("select r from ReminderEntity r, ItemEntity i where r.itemId = i.id and i.noticeId = :n",
                        ReminderEntity.class).setParameter("n", n.getId()).getResultList()
                .stream().map(r -> r.getKind() + ":" + r.getItemId()).collect(Collectors.toCollection(HashSet::new));
        for (ItemEntity i : items(em, n.getId())) {
            o.examined++;
            if (UNCLAIMED.contains(i.getState()) && !today.isBefore(overdueFrom)) {
                moveItem(em, i, ItemEvent.MARK_OVERDUE, "超过整改期限 " + deadline + " 未申请销号", SYSTEM);
                i.setOverdueSince(today.toEpochDay());
                o.changed++;
                if (Transitions.allowed(n.getState(), NoticeEvent.MARK_OVERDUE)) {
                    move(em, n, NoticeEvent.MARK_OVERDUE, "有问题超过整改期限 " + deadline, SYSTEM);
                }
                if (remember(em, sent, i, "OVERDUE", today, now)) {
                    o.wentOverdue.add(i);
                }
                o.notes.add(number(n) + " 事项 " + i.getId() + " 逾期");
            } else if (UNCLAIMED.contains(i.getState()) && !today.isBefore(remindFrom)) {
                if (remember(em, sent, i, "DUE_SOON", today, now)) {
                    o.dueSoon.add(i);
                    o.changed++;
                }
            }
            int after = settings.getEscalateAfterOverdueDays();
            if (i.getState() == ItemState.OVERDUE && after >= 0 && i.getOverdueSince() != null
                    && !today.isBefore(LocalDate.ofEpochDay(i.getOverdueSince()).plusDays(after)) && o.proposed == null
                    && !talkPending(em, n.getId()) && remember(em, sent, i, "ESCALATION", today, now)) {
                EscalationEntity e = new EscalationEntity(n.getId(), EscalationKind.ADMONITORY_TALK, EscalationState.PROPOSED,
                        "问题“" + abbreviate(i.getFindingDescription()) + "”逾期已 " + (today.toEpochDay() - i.getOverdueSince()) + " 天（规则：逾期满 "
                        + after + " 天建议约谈）", SYSTEM, now);
                em.persist(e);
                em.persist(new EventEntity(n.getId(), i.getId(), "ESCALATION_PROPOSED", null, EscalationState.PROPOSED.name(), e.getReason(),
                        SYSTEM, now));
                o.proposed = e;
                o.changed++;
            }
        }
        return o;
    }

    /** A talk already proposed or held for this notice: the rule does not propose another. */
    private static boolean talkPending(EntityManager em, long noticeId) {
        return em.createQuery("select count(e) from EscalationEntity e where e.noticeId = :n and e.kind = :k and e.state <> :d", Long.class)
                .setParameter("n", noticeId).setParameter("k", EscalationKind.ADMONITORY_TALK).setParameter("d", EscalationState.DISMISSED)
                .getSingleResult() > 0;
    }

    private static boolean remember(EntityManager em, Set<String> sent, ItemEntity i, String kind, LocalDate today, long now) {
        if (!sent.add(kind + ":" + i.getId())) {
            return false;
        }
        em.persist(new ReminderEntity(i.getId(), kind, today.toEpochDay(), now));
        return true;
    }

    // ------------------------------------------------------------------ helpers

    private Item step(Caller caller, NoticeEntity n, long itemId, ItemEvent event, String text, Consumer<ItemEntity> change) {
        return jpa.txExpr(TransactionType.Required, em -> {
            ItemEntity i = em.find(ItemEntity.class, itemId);
            if (i == null || i.getNoticeId() != n.getId()) {
                throw SupervisionException.notFound("整改事项 " + itemId + " 不存在");
            }
            moveItem(em, i, event, text, caller.username());
            change.accept(i);
            return toValue(i);
        });
    }

    private void moveItem(EntityManager em, ItemEntity i, ItemEvent event, String text, String by) {
        ItemState from = i.getState();
        ItemState to = Transitions.next(from, event);
        i.setState(to);
        em.persist(new EventEntity(i.getNoticeId(), i.getId(), event.name(), from.name(), to.name(), text, by, clock.millis()));
    }

    private void move(EntityManager em, NoticeEntity n, NoticeEvent event, String text, String by) {
        NoticeState from = n.getState();
        NoticeState to = Transitions.next(from, event);
        n.setState(to);
        em.persist(new EventEntity(n.getId(), null, event.name(), from.name(), to.name(), text, by, clock.millis()));
    }

    private NoticeEntity load(long noticeId) {
        NoticeEntity n = jpa.txExpr(TransactionType.Supports, em -> em.find(NoticeEntity.class, noticeId));
        if (n == null) {
            throw SupervisionException.notFound("整改通知 " + noticeId + " 不存在");
        }
        return n;
    }

    private ItemEntity item(long noticeId, long itemId) {
        ItemEntity i = jpa.txExpr(TransactionType.Supports, em -> em.find(ItemEntity.class, itemId));
        if (i == null || i.getNoticeId() != noticeId) {
            throw SupervisionException.notFound("整改事项 " + itemId + " 不存在");
        }
        return i;
    }

    private static List<ItemEntity> items(EntityManager em, long noticeId) {
        return em.createQuery("select i from ItemEntity i where i.noticeId = :n order by i.id", ItemEntity.class)
                .setParameter("n", noticeId).getResultList();
    }

    /**
     * A listing's scope: notified records of the jurisdiction, as the caller's own unit for a unit user (who may list
     * its own jurisdiction's notices and then sees only its unit's), so the policy alone decides who may list where.
     */
    private static Target scope(Caller caller, String jurisdictionCode) {
        return new Target(jurisdictionCode, caller.unitCode(), true);
    }

    /** A notice is notified to its unit by being issued: superior offices and the unit read it from then on. */
    static Target target(NoticeEntity n) {
        return new Target(n.getJurisdictionCode(), n.getUnitCode(), true);
    }

    static String number(NoticeEntity n) {
        return "〔" + n.getNumberYear() + "〕" + n.getSequence() + "号";
    }

    static String link(long noticeId) {
        return "/v1/rectifications/" + noticeId;
    }

    static String abbreviate(String s) {
        return s == null ? "" : s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    private static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private static void required(List<FieldError> errors, String field, String value, int max) {
        if (value == null) {
            errors.add(new FieldError(field, "必填"));
        } else if (value.length() > max) {
            errors.add(new FieldError(field, "不能超过 " + max + " 字"));
        }
    }

    /** Sending never undoes what was recorded: a failure is logged (the notification service retries its own channels). */
    void tell(Runnable send) {
        try {
            send.run();
        } catch (RuntimeException e) {
            LOG.warn("rectification message not delivered: {}", e.toString());
        }
    }

    private Notice toValue(EntityManager em, NoticeEntity n) {
        List<Item> items = items(em, n.getId()).stream().map(JpaRectificationService::toValue).toList();
        List<Visit> visits = em.createQuery("select v from VisitEntity v where v.noticeId = :n order by v.id", VisitEntity.class)
                .setParameter("n", n.getId()).getResultList().stream().map(JpaRectificationService::toValue).toList();
        List<Escalation> escalations = em.createQuery("select e from EscalationEntity e where e.noticeId = :n order by e.id",
                EscalationEntity.class).setParameter("n", n.getId()).getResultList().stream().map(JpaRectificationService::toValue).toList();
        return new Notice(n.getId(), number(n), n.getJurisdictionCode(), n.getUnitId(), n.getUnitCode(), n.getUnitName(),
                LocalDate.ofEpochDay(n.getIssuedOn()), LocalDate.ofEpochDay(n.getDeadline()), n.getRequiredEvidence(), n.getState(),
                date(n.getNextVisitOn()), items, visits, escalations, n.getIssuedBy(), Instant.ofEpochMilli(n.getIssuedAt()));
    }

    static Item toValue(ItemEntity i) {
        return new Item(i.getId(), i.getNoticeId(), i.getFindingId(), i.getFindingDescription(), i.getState(), i.getMeasures(),
                i.getResponsiblePerson(), date(i.getDueDate()), date(i.getOverdueSince()), date(i.getAcceptedOn()));
    }

    static Visit toValue(VisitEntity v) {
        return new Visit(v.getId(), v.getNoticeId(), LocalDate.ofEpochDay(v.getScheduledFor()), date(v.getVisitedOn()), v.getResult(),
                v.getNotes(), v.getRecordedBy(), v.getRecordedAt() == null ? null : Instant.ofEpochMilli(v.getRecordedAt()));
    }

    static Escalation toValue(EscalationEntity e) {
        return new Escalation(e.getId(), e.getNoticeId(), e.getKind(), e.getState(), date(e.getHeldOn()), e.getParticipants(),
                e.getMinutes(), e.getReason(), e.getProposedBy(), Instant.ofEpochMilli(e.getProposedAt()), e.getDecidedBy(),
                e.getDecidedAt() == null ? null : Instant.ofEpochMilli(e.getDecidedAt()));
    }

    static RectificationEvidence toValue(EvidenceEntity e) {
        return new RectificationEvidence(e.getId(), e.getNoticeId(), e.getItemId(), e.getVisitId(), e.getFileName(), e.getContentType(),
                e.getSize(), e.getSha256(), e.getUploadedBy(), Instant.ofEpochMilli(e.getUploadedAt()));
    }

    private static LocalDate date(Long epochDay) {
        return epochDay == null ? null : LocalDate.ofEpochDay(epochDay);
    }
}
