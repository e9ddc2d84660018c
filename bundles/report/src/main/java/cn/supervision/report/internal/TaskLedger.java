package cn.supervision.report.internal;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.report.TaskSummary;
import cn.supervision.api.security.Caller;
import cn.supervision.api.task.TaskDraft;
import cn.supervision.api.task.TaskOrigin;
import cn.supervision.api.task.TaskQuery;
import cn.supervision.api.task.TaskService;
import cn.supervision.api.task.TaskState;
import cn.supervision.api.task.TrackedTask;

/**
 * The tasks of instructions, kept by the task service (origin INSTRUCTION, the instruction's id). The service is
 * optional at runtime: without it, creating tasks is refused (503) and instructions show no tasks.
 */
final class TaskLedger {
    private static final Logger LOG = LoggerFactory.getLogger(TaskLedger.class);
    static final Caller READER = Caller.system("special-reports");
    static final int MAX_TASKS = 500;

    private final List<TaskService> services;

    /** {@code services}: the Blueprint reference-list (0 or 1 service). */
    TaskLedger(List<TaskService> services) {
        this.services = services;
    }

    List<TrackedTask> create(Caller caller, String jurisdictionCode, long instructionId, List<TaskDraft> drafts) {
        if (drafts.isEmpty()) {
            return List.of();
        }
        try {
            return service().create(caller, jurisdictionCode, TaskOrigin.INSTRUCTION, instructionId, drafts);
        } catch (SupervisionException e) {
            if (e.kind() != ProblemKind.INVALID) {
                throw e;
            }
            // the task service names its argument "drafts"; the caller of this bundle sent "tasks"
            List<FieldError> errors = e.errors().stream()
                    .map(f -> new FieldError(f.field().replaceFirst("^drafts", "tasks"), f.message())).toList();
            throw new SupervisionException(ProblemKind.INVALID, e.title(), e.getMessage(), errors);
        }
    }

    /** The instruction's tasks, read as the platform (whoever may read the report sees its tasks' counts). */
    List<TrackedTask> of(String jurisdictionCode, long instructionId) {
        if (services.isEmpty()) {
            return List.of();
        }
        try {
            return services.get(0).list(READER, jurisdictionCode, TaskQuery.of(TaskOrigin.INSTRUCTION, instructionId), 0, MAX_TASKS);
        } catch (RuntimeException e) {
            // a task service going away between the check and the call (reference-list proxies)
            LOG.warn("tasks of instruction {} not read: {}", instructionId, e.toString());
            return List.of();
        }
    }

    static TaskSummary summarise(List<TrackedTask> tasks) {
        int open = 0;
        int overdue = 0;
        int done = 0;
        int cancelled = 0;
        for (TrackedTask t : tasks) {
            if (t.state() == TaskState.OPEN) {
                open++;
                if (t.overdue()) {
                    overdue++;
                }
            } else if (t.state() == TaskState.DONE) {
                done++;
            } else {
                cancelled++;
            }
        }
        return new TaskSummary(tasks.size(), open, overdue, done, cancelled, !tasks.isEmpty() && open == 0);
    }

    static List<Long> ids(List<TrackedTask> tasks) {
        List<Long> out = new ArrayList<>();
        tasks.forEach(t -> out.add(t.id()));
        return out;
    }

    private TaskService service() {
        if (services.isEmpty()) {
            throw new SupervisionException(ProblemKind.UNAVAILABLE, "服务不可用", "督办事项服务未运行，不能交办任务", null);
        }
        return services.get(0);
    }
}
