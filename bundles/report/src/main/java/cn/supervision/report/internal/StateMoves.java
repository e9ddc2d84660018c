package cn.supervision.report.internal;

import java.util.function.BiConsumer;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.report.ReportState;
import cn.supervision.api.report.SpecialReport;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.report.internal.model.ReportEventEntity;
import cn.supervision.report.internal.model.SpecialReportEntity;

/**
 * Moves a report along {@link Workflow#MOVES}: the office's authority and the move checked on the report as it is, then
 * again in the transaction that applies the move's effect and keeps the move as an event; and SENT → INSTRUCTED on an
 * instruction.
 */
final class StateMoves {
    private final JpaTemplate jpa;
    private final ReportAccess access;
    private final Rows rows;
    private final Values values;
    private final ReportClock clock;

    StateMoves(JpaTemplate jpa, ReportAccess access, Rows rows, Values values, ReportClock clock) {
        this.jpa = jpa;
        this.access = access;
        this.rows = rows;
        this.values = values;
        this.clock = clock;
    }

    /** Moves the report to {@code to} after {@code effect}, which may refuse; the report as it is then. */
    SpecialReport move(Caller caller, long id, ReportState to, String label, String action, String note,
                       BiConsumer<EntityManager, SpecialReportEntity> effect) {
        SpecialReportEntity current = rows.load(id);
        access.require(caller, Operation.MANAGE_SPECIAL_REPORTS, current.getJurisdictionCode());
        Workflow.require(current, to, label);
        long now = clock.millis();
        jpa.tx(TransactionType.Required, em -> {
            SpecialReportEntity e = Rows.locked(em, id);
            Workflow.require(e, to, label);
            effect.accept(em, e);
            ReportState from = e.getState();
            e.setState(to);
            e.setUpdatedBy(caller.username());
            e.setUpdatedAt(now);
            em.persist(new ReportEventEntity(id, from, to, action, caller.username(), now, note));
        });
        return jpa.txExpr(TransactionType.Supports, em -> values.report(em, Rows.find(em, id)));
    }

    /** SENT → INSTRUCTED on the first instruction; later ones are events within INSTRUCTED. */
    static void advance(EntityManager em, SpecialReportEntity e, Caller caller, long now, String action, String note) {
        ReportState from = e.getState();
        e.setState(ReportState.INSTRUCTED);
        e.setUpdatedBy(caller.username());
        e.setUpdatedAt(now);
        em.persist(new ReportEventEntity(e.getId(), from, ReportState.INSTRUCTED, action, caller.username(), now, note));
    }
}
