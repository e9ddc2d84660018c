package cn.supervision.api.followup;

import java.time.Instant;

/**
 * One recorded step of a finding: its registration ({@code from} null → OPEN) and every change of state with who, when
 * and why, and the notice involved. Append-only, kept forever.
 */
public record FindingTransition(long findingId, FindingState from, FindingState to, Long noticeId, String reason, String by,
                                Instant at) {
}
