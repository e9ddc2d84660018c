package cn.supervision.api.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A tracked task (督办事项) of a jurisdiction, from an instruction or a meeting decision, until the office closes it.
 * {@code overdue}: OPEN past its deadline (computed when read, against the platform clock). {@code progress}: the
 * owner's reports, oldest first.
 */
public record TrackedTask(long id, String jurisdictionCode, TaskOrigin origin, long originId, String title, String detail,
                          OwnerKind ownerKind, String ownerCode, String ownerName, LocalDate deadline, TaskState state,
                          boolean overdue, String createdBy, Instant createdAt, String closedBy, Instant closedAt,
                          String closingNote, List<TaskProgress> progress) {
}
