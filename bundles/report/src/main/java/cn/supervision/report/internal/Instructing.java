package cn.supervision.report.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.report.Instruction;
import cn.supervision.api.report.InstructionChannel;
import cn.supervision.api.report.InstructionDraft;
import cn.supervision.api.report.ReportState;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.task.TaskDraft;
import cn.supervision.report.internal.model.InstructionEntity;
import cn.supervision.report.internal.model.RecipientEntity;
import cn.supervision.report.internal.model.ReportEventEntity;
import cn.supervision.report.internal.model.ScanEntity;
import cn.supervision.report.internal.model.SpecialReportEntity;

/**
 * The leaders' instructions (批示): given on the platform by a leader the report was sent to (his reading recorded if
 * not yet), or entered by the office from paper with the uploaded scan. Each is checked ({@link InstructionChecks})
 * before anything is written, recorded with its tasks by {@link InstructionRecorder}, moves the report to INSTRUCTED
 * and is told to the office ({@link Messenger}).
 */
final class Instructing {
    // the service's logger, so the log configuration that watched the instructions before keeps seeing them
    private static final Logger LOG = LoggerFactory.getLogger(JpaSpecialReportService.class);

    private final JpaTemplate jpa;
    private final ReportAccess access;
    private final Rows rows;
    private final InstructionRecorder instructions;
    private final Messenger messenger;
    private final ReportClock clock;

    Instructing(JpaTemplate jpa, ReportAccess access, Rows rows, InstructionRecorder instructions, Messenger messenger,
                ReportClock clock) {
        this.jpa = jpa;
        this.access = access;
        this.rows = rows;
        this.instructions = instructions;
        this.messenger = messenger;
        this.clock = clock;
    }

    Instruction instruct(Caller caller, long id, InstructionDraft draft) {
        SpecialReportEntity current = rows.load(id);
        access.require(caller, Operation.INSTRUCT, current.getJurisdictionCode());
        if (jpa.txExpr(TransactionType.Supports, em -> Rows.recipient(em, id, caller.username())) == null) {
            throw SupervisionException.forbidden("监管专报 #" + id + " 未报送给 " + caller.username() + "，不能批示");
        }
        Workflow.require(current, ReportState.INSTRUCTED, "批示");
        if (draft == null) {
            throw SupervisionException.invalid("body", "缺少批示内容");
        }
        LocalDate today = clock.today();
        List<FieldError> errors = new ArrayList<>();
        String text = InstructionChecks.text(draft.text(), errors);
        LocalDate date = draft.date() == null ? today : draft.date();
        InstructionChecks.date(date, today, errors);
        List<TaskDraft> tasks = InstructionChecks.tasks(draft.tasks(), today, "tasks", errors);
        InstructionChecks.raise("批示", errors);
        long now = clock.millis();
        // the tasks are read back once committed (the task service's rows are its own)
        Instruction recorded = instructions.value(jpa.txExpr(TransactionType.Required, em -> {
            SpecialReportEntity e = Rows.locked(em, id);
            Workflow.require(e, ReportState.INSTRUCTED, "批示");
            RecipientEntity r = Rows.recipient(em, id, caller.username());
            if (r.getReadAt() == null) {
                r.setReadAt(now);
                em.persist(new ReportEventEntity(id, e.getState(), e.getState(), "READ", caller.username(), now, null));
            }
            InstructionEntity i = instructions.record(em, e, caller.username(), text, date, InstructionChannel.PLATFORM, null,
                    caller, now, Caller.system(caller.username()), tasks);
            StateMoves.advance(em, e, caller, now, "INSTRUCTED",
                    "批示 #" + i.getId() + (tasks.isEmpty() ? "" : "，交办 " + tasks.size() + " 项"));
            return i;
        }));
        messenger.instructed(current.getJurisdictionCode(), id, recorded.id(), current.getTitle(), caller.username(), text);
        LOG.info("Instruction #{} on special report #{} by {}", recorded.id(), id, caller.username());
        return recorded;
    }

    Instruction recordPaper(Caller caller, long id, InstructionDraft draft) {
        SpecialReportEntity current = rows.load(id);
        access.require(caller, Operation.MANAGE_SPECIAL_REPORTS, current.getJurisdictionCode());
        Workflow.require(current, ReportState.INSTRUCTED, "录入纸质批示");
        if (draft == null) {
            throw SupervisionException.invalid("body", "缺少批示内容");
        }
        LocalDate today = clock.today();
        List<FieldError> errors = new ArrayList<>();
        String leader = draft.leader() == null ? "" : draft.leader().trim();
        String text = InstructionChecks.text(draft.text(), errors);
        InstructionChecks.date(draft.date(), today, errors);
        List<TaskDraft> tasks = InstructionChecks.tasks(draft.tasks(), today, "tasks", errors);
        jpa.tx(TransactionType.Supports, em -> {
            if (leader.isEmpty() || Rows.recipient(em, id, leader) == null) {
                errors.add(new FieldError("leader", "须为本专报报送的领导" + (leader.isEmpty() ? "" : "（“" + leader + "”不是）")));
            }
            ScanEntity s = draft.scanId() == null ? null : em.find(ScanEntity.class, draft.scanId());
            if (s == null || s.getReportId() != id) {
                errors.add(new FieldError("scanId", "须先上传本专报的批示扫描件"));
            } else if (s.getInstructionId() != null) {
                errors.add(new FieldError("scanId", "扫描件 #" + s.getId() + " 已用于批示 #" + s.getInstructionId()));
            }
        });
        InstructionChecks.raise("纸质批示", errors);
        long now = clock.millis();
        Instruction recorded = instructions.value(jpa.txExpr(TransactionType.Required, em -> {
            SpecialReportEntity e = Rows.locked(em, id);
            Workflow.require(e, ReportState.INSTRUCTED, "录入纸质批示");
            ScanEntity s = em.find(ScanEntity.class, draft.scanId());
            if (s.getInstructionId() != null) {
                throw SupervisionException.conflict("扫描件 #" + s.getId() + " 已用于批示 #" + s.getInstructionId());
            }
            InstructionEntity i = instructions.record(em, e, leader, text, draft.date(), InstructionChannel.PAPER, s.getId(),
                    caller, now, caller, tasks);
            s.setInstructionId(i.getId());
            StateMoves.advance(em, e, caller, now, "PAPER_INSTRUCTION", "录入 " + leader + " 的纸质批示 #" + i.getId() + "（扫描件 #" + s.getId()
                    + "）" + (tasks.isEmpty() ? "" : "，交办 " + tasks.size() + " 项"));
            return i;
        }));
        messenger.instructed(current.getJurisdictionCode(), id, recorded.id(), current.getTitle(), leader, text);
        return recorded;
    }
}
