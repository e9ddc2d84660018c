package cn.supervision.meeting.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import cn.supervision.api.cooperation.Department;
import cn.supervision.api.document.DocumentFormat;
import cn.supervision.api.document.DocumentKind;
import cn.supervision.api.document.DocumentRequest;
import cn.supervision.api.document.StoredDocument;
import cn.supervision.api.meeting.AgendaItem;
import cn.supervision.api.meeting.AttendanceDraft;
import cn.supervision.api.meeting.Attendee;
import cn.supervision.api.meeting.AttendeeDraft;
import cn.supervision.api.meeting.Decision;
import cn.supervision.api.meeting.DecisionDraft;
import cn.supervision.api.meeting.DecisionTask;
import cn.supervision.api.meeting.DecisionTaskStatus;
import cn.supervision.api.meeting.Meeting;
import cn.supervision.api.meeting.MeetingDepartment;
import cn.supervision.api.meeting.MeetingDraft;
import cn.supervision.api.meeting.MeetingService;
import cn.supervision.api.meeting.MeetingState;
import cn.supervision.api.meeting.MeetingTransition;
import cn.supervision.api.meeting.Membership;
import cn.supervision.api.meeting.MembershipDraft;
import cn.supervision.api.notification.Message;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.security.Access;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.security.Target;
import cn.supervision.api.security.UserInfo;
import cn.supervision.api.task.OwnerKind;
import cn.supervision.api.task.TaskDraft;
import cn.supervision.api.task.TaskOrigin;
import cn.supervision.api.task.TaskQuery;
import cn.supervision.api.task.TaskService;
import cn.supervision.api.task.TaskState;
import cn.supervision.api.task.TrackedTask;
import cn.supervision.meeting.internal.model.DecisionEntity;
import cn.supervision.meeting.internal.model.MeetingEntity;
import cn.supervision.meeting.internal.model.MeetingTransitionEntity;
import cn.supervision.meeting.internal.model.MemberEntity;

/**
 * Joint meetings on OpenJPA. Authority is the registry's {@link Access} (READ_MEETINGS, MANAGE_MEETINGS); a DEPARTMENT
 * reader sees only the meetings its department was invited to or attended. Every input is checked (shape, then the
 * linked records, owners and departments through their services) before anything is written; the state machine is
 * {@link #MOVES}, every move kept as a transition row.
 */
public class JpaMeetingService implements MeetingService {
    private static final Logger LOG = LoggerFactory.getLogger(JpaMeetingService.class);
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Which states each move starts from. */
    static final Map<MeetingState, Set<MeetingState>> MOVES = Map.of(
            MeetingState.HELD, Set.of(MeetingState.SCHEDULED),
            MeetingState.MINUTES_ISSUED, Set.of(MeetingState.HELD),
            MeetingState.CANCELLED, Set.of(MeetingState.SCHEDULED));
    private static final TypeReference<List<Department.Contact>> CONTACTS = new TypeReference<>() { };
    private static final TypeReference<List<AgendaItem>> AGENDA = new TypeReference<>() { };
    private static final TypeReference<List<MeetingDepartment>> DEPARTMENTS = new TypeReference<>() { };
    private static final TypeReference<List<Attendee>> ATTENDEES = new TypeReference<>() { };
    private static final TypeReference<List<DecisionTask>> TASKS = new TypeReference<>() { };

    private final JpaTemplate jpa;
    private final RegistryService registry;
    private final Collaborators services;
    private final AgendaLinks links;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public JpaMeetingService(JpaTemplate jpa, RegistryService registry, Collaborators services, Clock clock) {
        this.jpa = jpa;
        this.registry = registry;
        this.services = services;
        this.links = new AgendaLinks(services);
        this.clock = clock;
    }

    // ------------------------------------------------------------------ members

    @Override
    public List<Membership> members(Caller caller, String jurisdictionCode, boolean includeFormer) {
        access().require(caller, Operation.READ_MEETINGS, jurisdictionCode);
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select m from MemberEntity m where m.jurisdictionCode = :j"
                        + (includeFormer ? "" : " and m.leftOn is null") + " order by m.departmentCode, m.joinedOn, m.id", MemberEntity.class)
                .setParameter("j", jurisdictionCode).getResultList()).stream().map(this::membership).toList();
    }

    @Override
    public Membership join(Caller caller, String jurisdictionCode, MembershipDraft draft) {
        access().require(caller, Operation.MANAGE_MEETINGS, jurisdictionCode);
        if (draft == null) {
            throw SupervisionException.invalid("departmentCode", "缺少成员单位信息");
        }
        List<FieldError> errors = new ArrayList<>();
        String code = Checks.trim(draft.departmentCode());
        LocalDate today = today();
        LocalDate joined = draft.joinedOn() == null ? today : draft.joinedOn();
        if (joined.isAfter(today)) {
            errors.add(new FieldError("joinedOn", "加入日期 " + joined + " 晚于今天（" + today + "）"));
        }
        Checks.contacts(errors, "contacts", draft.contacts());
        Department department = null;
        if (Checks.blank(code)) {
            errors.add(new FieldError("departmentCode", "必须填写协作部门代码"));
        } else {
            department = services.departments().find(jurisdictionCode, code).filter(Department::active).orElse(null);
            if (department == null) {
                errors.add(new FieldError("departmentCode", "部门 " + code + " 不是行政区划 " + jurisdictionCode + " 在用的协作部门"));
            }
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("成员单位有 " + errors.size() + " 处错误", errors);
        }
        String name = department.name();
        long now = clock.millis();
        MemberEntity saved = jpa.txExpr(TransactionType.Required, em -> {
            long current = em.createQuery("select count(m) from MemberEntity m where m.jurisdictionCode = :j and m.departmentCode = :c"
                            + " and m.leftOn is null", Long.class)
                    .setParameter("j", jurisdictionCode).setParameter("c", code).getSingleResult();
            if (current > 0) {
                throw SupervisionException.conflict(name + "（" + code + "）已是联席会议成员单位");
            }
            MemberEntity e = new MemberEntity();
            e.setJurisdictionCode(jurisdictionCode);
            e.setDepartmentCode(code);
            e.setDepartmentName(name);
            e.setContactsJson(toJson(cleanContacts(draft.contacts())));
            e.setJoinedOn(joined.toString());
            e.setCreatedBy(caller.username());
            e.setCreatedAt(now);
            e.setUpdatedBy(caller.username());
            e.setUpdatedAt(now);
            em.persist(e);
            return e;
        });
        LOG.info("{} joined the joint meeting of {} ({})", code, jurisdictionCode, caller.username());
        return membership(saved);
    }

    @Override
    public Membership updateContacts(Caller caller, long membershipId, List<Department.Contact> contacts) {
        MemberEntity current = jpa.txExpr(TransactionType.Supports, em -> member(em, membershipId));
        access().require(caller, Operation.MANAGE_MEETINGS, current.getJurisdictionCode());
        List<FieldError> errors = new ArrayList<>();
        Checks.contacts(errors, "contacts", contacts);
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("联系人有 " + errors.size() + " 处错误", errors);
        }
        long now = clock.millis();
        return membership(jpa.txExpr(TransactionType.Required, em -> {
            MemberEntity e = member(em, membershipId);
            requireCurrent(e);
            e.setContactsJson(toJson(cleanContacts(contacts)));
            e.setUpdatedBy(caller.username());
            e.setUpdatedAt(now);
            return e;
        }));
    }

    @Override
    public Membership leave(Caller caller, long membershipId, LocalDate leftOn, String reason) {
        MemberEntity current = jpa.txExpr(TransactionType.Supports, em -> member(em, membershipId));
        access().require(caller, Operation.MANAGE_MEETINGS, current.getJurisdictionCode());
        LocalDate today = today();
        LocalDate left = leftOn == null ? today : leftOn;
        List<FieldError> errors = new ArrayList<>();
        if (left.isAfter(today)) {
            errors.add(new FieldError("leftOn", "退出日期 " + left + " 晚于今天（" + today + "）"));
        } else if (left.isBefore(LocalDate.parse(current.getJoinedOn()))) {
            errors.add(new FieldError("leftOn", "退出日期 " + left + " 早于加入日期 " + current.getJoinedOn()));
        }
        Checks.optionalText(errors, "reason", reason, "退出原因", Checks.MAX_REASON);
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("退出有 " + errors.size() + " 处错误", errors);
        }
        long now = clock.millis();
        Membership out = membership(jpa.txExpr(TransactionType.Required, em -> {
            MemberEntity e = member(em, membershipId);
            requireCurrent(e);
            e.setLeftOn(left.toString());
            e.setLeaveReason(Checks.blank(reason) ? null : reason.trim());
            e.setUpdatedBy(caller.username());
            e.setUpdatedAt(now);
            return e;
        }));
        LOG.info("{} left the joint meeting of {} on {} ({})", out.departmentCode(), out.jurisdictionCode(), left, caller.username());
        return out;
    }

    // ------------------------------------------------------------------ meetings: reading

    @Override
    public List<Meeting> list(Caller caller, String jurisdictionCode, MeetingState state) {
        Access access = access();
        if (jurisdictionCode != null) {
            access.require(caller, Operation.READ_MEETINGS, jurisdictionCode);
        }
        return jpa.txExpr(TransactionType.Supports, em -> {
            var query = em.createQuery("select m from MeetingEntity m where 1 = 1"
                    + (jurisdictionCode == null ? "" : " and m.jurisdictionCode = :j")
                    + (state == null ? "" : " and m.state = :s") + " order by m.startsAt desc, m.id desc", MeetingEntity.class);
            if (jurisdictionCode != null) {
                query.setParameter("j", jurisdictionCode);
            }
            if (state != null) {
                query.setParameter("s", state);
            }
            List<MeetingEntity> visible = query.getResultList().stream().filter(e -> visible(access, caller, e)).toList();
            Map<Long, List<Decision>> decisions = decisions(em, visible.stream().map(MeetingEntity::getId).toList());
            return visible.stream().map(e -> toValue(e, decisions.getOrDefault(e.getId(), List.of()))).toList();
        });
    }

    @Override
    public Meeting get(Caller caller, long id) {
        Access access = access();
        return jpa.txExpr(TransactionType.Supports, em -> {
            MeetingEntity e = meeting(em, id);
            access.require(caller, Operation.READ_MEETINGS, e.getJurisdictionCode());
            if (!visible(access, caller, e)) {
                throw Access.denied(Operation.READ_MEETINGS, Target.department(e.getJurisdictionCode(), caller.departmentCode()));
            }
            List<Decision> decisions = decisions(em, List.of(id)).getOrDefault(id, List.of());
            return toValue(e, withTaskStates(caller, e.getJurisdictionCode(), decisions));
        });
    }

    @Override
    public List<MeetingTransition> history(Caller caller, long id) {
        get(caller, id);
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "select t from MeetingTransitionEntity t where t.meetingId = :m order by t.id", MeetingTransitionEntity.class)
                .setParameter("m", id).getResultList().stream()
                .map(t -> new MeetingTransition(t.getFromState(), t.getToState(), t.getActor(), Instant.ofEpochMilli(t.getAt()),
                        t.getReason()))
                .toList());
    }

    // ------------------------------------------------------------------ meetings: scheduling

    @Override
    public Meeting schedule(Caller caller, String jurisdictionCode, MeetingDraft draft) {
        access().require(caller, Operation.MANAGE_MEETINGS, jurisdictionCode);
        List<AgendaItem> agenda = checked(caller, jurisdictionCode, draft);
        List<MeetingDepartment> invited = invited(jurisdictionCode);
        long now = clock.millis();
        MeetingEntity saved = jpa.txExpr(TransactionType.Required, em -> {
            MeetingEntity e = new MeetingEntity();
            e.setJurisdictionCode(jurisdictionCode);
            e.setState(MeetingState.SCHEDULED);
            e.setAttendeesJson("[]");
            e.setCreatedBy(caller.username());
            e.setCreatedAt(now);
            fill(e, draft, agenda, invited, caller, now);
            em.persist(e);
            em.flush();
            em.persist(new MeetingTransitionEntity(e.getId(), null, MeetingState.SCHEDULED, caller.username(), now, null));
            return e;
        });
        Meeting meeting = toValue(saved, List.of());
        LOG.info("Joint meeting #{} of {} scheduled for {} by {}", meeting.id(), jurisdictionCode, meeting.startsAt(), caller.username());
        tell(meeting, "MEETING_SCHEDULED", "联席会议通知：" + meeting.title(), invitation(meeting));
        return meeting;
    }

    @Override
    public Meeting update(Caller caller, long id, MeetingDraft draft) {
        MeetingEntity current = jpa.txExpr(TransactionType.Supports, em -> meeting(em, id));
        access().require(caller, Operation.MANAGE_MEETINGS, current.getJurisdictionCode());
        requireState(current, "修改", MeetingState.SCHEDULED);
        List<AgendaItem> agenda = checked(caller, current.getJurisdictionCode(), draft);
        List<MeetingDepartment> invited = invited(current.getJurisdictionCode());
        long now = clock.millis();
        Meeting meeting = jpa.txExpr(TransactionType.Required, em -> {
            MeetingEntity e = meeting(em, id);
            requireState(e, "修改", MeetingState.SCHEDULED);
            fill(e, draft, agenda, invited, caller, now);
            return toValue(e, List.of());
        });
        tell(meeting, "MEETING_CHANGED", "联席会议变更：" + meeting.title(), invitation(meeting));
        return meeting;
    }

    @Override
    public Meeting cancel(Caller caller, long id, String reason) {
        List<FieldError> errors = new ArrayList<>();
        Checks.text(errors, "reason", reason, "取消原因", Checks.MAX_REASON);
        MeetingEntity current = jpa.txExpr(TransactionType.Supports, em -> meeting(em, id));
        access().require(caller, Operation.MANAGE_MEETINGS, current.getJurisdictionCode());
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid(errors.get(0).message(), errors);
        }
        String why = reason.trim();
        Meeting meeting = move(caller, id, MeetingState.CANCELLED, "取消", why, e -> e.setCancelReason(why));
        tell(meeting, "MEETING_CANCELLED", "联席会议取消：" + meeting.title(),
                "原定于 " + MinutesModel.of(meeting).get("meetingDate") + " 在" + meeting.location() + "召开的“" + meeting.title()
                        + "”已取消。原因：" + why);
        return meeting;
    }

    // ------------------------------------------------------------------ meetings: held

    @Override
    public Meeting recordAttendance(Caller caller, long id, AttendanceDraft attendance) {
        MeetingEntity current = jpa.txExpr(TransactionType.Supports, em -> meeting(em, id));
        access().require(caller, Operation.MANAGE_MEETINGS, current.getJurisdictionCode());
        requireState(current, "记录出席情况", MeetingState.SCHEDULED, MeetingState.HELD);
        LocalDateTime startsAt = LocalDateTime.parse(current.getStartsAt());
        if (current.getState() == MeetingState.SCHEDULED && now().isBefore(startsAt)) {
            throw SupervisionException.conflict("会议定于 " + startsAt + " 召开，尚未开始，不能记录出席情况");
        }
        if (attendance == null) {
            throw SupervisionException.invalid("attendees", "缺少出席情况");
        }
        List<MeetingDepartment> invited = fromJson(current.getDepartmentsJson(), DEPARTMENTS);
        Map<String, String> names = invited.stream().collect(Collectors.toMap(MeetingDepartment::code, MeetingDepartment::name));
        List<FieldError> errors = new ArrayList<>();
        Checks.attendance(errors, attendance, names.keySet());
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("出席情况有 " + errors.size() + " 处错误", errors);
        }
        Set<String> present = attendance.presentDepartments() == null ? Set.of()
                : attendance.presentDepartments().stream().map(String::trim).collect(Collectors.toSet());
        List<MeetingDepartment> departments = invited.stream()
                .map(d -> new MeetingDepartment(d.code(), d.name(), present.contains(d.code()))).toList();
        List<Attendee> attendees = new ArrayList<>();
        for (AttendeeDraft a : attendance.attendees()) {
            String code = Checks.blank(a.departmentCode()) ? null : a.departmentCode().trim();
            attendees.add(new Attendee(a.name().trim(), code, code == null ? null : names.get(code)));
        }
        Consumer<MeetingEntity> write = e -> {
            e.setDepartmentsJson(toJson(departments));
            e.setAttendeesJson(toJson(attendees));
        };
        if (current.getState() == MeetingState.SCHEDULED) {
            return move(caller, id, MeetingState.HELD, "记录出席情况", null, write);
        }
        return change(caller, id, "更正出席情况", write, MeetingState.HELD);
    }

    @Override
    public Meeting recordMinutes(Caller caller, long id, String text) {
        MeetingEntity current = jpa.txExpr(TransactionType.Supports, em -> meeting(em, id));
        access().require(caller, Operation.MANAGE_MEETINGS, current.getJurisdictionCode());
        requireState(current, "填写会议纪要", MeetingState.HELD);
        List<FieldError> errors = new ArrayList<>();
        Checks.text(errors, "text", text, "会议纪要", Checks.MAX_MINUTES);
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid(errors.get(0).message(), errors);
        }
        return change(caller, id, "填写会议纪要", e -> e.setMinutes(text.trim()), MeetingState.HELD);
    }

    @Override
    public Meeting issueMinutes(Caller caller, long id) {
        MeetingEntity current = jpa.txExpr(TransactionType.Supports, em -> meeting(em, id));
        access().require(caller, Operation.MANAGE_MEETINGS, current.getJurisdictionCode());
        return move(caller, id, MeetingState.MINUTES_ISSUED, "印发会议纪要", null, e -> {
            if (e.getMinutes() == null) {
                throw SupervisionException.conflict("会议 #" + id + " 尚未填写会议纪要，不能印发");
            }
        });
    }

    @Override
    public Decision decide(Caller caller, long id, DecisionDraft draft) {
        MeetingEntity current = jpa.txExpr(TransactionType.Supports, em -> meeting(em, id));
        String jurisdiction = current.getJurisdictionCode();
        access().require(caller, Operation.MANAGE_MEETINGS, jurisdiction);
        requireState(current, "记录决定事项", MeetingState.HELD);
        if (draft == null) {
            throw SupervisionException.invalid("text", "缺少决定事项");
        }
        List<FieldError> errors = new ArrayList<>();
        Checks.decision(errors, draft, today());
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
            String title = Checks.blank(t.title()) ? clip(text) : t.title().trim();
            drafts.add(new TaskDraft(title, Checks.blank(t.detail()) ? null : t.detail().trim(), t.ownerKind(), code, t.deadline()));
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("决定事项的任务有 " + errors.size() + " 处错误", errors);
        }
        TaskService tasks = services.tasks();
        long now = clock.millis();
        DecisionEntity saved = jpa.txExpr(TransactionType.Required, em -> {
            MeetingEntity e = meeting(em, id);
            requireState(e, "记录决定事项", MeetingState.HELD);
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
                kept.add(new DecisionTask(t.id(), t.title(), t.ownerKind(), t.ownerCode(), ownerName, t.deadline(), status(t)));
            }
            d.setTasksJson(toJson(kept.stream().map(k -> new DecisionTask(k.taskId(), k.title(), k.ownerKind(), k.ownerCode(),
                    k.ownerName(), k.deadline(), null)).toList()));
            e.setUpdatedBy(caller.username());
            e.setUpdatedAt(now);
            return d;
        });
        LOG.info("Decision #{} of joint meeting #{} recorded with {} tasks by {}", saved.getId(), id, drafts.size(), caller.username());
        return withTaskStates(caller, jurisdiction, List.of(decision(saved))).get(0);
    }

    @Override
    public StoredDocument generateMinutes(Caller caller, long id, DocumentFormat format) {
        Meeting meeting = get(caller, id);
        access().require(caller, Operation.MANAGE_MEETINGS, meeting.jurisdictionCode());
        if (format == null) {
            throw SupervisionException.invalid("format", "必须指定格式（PDF 或 DOCX）");
        }
        if (meeting.state() != MeetingState.HELD && meeting.state() != MeetingState.MINUTES_ISSUED) {
            throw stateConflict(id, meeting.state(), "生成会议纪要");
        }
        if (meeting.minutes() == null) {
            throw SupervisionException.conflict("会议 #" + id + " 尚未填写会议纪要，不能生成纪要文书");
        }
        if (meeting.decisions().isEmpty()) {
            throw SupervisionException.conflict("会议 #" + id + " 尚无决定事项，纪要文书须列明议定事项");
        }
        String title = meeting.title().endsWith("纪要") ? meeting.title() : meeting.title() + "纪要";
        DocumentRequest request = new DocumentRequest(DocumentKind.MEETING_MINUTES, meeting.jurisdictionCode(), "meeting:" + id,
                null, null, title, MinutesModel.of(meeting), format);
        StoredDocument document = services.documents().generate(caller, request);
        LOG.info("Minutes of joint meeting #{} generated as document #{} ({}) by {}", id, document.id(), format, caller.username());
        return document;
    }

    // ------------------------------------------------------------------ helpers

    private Access access() {
        return registry.access();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZONE);
    }

    /** A DEPARTMENT user reads only the meetings its department was invited to or attended; others as Access says. */
    private boolean visible(Access access, Caller caller, MeetingEntity e) {
        if (!access.may(caller, Operation.READ_MEETINGS, Target.of(e.getJurisdictionCode()))) {
            return false;
        }
        if (caller.isSystem() || caller.departmentCode() == null) {
            return true;
        }
        String code = caller.departmentCode();
        return fromJson(e.getDepartmentsJson(), DEPARTMENTS).stream().anyMatch(d -> d.code().equals(code))
                || fromJson(e.getAttendeesJson(), ATTENDEES).stream().anyMatch(a -> code.equals(a.departmentCode()));
    }

    /** The agenda of a valid draft; 400 naming every problem of its shape and its links. */
    private List<AgendaItem> checked(Caller caller, String jurisdictionCode, MeetingDraft draft) {
        if (draft == null) {
            throw SupervisionException.invalid("title", "缺少会议信息");
        }
        List<FieldError> errors = new ArrayList<>();
        Checks.meeting(errors, draft, today());
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("会议安排有 " + errors.size() + " 处错误", errors);
        }
        List<AgendaItem> agenda = links.resolve(caller, jurisdictionCode, draft.agenda(), errors);
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("议题的关联有 " + errors.size() + " 处错误", errors);
        }
        return agenda;
    }

    /** The current members, invited to a meeting being scheduled; 409 when there are none. */
    private List<MeetingDepartment> invited(String jurisdictionCode) {
        List<MeetingDepartment> invited = jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "select m from MemberEntity m where m.jurisdictionCode = :j and m.leftOn is null order by m.departmentCode",
                        MemberEntity.class).setParameter("j", jurisdictionCode).getResultList()).stream()
                .map(m -> new MeetingDepartment(m.getDepartmentCode(), m.getDepartmentName(), null)).toList();
        if (invited.isEmpty()) {
            throw SupervisionException.conflict("行政区划 " + jurisdictionCode + " 尚无联席会议成员单位，请先添加成员单位");
        }
        return invited;
    }

    private void fill(MeetingEntity e, MeetingDraft d, List<AgendaItem> agenda, List<MeetingDepartment> invited, Caller caller,
                      long now) {
        e.setTitle(d.title().trim());
        e.setStartsAt(d.startsAt().truncatedTo(ChronoUnit.MINUTES).toString());
        e.setLocation(d.location().trim());
        e.setHost(d.host().trim());
        e.setAgendaJson(toJson(agenda));
        e.setDepartmentsJson(toJson(invited));
        e.setUpdatedBy(caller.username());
        e.setUpdatedAt(now);
    }

    private Meeting move(Caller caller, long id, MeetingState to, String action, String reason, Consumer<MeetingEntity> effect) {
        long now = clock.millis();
        Meeting meeting = jpa.txExpr(TransactionType.Required, em -> {
            MeetingEntity e = meeting(em, id);
            if (!MOVES.get(to).contains(e.getState())) {
                throw stateConflict(id, e.getState(), action);
            }
            effect.accept(e);
            MeetingState from = e.getState();
            e.setState(to);
            e.setUpdatedBy(caller.username());
            e.setUpdatedAt(now);
            em.persist(new MeetingTransitionEntity(id, from, to, caller.username(), now, reason));
            return toValue(e, decisions(em, List.of(id)).getOrDefault(id, List.of()));
        });
        LOG.info("Joint meeting #{} moved to {} by {}", id, to, caller.username());
        return meeting;
    }

    /** A change that keeps the state (attendance corrected, minutes written). */
    private Meeting change(Caller caller, long id, String action, Consumer<MeetingEntity> effect, MeetingState... states) {
        long now = clock.millis();
        return jpa.txExpr(TransactionType.Required, em -> {
            MeetingEntity e = meeting(em, id);
            requireState(e, action, states);
            effect.accept(e);
            e.setUpdatedBy(caller.username());
            e.setUpdatedAt(now);
            return toValue(e, decisions(em, List.of(id)).getOrDefault(id, List.of()));
        });
    }

    private static void requireState(MeetingEntity e, String action, MeetingState... states) {
        for (MeetingState s : states) {
            if (e.getState() == s) {
                return;
            }
        }
        throw stateConflict(e.getId(), e.getState(), action);
    }

    private static SupervisionException stateConflict(long id, MeetingState state, String action) {
        String hint = state == MeetingState.SCHEDULED ? "会议尚未召开，" : "";
        return SupervisionException.conflict(hint + "会议 #" + id + " 当前状态为“" + state.label() + "”（" + state + "），不能" + action);
    }

    private static void requireCurrent(MemberEntity e) {
        if (e.getLeftOn() != null) {
            throw SupervisionException.conflict(e.getDepartmentName() + "已于 " + e.getLeftOn() + " 退出联席会议");
        }
    }

    private static MeetingEntity meeting(EntityManager em, long id) {
        MeetingEntity e = em.find(MeetingEntity.class, id);
        if (e == null) {
            throw SupervisionException.notFound("联席会议 " + id + " 不存在");
        }
        return e;
    }

    private static MemberEntity member(EntityManager em, long id) {
        MemberEntity e = em.find(MemberEntity.class, id);
        if (e == null) {
            throw SupervisionException.notFound("联席会议成员单位记录 " + id + " 不存在");
        }
        return e;
    }

    private Map<Long, List<Decision>> decisions(EntityManager em, Collection<Long> meetingIds) {
        if (meetingIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select d from DecisionEntity d where d.meetingId in :m order by d.meetingId, d.no", DecisionEntity.class)
                .setParameter("m", meetingIds).getResultList().stream().map(this::decision)
                .collect(Collectors.groupingBy(Decision::meetingId));
    }

    /** The decisions with each task's state as the task service shows it to the caller (null where it shows nothing). */
    private List<Decision> withTaskStates(Caller caller, String jurisdictionCode, List<Decision> decisions) {
        TaskService tasks = services.tasksIfRunning();
        if (tasks == null || decisions.isEmpty()) {
            return decisions;
        }
        List<Decision> out = new ArrayList<>();
        for (Decision d : decisions) {
            Map<Long, TrackedTask> byId = new HashMap<>();
            try {
                tasks.list(caller, jurisdictionCode, TaskQuery.of(TaskOrigin.MEETING_DECISION, d.id()), 0, Checks.MAX_TASKS * 5)
                        .forEach(t -> byId.put(t.id(), t));
            } catch (SupervisionException refused) {
                // a reader the task service refuses sees the decision without task states
            } catch (RuntimeException unreadable) {
                // read after the decision committed (a lost lock, the task service leaving): the answer must not say the
                // decision failed, or the office records it twice
                LOG.warn("task states of decision {} not read: {}", d.id(), unreadable.toString());
            }
            out.add(new Decision(d.id(), d.meetingId(), d.no(), d.text(), d.tasks().stream().map(t -> {
                TrackedTask live = byId.get(t.taskId());
                return new DecisionTask(t.taskId(), t.title(), t.ownerKind(), t.ownerCode(), t.ownerName(), t.deadline(),
                        live == null ? null : status(live));
            }).toList(), d.createdBy(), d.createdAt()));
        }
        return out;
    }

    static DecisionTaskStatus status(TrackedTask t) {
        if (t.state() == TaskState.DONE) {
            return DecisionTaskStatus.DONE;
        }
        if (t.state() == TaskState.CANCELLED) {
            return DecisionTaskStatus.CANCELLED;
        }
        return t.overdue() ? DecisionTaskStatus.OVERDUE : DecisionTaskStatus.OPEN;
    }

    /** Tells the users of the invited departments; a failure to notify never undoes the meeting. */
    private void tell(Meeting meeting, String category, String subject, String body) {
        Set<String> usernames = new LinkedHashSet<>();
        try {
            for (UserInfo u : services.users.users()) {
                if (meeting.departments().stream().anyMatch(d -> u.memberOf(meeting.jurisdictionCode(), d.code()))) {
                    usernames.add(u.username());
                }
            }
            if (!usernames.isEmpty()) {
                services.notifications.toUsers(usernames, new Message(category, subject, body, "/v1/meetings/" + meeting.id()));
            }
        } catch (RuntimeException e) {
            LOG.warn("Joint meeting #{}: the member departments' users were not notified ({})", meeting.id(), e.toString());
        }
    }

    private static String invitation(Meeting m) {
        Map<String, Object> model = MinutesModel.of(m);
        return "定于 " + model.get("meetingDate") + " 在" + m.location() + "召开“" + m.title() + "”，主持人：" + m.host() + "。议题："
                + m.agenda().stream().map(a -> a.no() + ". " + a.title()).collect(Collectors.joining("；")) + "。请贵单位派员参加。";
    }

    private static String clip(String s) {
        return s.length() <= Checks.MAX_TITLE ? s : s.substring(0, Checks.MAX_TITLE - 1) + "…";
    }

    private static List<Department.Contact> cleanContacts(List<Department.Contact> contacts) {
        return contacts.stream().map(c -> new Department.Contact(c.name().trim(), Checks.blank(c.title()) ? null : c.title().trim(),
                c.phone().trim())).toList();
    }

    private Membership membership(MemberEntity e) {
        return new Membership(e.getId(), e.getJurisdictionCode(), e.getDepartmentCode(), e.getDepartmentName(),
                fromJson(e.getContactsJson(), CONTACTS), LocalDate.parse(e.getJoinedOn()),
                e.getLeftOn() == null ? null : LocalDate.parse(e.getLeftOn()), e.getLeaveReason(), e.getCreatedBy(),
                Instant.ofEpochMilli(e.getCreatedAt()), e.getUpdatedBy(), Instant.ofEpochMilli(e.getUpdatedAt()));
    }

    private Meeting toValue(MeetingEntity e, List<Decision> decisions) {
        return new Meeting(e.getId(), e.getJurisdictionCode(), e.getTitle(), LocalDateTime.parse(e.getStartsAt()), e.getLocation(),
                e.getHost(), fromJson(e.getAgendaJson(), AGENDA), fromJson(e.getDepartmentsJson(), DEPARTMENTS),
                fromJson(e.getAttendeesJson(), ATTENDEES), e.getMinutes(), decisions, e.getState(), e.getCancelReason(),
                e.getCreatedBy(), Instant.ofEpochMilli(e.getCreatedAt()), e.getUpdatedBy(), Instant.ofEpochMilli(e.getUpdatedAt()));
    }

    private Decision decision(DecisionEntity d) {
        return new Decision(d.getId(), d.getMeetingId(), d.getNo(), d.getText(), fromJson(d.getTasksJson(), TASKS), d.getCreatedBy(),
                Instant.ofEpochMilli(d.getCreatedAt()));
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    private <T> T fromJson(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored meeting is not readable", e);
        }
    }
}
