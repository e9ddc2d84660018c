package cn.supervision.meeting.internal;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.meeting.AgendaItem;
import cn.supervision.api.meeting.Meeting;
import cn.supervision.api.meeting.MeetingDepartment;
import cn.supervision.api.meeting.MeetingDraft;
import cn.supervision.api.meeting.MeetingState;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.meeting.internal.model.MeetingEntity;
import cn.supervision.meeting.internal.model.MeetingTransitionEntity;
import cn.supervision.meeting.internal.model.MemberEntity;

/**
 * A meeting before it is held: scheduled with its agenda (shape checked, then the links through {@link AgendaLinks})
 * and the current members invited, changed while it is still scheduled, or cancelled with a reason. The invited
 * departments' users are told each time, after it was recorded.
 */
final class Scheduling {
    // the service's logger, so the log configuration that watched scheduling before keeps seeing it
    private static final Logger LOG = LoggerFactory.getLogger(JpaMeetingService.class);

    private final JpaTemplate jpa;
    private final MeetingAccess access;
    private final AgendaLinks links;
    private final Rows rows;
    private final Values values;
    private final StoredJson json;
    private final StateMoves moves;
    private final Messenger messenger;
    private final MeetingClock clock;

    Scheduling(JpaTemplate jpa, MeetingAccess access, AgendaLinks links, Rows rows, Values values, StoredJson json,
               StateMoves moves, Messenger messenger, MeetingClock clock) {
        this.jpa = jpa;
        this.access = access;
        this.links = links;
        this.rows = rows;
        this.values = values;
        this.json = json;
        this.moves = moves;
        this.messenger = messenger;
        this.clock = clock;
    }

    Meeting schedule(Caller caller, String jurisdictionCode, MeetingDraft draft) {
        access.require(caller, Operation.MANAGE_MEETINGS, jurisdictionCode);
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
        Meeting meeting = values.meeting(saved, List.of());
        LOG.info("Joint meeting #{} of {} scheduled for {} by {}", meeting.id(), jurisdictionCode, meeting.startsAt(), caller.username());
        messenger.tell(meeting, "MEETING_SCHEDULED", "联席会议通知：" + meeting.title(), invitation(meeting));
        return meeting;
    }

    Meeting update(Caller caller, long id, MeetingDraft draft) {
        MeetingEntity current = rows.meeting(id);
        access.require(caller, Operation.MANAGE_MEETINGS, current.getJurisdictionCode());
        StateMoves.requireState(current, "修改", MeetingState.SCHEDULED);
        List<AgendaItem> agenda = checked(caller, current.getJurisdictionCode(), draft);
        List<MeetingDepartment> invited = invited(current.getJurisdictionCode());
        long now = clock.millis();
        Meeting meeting = jpa.txExpr(TransactionType.Required, em -> {
            MeetingEntity e = Rows.locked(em, id);
            StateMoves.requireState(e, "修改", MeetingState.SCHEDULED);
            fill(e, draft, agenda, invited, caller, now);
            return values.meeting(e, List.of());
        });
        messenger.tell(meeting, "MEETING_CHANGED", "联席会议变更：" + meeting.title(), invitation(meeting));
        return meeting;
    }

    Meeting cancel(Caller caller, long id, String reason) {
        List<FieldError> errors = new ArrayList<>();
        Checks.text(errors, "reason", reason, "取消原因", Checks.MAX_REASON);
        MeetingEntity current = rows.meeting(id);
        access.require(caller, Operation.MANAGE_MEETINGS, current.getJurisdictionCode());
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid(errors.get(0).message(), errors);
        }
        String why = reason.trim();
        Meeting meeting = moves.move(caller, id, MeetingState.CANCELLED, "取消", why, e -> e.setCancelReason(why));
        messenger.tell(meeting, "MEETING_CANCELLED", "联席会议取消：" + meeting.title(),
                "原定于 " + MinutesModel.of(meeting).get("meetingDate") + " 在" + meeting.location() + "召开的“" + meeting.title()
                        + "”已取消。原因：" + why);
        return meeting;
    }

    /** The agenda of a valid draft; 400 naming every problem of its shape and its links. */
    private List<AgendaItem> checked(Caller caller, String jurisdictionCode, MeetingDraft draft) {
        if (draft == null) {
            throw SupervisionException.invalid("title", "缺少会议信息");
        }
        List<FieldError> errors = new ArrayList<>();
        Checks.meeting(errors, draft, clock.today());
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
        e.setAgendaJson(json.write(agenda));
        e.setDepartmentsJson(json.write(invited));
        e.setUpdatedBy(caller.username());
        e.setUpdatedAt(now);
    }

    private static String invitation(Meeting m) {
        Map<String, Object> model = MinutesModel.of(m);
        return "定于 " + model.get("meetingDate") + " 在" + m.location() + "召开“" + m.title() + "”，主持人：" + m.host() + "。议题："
                + m.agenda().stream().map(a -> a.no() + ". " + a.title()).collect(Collectors.joining("；")) + "。请贵单位派员参加。";
    }
}
