package cn.supervision.api.cooperation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.supervision.api.followup.FindingCategory;
import cn.supervision.api.followup.Severity;

/**
 * A referred lead (线索移送) as the office and the addressed department see it. The finding is copied as it stood when
 * referred (the department cannot read the findings ledger); {@code evidence} lists the office's files and the
 * department's own; {@code steps} every move with who, when and the note. {@code overdue}: still awaiting the first
 * feedback after {@code feedbackDue}.
 */
public record Referral(long id, String jurisdictionCode, long findingId, long unitId, String unitName, FindingCategory category,
                       Severity severity, String findingDescription, long departmentId, String departmentCode,
                       String departmentName, String note, LocalDate feedbackDue, ReferralState state, boolean overdue,
                       String feedbackText, Long resultFileId, List<ReferralEvidence> evidence, List<Step> steps,
                       String referredBy, Instant referredAt, Instant updatedAt) {

    /** One recorded move. */
    public record Step(ReferralState from, ReferralState to, String actor, Instant at, String note) {
    }
}
