package cn.supervision.api.notification;

import java.time.Instant;

/** One message in one user's in-platform inbox; {@code readAt} is null while unread. */
public record Notification(long id, String recipient, String category, String subject, String body, String link,
                           Instant createdAt, Instant readAt) {
}
