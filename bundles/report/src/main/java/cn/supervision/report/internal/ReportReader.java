package cn.supervision.report.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.report.Instruction;
import cn.supervision.api.report.ReportState;
import cn.supervision.api.report.ReportTransition;
import cn.supervision.api.report.SpecialReport;
import cn.supervision.api.security.Access;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.report.internal.model.InstructionEntity;
import cn.supervision.report.internal.model.ReportEventEntity;
import cn.supervision.report.internal.model.SpecialReportEntity;

/**
 * Lists and reads reports, their history and instructions, each as far as {@link ReportAccess} lets the caller: a leader
 * sees only the reports sent to him. Open instructions come most overdue first.
 */
final class ReportReader {
    private final JpaTemplate jpa;
    private final ReportAccess access;
    private final Values values;
    private final InstructionRecorder instructions;

    ReportReader(JpaTemplate jpa, ReportAccess access, Values values, InstructionRecorder instructions) {
        this.jpa = jpa;
        this.access = access;
        this.values = values;
        this.instructions = instructions;
    }

    List<SpecialReport> list(Caller caller, String jurisdictionCode, ReportState state, int offset, int limit) {
        Access policy = access.access();
        if (jurisdictionCode != null) {
            policy.require(caller, Operation.READ_SPECIAL_REPORTS, jurisdictionCode);
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
            return query.getResultList().stream().filter(e -> access.readable(em, caller, e))
                    .skip(Math.max(0, offset)).limit(Math.max(0, limit)).map(e -> values.report(em, e)).toList();
        });
    }

    SpecialReport get(Caller caller, long id) {
        return jpa.txExpr(TransactionType.Supports, em -> values.report(em, access.requireReadable(em, caller, id)));
    }

    List<ReportTransition> history(Caller caller, long id) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            access.requireReadable(em, caller, id);
            return em.createQuery("select t from ReportEventEntity t where t.reportId = :r order by t.id", ReportEventEntity.class)
                    .setParameter("r", id).getResultList().stream()
                    .map(t -> new ReportTransition(t.getFromState(), t.getToState(), t.getAction(), t.getActor(),
                            Instant.ofEpochMilli(t.getAt()), t.getNote()))
                    .toList();
        });
    }

    Instruction instruction(Caller caller, long instructionId) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            InstructionEntity i = Rows.findInstruction(em, instructionId);
            access.requireReadable(em, caller, i.getReportId());
            return instructions.value(i);
        });
    }

    List<Instruction> openInstructions(Caller caller, String jurisdictionCode) {
        Access policy = access.access();
        if (jurisdictionCode != null) {
            policy.require(caller, Operation.READ_SPECIAL_REPORTS, jurisdictionCode);
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
                if (access.readable(em, caller, em.find(SpecialReportEntity.class, i.getReportId()))) {
                    found.add(instructions.value(i));
                }
            }
            return found;
        });
        return out.stream().sorted(Comparator.comparing((Instruction i) -> i.tasks().overdue()).reversed()
                .thenComparing(i -> i.tasks().open(), Comparator.reverseOrder())).toList();
    }
}
