package cn.supervision.api.task;

import org.osgi.annotation.versioning.ProviderType;

import java.time.LocalDate;
import java.util.List;

import cn.supervision.api.security.Caller;

/**
 * Tracked tasks (督办事项): what instructions and joint-meeting decisions ask of units, departments and the office,
 * followed until closed. Authority (one policy, {@code Access}): {@code READ_TASKS} (the owner unit through
 * Target.unitCode, the owner department through Target.departmentCode), {@code REPORT_TASK_PROGRESS} for progress,
 * {@code MANAGE_TASKS} for everything else. Tasks are never deleted: cancelled with a reason at most.
 */
@ProviderType
public interface TaskService {

    /**
     * Creates the tasks of one origin, all or none: each owner must exist in the jurisdiction (a unit of the registry, a
     * cooperating department) and each deadline must not lie in the past. The origin bundle calls it when an
     * instruction or a decision is recorded.
     */
    List<TrackedTask> create(Caller caller, String jurisdictionCode, TaskOrigin origin, long originId, List<TaskDraft> drafts);

    /** Tasks the caller may read, of one jurisdiction (every jurisdiction in scope when null), overdue first then by deadline. */
    List<TrackedTask> list(Caller caller, String jurisdictionCode, TaskQuery query, int offset, int limit);

    TrackedTask get(Caller caller, long id);

    List<TaskEvent> history(Caller caller, long id);

    /** The owner's (or the office's) progress report on an OPEN task. */
    TrackedTask reportProgress(Caller caller, long id, String text, Integer percent);

    /** OPEN to DONE, with the office's closing note. */
    TrackedTask close(Caller caller, long id, String note);

    /** OPEN to CANCELLED, with a reason. */
    TrackedTask cancel(Caller caller, long id, String reason);

    /** DONE or CANCELLED back to OPEN, with a reason. */
    TrackedTask reopen(Caller caller, long id, String reason);

    /** A new deadline for an OPEN task, with a reason (kept in the history). */
    TrackedTask redate(Caller caller, long id, LocalDate deadline, String reason);
}
