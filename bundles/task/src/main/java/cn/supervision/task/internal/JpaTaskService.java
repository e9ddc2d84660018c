package cn.supervision.task.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.cooperation.DepartmentDirectory;
import cn.supervision.api.notification.Message;
import cn.supervision.api.notification.NotificationService;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.security.Access;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.security.Target;
import cn.supervision.api.security.UserDirectory;
import cn.supervision.api.task.OwnerKind;
import cn.supervision.api.task.TaskDraft;
import cn.supervision.api.task.TaskEvent;
import cn.supervision.api.task.TaskOrigin;
import cn.supervision.api.task.TaskProgress;
import cn.supervision.api.task.TaskQuery;
import cn.supervision.api.task.TaskService;
import cn.supervision.api.task.TaskState;
import cn.supervision.api.task.TrackedTask;
import cn.supervision.task.internal.model.TaskEntity;
import cn.supervision.task.internal.model.TaskEventEntity;
import cn.supervision.task.internal.model.TaskProgressEntity;

/**
 * Tracked tasks on OpenJPA: a facade over owner resolution ({@link Owners}), the state rules ({@link Transitions}),
 * overdue computation ({@link Deadlines}) and the listing ({@link TaskListing}). Authority is the registry's
 * {@link Access}: READ_TASKS and REPORT_TASK_PROGRESS on the task's target (its owner unit or department),
 * MANAGE_TASKS for the rest. Every action is a history row; nothing is ever deleted.
 */
public class JpaTaskService implements TaskService {
    private static final Logger LOG = LoggerFactory.getLogger(JpaTaskService.class);
    static final int MAX_TITLE = 200;
    static final int MAX_TEXT = 2000;
    static final int MAX_NOTE = 1000;
    static final int MAX_DRAFTS = 200;
    static final int PROGRESS_GROUP = 500;

    private final JpaTemplate jpa;
    private final RegistryService registry;
    private final Owners owners;
    private final Deadlines deadlines;
    private final Recipients recipients;

    public JpaTaskService(JpaTemplate jpa, RegistryService registry, List<DepartmentDirectory> departments,
                          List<NotificationService> notifications, List<UserDirectory> users, Clock clock) {
        this.jpa = jpa;
        this.registry = registry;
        this.owners = new Owners(registry, departments);
        this.deadlines = new Deadlines(clock);
        this.recipients = new Recipients(notifications, users);
    }

    /** Whose task it is, for the policy: the owner unit (unitCode) or the owner department (departmentCode). */
    static Target target(TaskEntity t) {
        return new Target(t.getJurisdictionCode(), t.getOwnerKind() == OwnerKind.UNIT ? t.getOwnerCode() : null, false,
                t.getOwnerKind() == OwnerKind.DEPARTMENT ? t.getOwnerCode() : null);
    }

    // ------------------------------------------------------------------ creating

    @Override
    public List<TrackedTask> create(Caller caller, String jurisdictionCode, TaskOrigin origin, long originId, List<TaskDraft> drafts) {
        if (jurisdictionCode == null || jurisdictionCode.isBlank()) {
            throw SupervisionException.invalid("jurisdictionCode", "必须指定行政区划");
        }
        registry.access().require(caller, Operation.MANAGE_TASKS, jurisdictionCode);
        List<FieldError> errors = new ArrayList<>();
        if (origin == null) {
            errors.add(new FieldError("origin", "必须指明督办事项的来源（领导批示或联席会议决定）"));
        }
        if (originId <= 0) {
            errors.add(new FieldError("originId", "来源编号应为正整数"));
        }
        if (drafts == null || drafts.isEmpty()) {
            errors.add(new FieldError("drafts", "至少交办一项督办事项"));
        } else if (drafts.size() > MAX_DRAFTS) {
            errors.add(new FieldError("drafts", "一次最多交办 " + MAX_DRAFTS + " 项"));
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("督办事项有 " + errors.size() + " 处错误", errors);
        }
        LocalDate today = deadlines.today();
        Owners.Resolver resolver = owners.in(jurisdictionCode);
        List<Owners.Owner> resolved = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            TaskDraft d = drafts.get(i);
            String at = "drafts[" + i + "].";
            if (d == null) {
                errors.add(new FieldError("drafts[" + i + "]", "督办事项不能为空"));
                continue;
            }
            text(d.title(), MAX_TITLE, true, at + "title", "事项名称", errors);
            text(d.detail(), MAX_TEXT, false, at + "detail", "事项内容", errors);
            if (d.deadline() == null) {
                errors.add(new FieldError(at + "deadline", "必须指定办理期限"));
            } else if (d.deadline().isBefore(today)) {
                errors.add(new FieldError(at + "deadline", "办理期限 " + d.deadline() + " 早于今天（" + today + "）"));
            }
            if (d.ownerKind() == null) {
                errors.add(new FieldError(at + "ownerKind", "必须指定责任方类型（UNIT、DEPARTMENT、OFFICE）"));
                continue;
            }
            resolved.add(resolver.resolve(d.ownerKind(), d.ownerCode(), at + "ownerCode", errors));
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("督办事项有 " + errors.size() + " 处错误", errors);
        }
        long now = deadlines.now();
        List<TaskEntity> saved = jpa.txExpr(TransactionType.Required, em -> {
            List<TaskEntity> out = new ArrayList<>();
            for (int i = 0; i < drafts.size(); i++) {
                TaskDraft d = drafts.get(i);
                Owners.Owner o = resolved.get(i);
                TaskEntity t = new TaskEntity();
                t.setJurisdictionCode(jurisdictionCode);
                t.setOrigin(origin);
                t.setOriginId(originId);
                t.setTitle(d.title().trim());
                t.setDetail(d.detail() == null || d.detail().isBlank() ? null : d.detail().trim());
                t.setOwnerKind(o.kind());
                t.setOwnerCode(o.code());
                t.setOwnerName(o.name());
                t.setDeadline(d.deadline().toEpochDay());
                t.setState(TaskState.OPEN);
                t.setCreatedBy(caller.username());
                t.setCreatedAt(now);
                t.setUpdatedAt(now);
                em.persist(t);
                em.flush();
                em.persist(new TaskEventEntity(t.getId(), "CREATED", "交办" + o.name() + "办理，期限 " + d.deadline() + "（来源："
                        + origin.label() + " #" + originId + "）", caller.username(), now));
                out.add(t);
            }
            return out;
        });
        for (TaskEntity t : saved) {
            recipients.owner(t, new Message("TASK_ASSIGNED", "新的督办事项：" + t.getTitle(), t.getOwnerName() + "：" + origin.label()
                    + "交办“" + t.getTitle() + "”，请于 " + LocalDate.ofEpochDay(t.getDeadline()) + " 前办结并报告进展。",
                    Recipients.link(t.getId())));
        }
        LOG.info("{} task(s) of {} #{} assigned in {} by {}", saved.size(), origin, originId, jurisdictionCode, caller.username());
        return values(saved);
    }

    // ------------------------------------------------------------------ reading

    @Override
    public List<TrackedTask> list(Caller caller, String jurisdictionCode, TaskQuery query, int offset, int limit) {
        if (offset < 0) {
            throw SupervisionException.invalid("offset", "起始位置不能为负数");
        }
        if (limit < 1) {
            throw SupervisionException.invalid("limit", "每页条数应为正整数");
        }
        Access access = registry.access();
        if (jurisdictionCode != null) {
            // the caller's own share of the jurisdiction: an office or leader all of it, a unit or department its own tasks
            access.require(caller, Operation.READ_TASKS,
                    new Target(jurisdictionCode, caller.unitCode(), false, caller.departmentCode()));
        }
        LocalDate today = deadlines.today();
        List<TaskEntity> rows = jpa.txExpr(TransactionType.Supports, em -> TaskListing.select(em, jurisdictionCode, query, today));
        List<TaskEntity> visible = access.filter(caller, Operation.READ_TASKS, rows, JpaTaskService::target);
        if (offset >= visible.size()) {
            return List.of();
        }
        return values(visible.subList(offset, (int) Math.min(visible.size(), (long) offset + limit)));
    }

    @Override
    public TrackedTask get(Caller caller, long id) {
        TaskEntity t = readable(caller, id);
        return values(List.of(t)).get(0);
    }

    @Override
    public List<TaskEvent> history(Caller caller, long id) {
        readable(caller, id);
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "select e from TaskEventEntity e where e.taskId = :t order by e.id", TaskEventEntity.class)
                .setParameter("t", id).getResultList().stream()
                .map(e -> new TaskEvent(e.getId(), e.getAction(), e.getDetail(), e.getActor(), Instant.ofEpochMilli(e.getAt())))
                .toList());
    }

    private TaskEntity readable(Caller caller, long id) {
        TaskEntity t = jpa.txExpr(TransactionType.Supports, em -> find(em, id));
        registry.access().require(caller, Operation.READ_TASKS, target(t));
        return t;
    }

    // ------------------------------------------------------------------ progress and the office's decisions

    @Override
    public TrackedTask reportProgress(Caller caller, long id, String text, Integer percent) {
        TaskEntity current = jpa.txExpr(TransactionType.Supports, em -> find(em, id));
        registry.access().require(caller, Operation.REPORT_TASK_PROGRESS, target(current));
        List<FieldError> errors = new ArrayList<>();
        String said = text(text, MAX_TEXT, true, "text", "进展情况", errors);
        if (percent != null && (percent < 0 || percent > 100)) {
            errors.add(new FieldError("percent", "完成比例应为 0–100 的整数，收到 " + percent));
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("进展报告有 " + errors.size() + " 处错误", errors);
        }
        long now = deadlines.now();
        TaskEntity saved = step(caller, id, Transitions.PROGRESS, (percent == null ? "" : "完成 " + percent + "%：") + said, now,
                (em, t) -> em.persist(new TaskProgressEntity(id, said, percent, caller.username(), now)));
        if (saved.getOwnerKind() != OwnerKind.OFFICE) {
            recipients.office(saved, new Message("TASK_PROGRESS", "督办事项进展：" + saved.getTitle(), saved.getOwnerName() + " 报告进展"
                    + (percent == null ? "" : "（完成 " + percent + "%）") + "：" + abbreviate(said), Recipients.link(id)));
        }
        return get(caller, id);
    }

    @Override
    public TrackedTask close(Caller caller, long id, String note) {
        return decide(caller, id, Transitions.CLOSED, note, "办结说明", (t, why) -> {
            t.setClosingNote(why);
        });
    }

    @Override
    public TrackedTask cancel(Caller caller, long id, String reason) {
        return decide(caller, id, Transitions.CANCELLED, reason, "撤销理由", (t, why) -> t.setClosingNote(why));
    }

    @Override
    public TrackedTask reopen(Caller caller, long id, String reason) {
        return decide(caller, id, Transitions.REOPENED, reason, "重新办理的理由", (t, why) -> {
            t.setClosingNote(null);
            t.setClosedBy(null);
            t.setClosedAt(null);
        });
    }

    @Override
    public TrackedTask redate(Caller caller, long id, LocalDate deadline, String reason) {
        TaskEntity current = jpa.txExpr(TransactionType.Supports, em -> find(em, id));
        registry.access().require(caller, Operation.MANAGE_TASKS, target(current));
        List<FieldError> errors = new ArrayList<>();
        LocalDate today = deadlines.today();
        if (deadline == null) {
            errors.add(new FieldError("deadline", "必须指定新的办理期限"));
        } else if (deadline.isBefore(today)) {
            errors.add(new FieldError("deadline", "办理期限 " + deadline + " 早于今天（" + today + "）"));
        }
        String why = text(reason, MAX_NOTE, true, "reason", "调整期限的理由", errors);
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("调整期限有 " + errors.size() + " 处错误", errors);
        }
        long now = deadlines.now();
        step(caller, id, Transitions.REDATED, "期限由 " + LocalDate.ofEpochDay(current.getDeadline()) + " 调整为 " + deadline + "：" + why,
                now, (em, t) -> t.setDeadline(deadline.toEpochDay()));
        return get(caller, id);
    }

    private interface Effect {
        void apply(TaskEntity t, String why);
    }

    /** An office decision with a mandatory text: close, cancel, reopen. */
    private TrackedTask decide(Caller caller, long id, Transitions action, String text, String what, Effect effect) {
        TaskEntity current = jpa.txExpr(TransactionType.Supports, em -> find(em, id));
        registry.access().require(caller, Operation.MANAGE_TASKS, target(current));
        List<FieldError> errors = new ArrayList<>();
        String field = action == Transitions.CLOSED ? "note" : "reason";
        String why = text(text, MAX_NOTE, true, field, what, errors);
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid(what + "不符合要求", errors);
        }
        long now = deadlines.now();
        TaskEntity saved = step(caller, id, action, why, now, (em, t) -> {
            t.setClosedBy(caller.username());
            t.setClosedAt(now);
            effect.apply(t, why);
        });
        if (saved.getOwnerKind() != OwnerKind.OFFICE) {
            recipients.owner(saved, new Message("TASK_" + action.name(), "督办事项" + action.label() + "：" + saved.getTitle(),
                    "督办事项“" + saved.getTitle() + "”已" + action.label() + "：" + abbreviate(why), Recipients.link(id)));
        }
        return get(caller, id);
    }

    /** One action in one transaction on fresh rows: the state rule, the change, the new state and the history row. */
    private TaskEntity step(Caller caller, long id, Transitions action, String detail, long now,
                            java.util.function.BiConsumer<EntityManager, TaskEntity> change) {
        return jpa.txExpr(TransactionType.Required, em -> {
            TaskEntity t = find(em, id);
            TaskState to = action.apply(t);
            change.accept(em, t);
            t.setState(to);
            t.setUpdatedAt(now);
            em.persist(new TaskEventEntity(id, action.name(), detail, caller.username(), now));
            return t;
        });
    }

    // ------------------------------------------------------------------ helpers

    /** The trimmed text, or null with the problem added: mandatory texts must not be blank, none may be too long. */
    private static String text(String value, int max, boolean mandatory, String field, String what, List<FieldError> errors) {
        String v = value == null ? "" : value.trim();
        if (v.isEmpty()) {
            if (mandatory) {
                errors.add(new FieldError(field, what + "不能为空"));
            }
            return null;
        }
        if (v.length() > max) {
            errors.add(new FieldError(field, what + "不能超过 " + max + " 个字符（收到 " + v.length() + " 个）"));
            return null;
        }
        return v;
    }

    static String abbreviate(String s) {
        return s == null ? "" : s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    private static TaskEntity find(EntityManager em, long id) {
        TaskEntity t = em.find(TaskEntity.class, id);
        if (t == null) {
            throw SupervisionException.notFound("督办事项 " + id + " 不存在");
        }
        return t;
    }

    /** Values with their progress, read in one query, overdue computed now. */
    private List<TrackedTask> values(List<TaskEntity> tasks) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        List<Long> ids = tasks.stream().map(TaskEntity::getId).toList();
        // in groups: a listing may hold thousands of tasks, and Derby compiles every IN parameter into the statement
        List<TaskProgressEntity> rows = jpa.txExpr(TransactionType.Supports, em -> {
            List<TaskProgressEntity> out = new ArrayList<>();
            for (int from = 0; from < ids.size(); from += PROGRESS_GROUP) {
                out.addAll(em.createQuery("select p from TaskProgressEntity p where p.taskId in :ids order by p.id",
                        TaskProgressEntity.class).setParameter("ids", ids.subList(from, Math.min(ids.size(), from + PROGRESS_GROUP)))
                        .getResultList());
            }
            return out;
        });
        Map<Long, List<TaskProgress>> progress = rows.stream().collect(Collectors.groupingBy(TaskProgressEntity::getTaskId,
                Collectors.mapping(p -> new TaskProgress(p.getId(), p.getText(), p.getPercent(), p.getReportedBy(),
                        Instant.ofEpochMilli(p.getReportedAt())), Collectors.toList())));
        LocalDate today = deadlines.today();
        return tasks.stream().map(t -> new TrackedTask(t.getId(), t.getJurisdictionCode(), t.getOrigin(), t.getOriginId(), t.getTitle(),
                t.getDetail(), t.getOwnerKind(), t.getOwnerCode(), t.getOwnerName(), LocalDate.ofEpochDay(t.getDeadline()), t.getState(),
                Deadlines.overdue(t.getState(), t.getDeadline(), today), t.getCreatedBy(), Instant.ofEpochMilli(t.getCreatedAt()),
                t.getClosedBy(), t.getClosedAt() == null ? null : Instant.ofEpochMilli(t.getClosedAt()), t.getClosingNote(),
                List.copyOf(progress.getOrDefault(t.getId(), List.of())))).toList();
    }

    // for the daily pass
    JpaTemplate jpa() {
        return jpa;
    }

    Recipients recipients() {
        return recipients;
    }
}
