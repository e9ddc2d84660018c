package cn.supervision.api.warning;

import java.time.Instant;

/** One state change of a warning, kept forever; {@code from} is null for the raising. */
public record WarningTransition(long warningId, WarningState from, WarningState to, String by, Instant at, String reason) {
}
