package cn.supervision.api.cooperation;

import java.time.LocalDate;

/**
 * A lead to refer (线索移送): one finding of {@code jurisdictionCode} (null: the caller's own) to one active department
 * of the same jurisdiction, with a covering note; feedback is due by {@code feedbackDue} (default 30 days from today).
 * Evidence files are attached afterwards, until the department acknowledges receipt.
 */
public record ReferralDraft(String jurisdictionCode, Long findingId, Long departmentId, String note, LocalDate feedbackDue) {
}
