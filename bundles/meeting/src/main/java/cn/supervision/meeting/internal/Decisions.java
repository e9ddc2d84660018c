package cn.supervision.meeting.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.cooperation.Department;
import cn.supervision.api.meeting.Decision;
import cn.supervision.api.meeting.DecisionDraft;
import cn.supervision.api.meeting.DecisionTask;
import cn.supervision.api.meeting.MeetingState;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.task.OwnerKind;
import cn.supervision.api.task.TaskDraft;
import cn.supervision.api.task.TaskOrigin;
import cn.supervision.api.task.TaskService;
import cn.supervision.api.task.TrackedTask;
import cn.supervision.meeting.internal.model.DecisionEntity;
import cn.supervision.meeting.internal.model.MeetingEntity;

/**
 * A held meeting's decisions, numbered in order, each broken down into tasks the task service tracks: every owner (a
 * unit of the registry, a department in use, or the office) is checked before the decision and its tasks are created
 * in one transaction.
 */
final class Decisions {
    // the service's logger, so the log configuration that watched decisions before keeps seeing them
    private static final Logger LOG = LoggerFactory.getLogger(JpaMeetingService.class);

    private final JpaTemplate jpa;
    private final RegistryService registry;
    private final MeetingAccess access;
    private final Collaborators services;
    private final Rows rows;
    private final Values values;
    private final StoredJson json;
    private final TaskStates taskStates;
    private final MeetingClock clock;

    Decisions(JpaTemplate jpa, RegistryService registry, MeetingAccess access, Collaborators services, Rows rows, Values values,
              StoredJson json, TaskStates taskStates, MeetingClock clock) {
        this.jpa = jpa;
        this.registry = registry;
        this.access = access;
        this.services = services;
        this.rows = rows;
        this.values = values;
        this.json = json;
        this.taskStates = taskStates;
        this.clock = clock;
    }

    Decision decide(Caller caller, long id, DecisionDraft draft) {
        MeetingEntity current = rows.meeting(id);
        String jurisdiction = current.getJurisdictionCode();
        access.require(caller, Operation.MANAGE_MEETINGS, jurisdiction);
        StateMoves.requireState(current, "记录决定事项", MeetingState.HELD);
        if (draft == null) {
            throw SupervisionException.invalid("text", "缺少决定事项");
        }
        List<FieldError> errors = new ArrayList<>();
        Checks.decision(errors, draft, clock.today());
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("决定事项有 " + errors.size() + " 处错误", errors);
        }
        String text = draft.text().trim();
        List<TaskDraft> drafts = new ArrayList<>();
        List<String> ownerNames = new ArrayList<>();
        Map<String, Unit> units = null;
        for (int i = 0; i < draft.tasks().size(); i++) {
            TaskDraft t = draft.tasks().get(i);
            String code = Checks.blank(t.ownerCode()) ? null : t.ownerCode().trim();
            String name = null;
            if (t.ownerKind() == OwnerKind.UNIT) {
                if (units == null) {
                    units = new HashMap<>();
                    for (Unit u : registry.listUnits(caller, jurisdiction, false)) {
                        units.put(u.code(), u);
                    }
                }
                Unit u = units.get(code);
                name = u == null ? null : u.name();
            } else if (t.ownerKind() == OwnerKind.DEPARTMENT) {
                name = services.departments().find(jurisdiction, code).filter(Department::active).map(Department::name).orElse(null);
            } else {
                name = MinutesModel.OFFICE;
            }
            if (name == null) {
                errors.add(new FieldError("tasks[" + i + "].ownerCode", t.ownerKind().label() + " " + code + " 不是行政区划 "
                        + jurisdiction + " 的在用" + t.ownerKind().label()));
                continue;
            }
            ownerNames.add(name);
            String title = Checks.blank(t.title()) ? Checks.clip(text) : t.title().trim();
            drafts.add(new TaskDraft(title, Checks.blank(t.detail()) ? null : t.detail().trim(), t.ownerKind(), code, t.deadline()));
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("决定事项的任务有 " + errors.size() + " 处错误", errors);
        }
        TaskService tasks = services.tasks();
        long now = clock.millis();
        DecisionEntity saved = jpa.txExpr(TransactionType.Required, em -> {
            MeetingEntity e = Rows.locked(em, id); // the decision's number is the count before it
            StateMoves.requireState(e, "记录决定事项", MeetingState.HELD);
            long before = em.createQuery("select count(d) from DecisionEntity d where d.meetingId = :m", Long.class)
                    .setParameter("m", id).getSingleResult();
            DecisionEntity d = new DecisionEntity();
            d.setMeetingId(id);
            d.setNo((int) before + 1);
            d.setText(text);
            d.setTasksJson("[]");
            d.setCreatedBy(caller.username());
            d.setCreatedAt(now);
            em.persist(d);
            em.flush();
            List<TrackedTask> created = tasks.create(caller, jurisdiction, TaskOrigin.MEETING_DECISION, d.getId(), drafts);
            List<DecisionTask> kept = new ArrayList<>();
            for (int i = 0; i < created.size(); i++) {
                TrackedTask t = created.get(i);
                String ownerName = t.ownerName() != null ? t.ownerName() : i < ownerNames.size() ? ownerNames.get(i) : null;
                kept.add(new DecisionTask(t.id(), t.title(), t.ownerKind(), t.ownerCode(), ownerName, t.deadline(), TaskStates.status(t)));
            }
            d.setTasksJson(json.write(kept.stream().map(k -> new DecisionTask(k.taskId(), k.title(), k.ownerKind(), k.ownerCode(),
                    k.ownerName(), k.deadline(), null)).toList()));
            e.setUpdatedBy(caller.username());
            e.setUpdatedAt(now);
            return d;
        });
        LOG.info("Decision #{} of joint meeting #{} recorded with {} tasks by {}", saved.getId(), id, drafts.size(), caller.username());
        return taskStates.of(caller, jurisdiction, List.of(values.decision(saved))).get(0);
    }
}
