package cn.supervision.api.meeting;

import java.time.Instant;

/** One step of a meeting's history ({@code from} is null for scheduling; {@code reason} for a cancellation). */
public record MeetingTransition(MeetingState from, MeetingState to, String actor, Instant at, String reason) {
}
