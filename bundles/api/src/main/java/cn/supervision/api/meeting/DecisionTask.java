package cn.supervision.api.meeting;

import java.time.LocalDate;

import cn.supervision.api.task.OwnerKind;

/**
 * One task of a decision: as assigned (owner, deadline) and, from the task service, its current {@code status} —
 * null when the reader may not see that task (a department sees only its own) or the task service is not running.
 */
public record DecisionTask(long taskId, String title, OwnerKind ownerKind, String ownerCode, String ownerName,
                           LocalDate deadline, DecisionTaskStatus status) {
}
