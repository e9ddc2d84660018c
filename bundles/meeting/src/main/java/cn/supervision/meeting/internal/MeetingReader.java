package cn.supervision.meeting.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.meeting.Decision;
import cn.supervision.api.meeting.Meeting;
import cn.supervision.api.meeting.MeetingState;
import cn.supervision.api.meeting.MeetingTransition;
import cn.supervision.api.security.Access;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.security.Target;
import cn.supervision.meeting.internal.model.MeetingEntity;
import cn.supervision.meeting.internal.model.MeetingTransitionEntity;

/**
 * Meetings as a reader sees them: listings filtered by {@link MeetingAccess#visible}, one meeting with its decisions'
 * task states, and its moves in order.
 */
final class MeetingReader {
    private final JpaTemplate jpa;
    private final MeetingAccess access;
    private final Rows rows;
    private final Values values;
    private final TaskStates taskStates;

    MeetingReader(JpaTemplate jpa, MeetingAccess access, Rows rows, Values values, TaskStates taskStates) {
        this.jpa = jpa;
        this.access = access;
        this.rows = rows;
        this.values = values;
        this.taskStates = taskStates;
    }

    List<Meeting> list(Caller caller, String jurisdictionCode, MeetingState state) {
        Access policy = access.access();
        if (jurisdictionCode != null) {
            policy.require(caller, Operation.READ_MEETINGS, jurisdictionCode);
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
            List<MeetingEntity> visible = query.getResultList().stream().filter(e -> access.visible(policy, caller, e)).toList();
            Map<Long, List<Decision>> decisions = rows.decisions(em, visible.stream().map(MeetingEntity::getId).toList());
            return visible.stream().map(e -> values.meeting(e, decisions.getOrDefault(e.getId(), List.of()))).toList();
        });
    }

    Meeting get(Caller caller, long id) {
        Access policy = access.access();
        return jpa.txExpr(TransactionType.Supports, em -> {
            MeetingEntity e = Rows.meeting(em, id);
            policy.require(caller, Operation.READ_MEETINGS, e.getJurisdictionCode());
            if (!access.visible(policy, caller, e)) {
                throw Access.denied(Operation.READ_MEETINGS, Target.department(e.getJurisdictionCode(), caller.departmentCode()));
            }
            List<Decision> decisions = rows.decisions(em, List.of(id)).getOrDefault(id, List.of());
            return values.meeting(e, taskStates.of(caller, e.getJurisdictionCode(), decisions));
        });
    }

    List<MeetingTransition> history(Caller caller, long id) {
        get(caller, id);
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "select t from MeetingTransitionEntity t where t.meetingId = :m order by t.id", MeetingTransitionEntity.class)
                .setParameter("m", id).getResultList().stream()
                .map(t -> new MeetingTransition(t.getFromState(), t.getToState(), t.getActor(), Instant.ofEpochMilli(t.getAt()),
                        t.getReason()))
                .toList());
    }
}
