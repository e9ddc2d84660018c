package cn.supervision.report.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import javax.persistence.EntityManager;

import cn.supervision.api.report.Instruction;
import cn.supervision.api.report.InstructionChannel;
import cn.supervision.api.report.TaskSummary;
import cn.supervision.api.security.Caller;
import cn.supervision.api.task.TaskDraft;
import cn.supervision.api.task.TrackedTask;
import cn.supervision.report.internal.model.InstructionEntity;
import cn.supervision.report.internal.model.SpecialReportEntity;

/**
 * Writes an instruction and hands its tasks to the task service in the same transaction (under the platform's JTA the
 * task service's writes join it: an owner it refuses leaves no instruction behind), and reads instructions back with
 * their tasks' counts (one, or all those of a report).
 */
final class InstructionRecorder {
    private final TaskLedger tasks;

    InstructionRecorder(TaskLedger tasks) {
        this.tasks = tasks;
    }

    /**
     * {@code taskCaller}: who assigns the tasks. The office assigns as itself; a leader's tasks are assigned by the
     * platform in his name (a leader may instruct but holds no MANAGE_TASKS: the report service has checked that he is
     * a named leader of the jurisdiction).
     */
    InstructionEntity record(EntityManager em, SpecialReportEntity report, String leader, String text, LocalDate date,
                             InstructionChannel channel, Long scanId, Caller recordedBy, long now, Caller taskCaller,
                             List<TaskDraft> drafts) {
        InstructionEntity i = new InstructionEntity(report.getId(), report.getJurisdictionCode(), leader, text, date.toString(),
                channel, scanId, recordedBy.username(), now);
        em.persist(i);
        em.flush();
        tasks.create(taskCaller, report.getJurisdictionCode(), i.getId(), drafts);
        return i;
    }

    List<TrackedTask> assign(Caller caller, InstructionEntity i, List<TaskDraft> drafts) {
        return tasks.create(caller, i.getJurisdictionCode(), i.getId(), drafts);
    }

    Instruction value(InstructionEntity i) {
        List<TrackedTask> list = tasks.of(i.getJurisdictionCode(), i.getId());
        return new Instruction(i.getId(), i.getReportId(), i.getJurisdictionCode(), i.getLeader(), i.getText(),
                LocalDate.parse(i.getInstructedOn()), i.getChannel(), i.getScanId(), i.getRecordedBy(),
                Instant.ofEpochMilli(i.getRecordedAt()), TaskLedger.ids(list), TaskLedger.summarise(list));
    }

    /** The report's instructions, in the order recorded, each with its tasks' counts. */
    List<Instruction> of(EntityManager em, long reportId) {
        return em.createQuery("select i from InstructionEntity i where i.reportId = :r order by i.id", InstructionEntity.class)
                .setParameter("r", reportId).getResultList().stream().map(this::value).toList();
    }

    /** The counts of all the tasks of the report's instructions. */
    TaskSummary summary(EntityManager em, long reportId) {
        return of(em, reportId).stream().map(Instruction::tasks).reduce(TaskSummary.NONE, TaskSummary::plus);
    }
}
