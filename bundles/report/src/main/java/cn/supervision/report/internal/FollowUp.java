package cn.supervision.report.internal;

import java.util.ArrayList;
import java.util.List;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.report.Instruction;
import cn.supervision.api.report.ReportState;
import cn.supervision.api.report.SpecialReport;
import cn.supervision.api.report.TaskSummary;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.task.TaskDraft;
import cn.supervision.report.internal.model.InstructionEntity;
import cn.supervision.report.internal.model.ReportEventEntity;
import cn.supervision.report.internal.model.SpecialReportEntity;

/**
 * What follows the instructions: the office assigns further tasks to an instruction while the report is INSTRUCTED,
 * and closes the report (办结) once its instructions have tasks and all of them are done.
 */
final class FollowUp {
    private final JpaTemplate jpa;
    private final ReportAccess access;
    private final Rows rows;
    private final InstructionRecorder instructions;
    private final StateMoves moves;
    private final ReportClock clock;

    FollowUp(JpaTemplate jpa, ReportAccess access, Rows rows, InstructionRecorder instructions, StateMoves moves,
             ReportClock clock) {
        this.jpa = jpa;
        this.access = access;
        this.rows = rows;
        this.instructions = instructions;
        this.moves = moves;
        this.clock = clock;
    }

    Instruction assignTasks(Caller caller, long instructionId, List<TaskDraft> drafts) {
        InstructionEntity instruction = jpa.txExpr(TransactionType.Supports, em -> Rows.findInstruction(em, instructionId));
        SpecialReportEntity current = rows.load(instruction.getReportId());
        access.require(caller, Operation.MANAGE_SPECIAL_REPORTS, current.getJurisdictionCode());
        Workflow.requireIn(current, java.util.EnumSet.of(ReportState.INSTRUCTED), "交办督办事项");
        List<FieldError> errors = new ArrayList<>();
        List<TaskDraft> tasks = InstructionChecks.tasks(drafts, clock.today(), "tasks", errors);
        if (tasks.isEmpty() && errors.isEmpty()) {
            errors.add(new FieldError("tasks", "至少交办一项"));
        }
        InstructionChecks.raise("督办事项", errors);
        long now = clock.millis();
        jpa.tx(TransactionType.Required, em -> {
            SpecialReportEntity e = Rows.locked(em, current.getId());
            Workflow.requireIn(e, java.util.EnumSet.of(ReportState.INSTRUCTED), "交办督办事项");
            instructions.assign(caller, instruction, tasks);
            em.persist(new ReportEventEntity(e.getId(), e.getState(), e.getState(), "TASKS_ASSIGNED", caller.username(), now,
                    "批示 #" + instructionId + "：交办 " + tasks.size() + " 项"));
        });
        return instructions.value(instruction);
    }

    /** Instructions recorded and tasks assigned to the report so far: what its tasks can have come from. */
    private static long assignments(EntityManager em, long reportId) {
        return em.createQuery("select count(i) from InstructionEntity i where i.reportId = :r", Long.class).setParameter("r", reportId)
                .getSingleResult()
                + em.createQuery("select count(v) from ReportEventEntity v where v.reportId = :r and v.action = 'TASKS_ASSIGNED'", Long.class)
                .setParameter("r", reportId).getSingleResult();
    }

    SpecialReport close(Caller caller, long id, String note) {
        String why = note == null ? null : note.trim();
        if (why != null && why.length() > Workflow.MAX_REASON) {
            throw SupervisionException.invalid("note", "不超过 " + Workflow.MAX_REASON + " 个字符");
        }
        // counted before the transaction: the task service's rows are read through its own service, never joined here;
        // under the report's lock the move checks that no instruction or assignment came in since (they take that lock)
        long assignments = jpa.txExpr(TransactionType.Supports, em -> assignments(em, id));
        TaskSummary tasks = jpa.txExpr(TransactionType.Supports, em -> instructions.summary(em, id));
        return moves.move(caller, id, ReportState.CLOSED, "办结", "CLOSED", why == null || why.isEmpty() ? null : why, (em, e) -> {
            if (assignments(em, id) != assignments) {
                throw SupervisionException.conflict("监管专报 #" + id + " 刚有新的批示或督办事项交办，请刷新后再办结");
            }
            if (tasks.total() == 0) {
                throw SupervisionException.conflict("监管专报 #" + id + " 的批示尚未交办督办事项，不能办结");
            }
            if (!tasks.allDone()) {
                throw SupervisionException.conflict("监管专报 #" + id + " 尚有 " + tasks.open() + " 项督办事项未办结（其中逾期 "
                        + tasks.overdue() + " 项），不能办结");
            }
            e.setClosedBy(caller.username());
            e.setClosedAt(clock.millis());
        });
    }
}
