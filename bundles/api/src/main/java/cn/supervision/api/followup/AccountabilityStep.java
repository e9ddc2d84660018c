package cn.supervision.api.followup;

import java.time.Instant;

/** One recorded step of an accountability record ({@code from} null for its opening), with who, when and the note. */
public record AccountabilityStep(AccountabilityStatus from, AccountabilityStatus to, String note, String by, Instant at) {
}
