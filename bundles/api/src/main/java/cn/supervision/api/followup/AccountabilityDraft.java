package cn.supervision.api.followup;

/**
 * An accountability record to open for a finding: {@code measure} what the office does or proposes (required),
 * {@code subject} who is held accountable (a post or person, optional), {@code basis} the provisions relied on (optional).
 */
public record AccountabilityDraft(AccountabilityKind kind, String measure, String subject, String basis) {
}
