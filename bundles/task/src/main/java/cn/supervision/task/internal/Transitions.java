package cn.supervision.task.internal;

import java.util.EnumSet;
import java.util.Set;

import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.task.TaskState;
import cn.supervision.task.internal.model.TaskEntity;

/** What may be done to a task in which state, and the state it leaves the task in (null: unchanged). */
enum Transitions {
    PROGRESS("报告进展", EnumSet.of(TaskState.OPEN), null),
    REDATED("调整期限", EnumSet.of(TaskState.OPEN), null),
    CLOSED("办结", EnumSet.of(TaskState.OPEN), TaskState.DONE),
    CANCELLED("撤销", EnumSet.of(TaskState.OPEN), TaskState.CANCELLED),
    REOPENED("重新办理", EnumSet.of(TaskState.DONE, TaskState.CANCELLED), TaskState.OPEN);

    private final String label;
    private final Set<TaskState> from;
    private final TaskState to;

    Transitions(String label, Set<TaskState> from, TaskState to) {
        this.label = label;
        this.from = from;
        this.to = to;
    }

    String label() {
        return label;
    }

    /** The state after the action; 409 naming the current state when the action does not apply to it. */
    TaskState apply(TaskEntity task) {
        if (!from.contains(task.getState())) {
            throw SupervisionException.conflict("督办事项 #" + task.getId() + " 当前状态为“" + task.getState().label() + "”（"
                    + task.getState() + "），不能" + label);
        }
        return to == null ? task.getState() : to;
    }
}
