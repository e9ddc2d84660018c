package cn.supervision.api.task;

import java.time.Instant;

/** A progress report on a task (never changed once written). {@code percent} is 0–100 or null. */
public record TaskProgress(long id, String text, Integer percent, String reportedBy, Instant reportedAt) {
}
