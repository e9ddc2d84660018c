package cn.supervision.meeting.internal;

import java.sql.Connection;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.meeting.Decision;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.tx.TransactionLock;
import cn.supervision.meeting.internal.model.DecisionEntity;
import cn.supervision.meeting.internal.model.MeetingEntity;
import cn.supervision.meeting.internal.model.MemberEntity;

/**
 * Finds the rows a step works on: a meeting or a membership by id (404 naming it when there is none), alone or in the
 * caller's transaction, and the decisions of meetings in the caller's transaction.
 */
final class Rows {
    private final JpaTemplate jpa;
    private final Values values;

    Rows(JpaTemplate jpa, Values values) {
        this.jpa = jpa;
        this.values = values;
    }

    /** The meeting as it is now, read before the access check that needs its jurisdiction. */
    MeetingEntity meeting(long id) {
        return jpa.txExpr(TransactionType.Supports, em -> meeting(em, id));
    }

    /** The membership as it is now, read before the access check that needs its jurisdiction. */
    MemberEntity member(long id) {
        return jpa.txExpr(TransactionType.Supports, em -> member(em, id));
    }

    static MeetingEntity meeting(EntityManager em, long id) {
        MeetingEntity e = em.find(MeetingEntity.class, id);
        if (e == null) {
            throw SupervisionException.notFound("联席会议 " + id + " 不存在");
        }
        return e;
    }

    /**
     * The meeting, read after taking its lock as the transaction's first statement: a meeting changes one transaction
     * at a time, on every node, so a state move or a decision number is decided on what the one before committed.
     */
    static MeetingEntity locked(EntityManager em, long id) {
        TransactionLock.hold(() -> em.unwrap(Connection.class), "meeting:" + id);
        return meeting(em, id);
    }

    /**
     * Takes the lock of one department's membership of a jurisdiction's joint meeting (joining, contacts, leaving), as
     * the transaction's first statement: two joins at once would both find no current membership and both write one.
     */
    static void lockMembership(EntityManager em, String jurisdictionCode, String departmentCode) {
        TransactionLock.hold(() -> em.unwrap(Connection.class), "meeting-member:" + jurisdictionCode + ":" + departmentCode);
    }

    static MemberEntity member(EntityManager em, long id) {
        MemberEntity e = em.find(MemberEntity.class, id);
        if (e == null) {
            throw SupervisionException.notFound("联席会议成员单位记录 " + id + " 不存在");
        }
        return e;
    }

    /** The decisions of the meetings, by meeting, each meeting's in their order. */
    Map<Long, List<Decision>> decisions(EntityManager em, Collection<Long> meetingIds) {
        if (meetingIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select d from DecisionEntity d where d.meetingId in :m order by d.meetingId, d.no", DecisionEntity.class)
                .setParameter("m", meetingIds).getResultList().stream().map(values::decision)
                .collect(Collectors.groupingBy(Decision::meetingId));
    }
}
