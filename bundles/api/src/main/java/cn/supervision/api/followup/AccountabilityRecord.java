package cn.supervision.api.followup;

import java.time.Instant;
import java.util.List;

/**
 * Accountability for one finding (a finding may have several). {@code outcome} is the decision recorded when it became
 * DECIDED; {@code history} every step, oldest first. Never deleted.
 */
public record AccountabilityRecord(long id, long findingId, String jurisdictionCode, long unitId, AccountabilityKind kind,
                                   String measure, String subject, String basis, AccountabilityStatus status, String outcome,
                                   List<AccountabilityStep> history, Instant createdAt, String createdBy, Instant updatedAt,
                                   String updatedBy) {
}
