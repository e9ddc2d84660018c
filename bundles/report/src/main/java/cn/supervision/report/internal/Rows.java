package cn.supervision.report.internal;

import java.sql.Connection;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.tx.TransactionLock;
import cn.supervision.report.internal.model.InstructionEntity;
import cn.supervision.report.internal.model.RecipientEntity;
import cn.supervision.report.internal.model.SpecialReportEntity;

/**
 * Finds the rows a step works on: a report or an instruction by id (404 naming it when there is none), alone or in the
 * caller's transaction, and a report's recipient row for a user.
 */
final class Rows {
    private final JpaTemplate jpa;

    Rows(JpaTemplate jpa) {
        this.jpa = jpa;
    }

    /** The report as it is now, read before the access check that needs its jurisdiction. */
    SpecialReportEntity load(long id) {
        return jpa.txExpr(TransactionType.Supports, em -> find(em, id));
    }

    static SpecialReportEntity find(EntityManager em, long id) {
        SpecialReportEntity e = em.find(SpecialReportEntity.class, id);
        if (e == null) {
            throw SupervisionException.notFound("监管专报 " + id + " 不存在");
        }
        return e;
    }

    /**
     * The report, read after taking its lock as the transaction's first statement: a report changes one transaction at
     * a time, on every node, so a move or an instruction is decided on what the one before committed.
     */
    static SpecialReportEntity locked(EntityManager em, long id) {
        TransactionLock.hold(() -> em.unwrap(Connection.class), "special-report:" + id);
        return find(em, id);
    }

    /** Issue numbers of a jurisdiction's year are counted one approval at a time, on every node. */
    static void lockIssues(EntityManager em, String jurisdictionCode, int year) {
        TransactionLock.hold(() -> em.unwrap(Connection.class), "special-report-issue:" + jurisdictionCode + ":" + year);
    }

    static InstructionEntity findInstruction(EntityManager em, long id) {
        InstructionEntity i = em.find(InstructionEntity.class, id);
        if (i == null) {
            throw SupervisionException.notFound("批示 " + id + " 不存在");
        }
        return i;
    }

    /** The leader's recipient row, or null when the report was not sent to him. */
    static RecipientEntity recipient(EntityManager em, long reportId, String username) {
        return em.createQuery("select r from RecipientEntity r where r.reportId = :r and r.username = :u", RecipientEntity.class)
                .setParameter("r", reportId).setParameter("u", username).getResultList().stream().findFirst().orElse(null);
    }
}
