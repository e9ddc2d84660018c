package cn.supervision.meeting.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.supervision.api.meeting.Decision;
import cn.supervision.api.meeting.DecisionTask;
import cn.supervision.api.meeting.DecisionTaskStatus;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Role;
import cn.supervision.api.task.OwnerKind;
import cn.supervision.api.task.TaskOrigin;
import cn.supervision.api.task.TaskQuery;
import cn.supervision.api.task.TaskService;
import cn.supervision.api.task.TaskState;
import cn.supervision.api.task.TrackedTask;
import cn.supervision.testing.fakes.FakeTaskService;

/**
 * A decision's tasks carry the state the task service shows the caller; what it does not show, or cannot answer after
 * the decision was recorded, leaves the state empty and the decision readable.
 */
class TaskStatesTest {
    static final Caller CITY = new Caller("city-admin", Set.of(Role.CITY_ADMIN), "370500", null);
    static final LocalDate DEADLINE = LocalDate.parse("2026-12-31");

    static Decision decision(long... taskIds) {
        return new Decision(5, 7, 1, "决定", Arrays.stream(taskIds).mapToObj(id -> new DecisionTask(id, "任务" + id, OwnerKind.OFFICE,
                null, MinutesModel.OFFICE, DEADLINE, null)).toList(), "city-admin", Instant.EPOCH);
    }

    static TrackedTask task(long id, TaskState state, boolean overdue) {
        return new TrackedTask(id, "370500", TaskOrigin.MEETING_DECISION, 5, "任务" + id, null, OwnerKind.OFFICE, null,
                MinutesModel.OFFICE, DEADLINE, state, overdue, "city-admin", Instant.EPOCH, null, null, null, List.of());
    }

    static TaskStates over(List<TaskService> tasks) {
        return new TaskStates(new Collaborators(null, null, null, null, List.of(), tasks, List.of(), List.of()));
    }

    static TaskService listing(RuntimeException failure, TrackedTask... tasks) {
        return new FakeTaskService() {
            @Override
            public List<TrackedTask> list(Caller caller, String jurisdictionCode, TaskQuery query, int offset, int limit) {
                if (failure != null) {
                    throw failure;
                }
                assertEquals(TaskQuery.of(TaskOrigin.MEETING_DECISION, 5), query);
                return List.of(tasks);
            }
        };
    }

    static List<DecisionTaskStatus> statuses(List<Decision> decisions) {
        return decisions.get(0).tasks().stream().map(DecisionTask::status).toList();
    }

    @Test
    void eachTasksStateAsTheTaskServiceShowsItAndNoneForATaskItDoesNotShow() {
        TaskStates states = over(List.of(listing(null, task(1, TaskState.DONE, false), task(2, TaskState.CANCELLED, true),
                task(3, TaskState.OPEN, true), task(4, TaskState.OPEN, false))));
        assertEquals(Arrays.asList(DecisionTaskStatus.DONE, DecisionTaskStatus.CANCELLED, DecisionTaskStatus.OVERDUE,
                DecisionTaskStatus.OPEN, null), statuses(states.of(CITY, "370500", List.of(decision(1, 2, 3, 4, 9)))));
    }

    @Test
    void aRefusalOrAFailureOfTheTaskServiceLeavesTheStatesEmpty() {
        List<DecisionTaskStatus> none = Arrays.asList(null, null);
        assertEquals(none, statuses(over(List.of(listing(SupervisionException.forbidden("无权查看督办事项"))))
                .of(CITY, "370500", List.of(decision(1, 2)))));
        assertEquals(none, statuses(over(List.of(listing(new IllegalStateException("lock lost"))))
                .of(CITY, "370500", List.of(decision(1, 2)))));
    }

    @Test
    void withoutTheTaskServiceTheDecisionsAreAsStored() {
        List<Decision> stored = List.of(decision(1));
        assertSame(stored, over(List.of()).of(CITY, "370500", stored));
    }
}
