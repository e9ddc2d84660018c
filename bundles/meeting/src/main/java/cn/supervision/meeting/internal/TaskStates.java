package cn.supervision.meeting.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.meeting.Decision;
import cn.supervision.api.meeting.DecisionTask;
import cn.supervision.api.meeting.DecisionTaskStatus;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;
import cn.supervision.api.task.TaskOrigin;
import cn.supervision.api.task.TaskQuery;
import cn.supervision.api.task.TaskService;
import cn.supervision.api.task.TaskState;
import cn.supervision.api.task.TrackedTask;

/**
 * The live state of a decision's tasks, as the task service shows them to the caller. The decision's row keeps the tasks
 * without states; a reader the task service refuses, or one asking while it is not running, sees none.
 */
final class TaskStates {
    // the service's logger, so the log configuration that watched unread task states before keeps seeing them
    private static final Logger LOG = LoggerFactory.getLogger(JpaMeetingService.class);

    private final Collaborators services;

    TaskStates(Collaborators services) {
        this.services = services;
    }

    /** The decisions with each task's state as the task service shows it to the caller (null where it shows nothing). */
    List<Decision> of(Caller caller, String jurisdictionCode, List<Decision> decisions) {
        TaskService tasks = services.tasksIfRunning();
        if (tasks == null || decisions.isEmpty()) {
            return decisions;
        }
        List<Decision> out = new ArrayList<>();
        for (Decision d : decisions) {
            Map<Long, TrackedTask> byId = new HashMap<>();
            try {
                tasks.list(caller, jurisdictionCode, TaskQuery.of(TaskOrigin.MEETING_DECISION, d.id()), 0, Checks.MAX_TASKS * 5)
                        .forEach(t -> byId.put(t.id(), t));
            } catch (SupervisionException refused) {
                // a reader the task service refuses sees the decision without task states
            } catch (RuntimeException unreadable) {
                // read after the decision committed (a lost lock, the task service leaving): the answer must not say the
                // decision failed, or the office records it twice
                LOG.warn("task states of decision {} not read: {}", d.id(), unreadable.toString());
            }
            out.add(new Decision(d.id(), d.meetingId(), d.no(), d.text(), d.tasks().stream().map(t -> {
                TrackedTask live = byId.get(t.taskId());
                return new DecisionTask(t.taskId(), t.title(), t.ownerKind(), t.ownerCode(), t.ownerName(), t.deadline(),
                        live == null ? null : status(live));
            }).toList(), d.createdBy(), d.createdAt()));
        }
        return out;
    }

    static DecisionTaskStatus status(TrackedTask t) {
        if (t.state() == TaskState.DONE) {
            return DecisionTaskStatus.DONE;
        }
        if (t.state() == TaskState.CANCELLED) {
            return DecisionTaskStatus.CANCELLED;
        }
        return t.overdue() ? DecisionTaskStatus.OVERDUE : DecisionTaskStatus.OPEN;
    }
}
