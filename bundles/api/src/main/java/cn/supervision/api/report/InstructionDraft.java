package cn.supervision.api.report;

import java.time.LocalDate;
import java.util.List;

import cn.supervision.api.task.TaskDraft;

/**
 * An instruction to record. In the platform the leader is the caller ({@code leader} is ignored, may be null) and
 * {@code date} defaults to today; from paper the office names the leader (one the report was sent to), the date written
 * on it and the uploaded scan ({@code scanId}). {@code tasks} may be empty: the office assigns them afterwards.
 */
public record InstructionDraft(String leader, String text, LocalDate date, Long scanId, List<TaskDraft> tasks) {
}
