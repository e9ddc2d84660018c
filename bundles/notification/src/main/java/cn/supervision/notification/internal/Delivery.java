package cn.supervision.notification.internal;

import java.time.Instant;

/** One message's way through one channel, as recorded: for the shell and the tests. */
public record Delivery(long id, long notificationId, String channel, String recipient, String state, int attempts,
                       String lastError, Instant nextAttemptAt, Instant deliveredAt) {
}
