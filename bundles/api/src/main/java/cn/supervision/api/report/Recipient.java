package cn.supervision.api.report;

import java.time.Instant;

/** A leader the report was sent to, and when he read it in the platform (null while unread). */
public record Recipient(String username, Instant readAt) {
}
