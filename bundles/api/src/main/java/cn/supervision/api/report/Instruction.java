package cn.supervision.api.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A leader's instruction (批示) on a special report: who, what, dated when; recorded by the leader in the platform or by
 * the office from the paper copy (with its scan). Its tasks are tracked by the task service (origin INSTRUCTION, this
 * id): {@code taskIds} and {@code tasks} are read from it when the instruction is read (empty when the task service is
 * not running). Never changed or deleted once recorded; the office may assign further tasks.
 */
public record Instruction(long id, long reportId, String jurisdictionCode, String leader, String text, LocalDate date,
                          InstructionChannel channel, Long scanId, String recordedBy, Instant recordedAt, List<Long> taskIds,
                          TaskSummary tasks) {
}
