package cn.supervision.api.rectification;

import java.time.Instant;
import java.time.LocalDate;

/** A follow-up visit: scheduled when every item is accepted; {@code result} null while pending. */
public record Visit(long id, long noticeId, LocalDate scheduledFor, LocalDate visitedOn, VisitResult result, String notes,
                    String recordedBy, Instant recordedAt) {
}
