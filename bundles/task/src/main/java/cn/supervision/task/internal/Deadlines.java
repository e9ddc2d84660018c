package cn.supervision.task.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import cn.supervision.api.task.TaskState;

/**
 * Overdue computation: a task is overdue when it is OPEN and its deadline (a calendar date in Asia/Shanghai) lies
 * before today by the platform clock. The deadline day itself is not overdue.
 */
final class Deadlines {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private final Clock clock;

    Deadlines(Clock clock) {
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    long now() {
        return clock.millis();
    }

    boolean overdue(TaskState state, long deadlineDay) {
        return overdue(state, deadlineDay, today());
    }

    static boolean overdue(TaskState state, long deadlineDay, LocalDate today) {
        return state == TaskState.OPEN && deadlineDay < today.toEpochDay();
    }
}
