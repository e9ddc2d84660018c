package cn.supervision.api.task;

import java.time.Instant;

/** One line of a task's history: created, progress, re-dated, closed, cancelled, reopened. */
public record TaskEvent(long id, String action, String detail, String actor, Instant at) {
}
