package cn.supervision.api.proposal;

import java.time.Instant;
import java.util.List;

/**
 * An establishment proposal (机构编制处理意见, measures art. 19). {@code documentNumber} (〔2026〕3号) is given on
 * approval; {@code reason} is the latest return reason.
 */
public record Proposal(long id, String jurisdictionCode, String title, String rationale, List<Ground> grounds,
                       List<ProposalChange> changes, ProposalState state, String documentNumber, String reason,
                       String createdBy, Instant createdAt, String updatedBy, Instant updatedAt,
                       String approvedBy, Instant approvedAt, String appliedBy, Instant appliedAt) {

    /** What the unit history records for a change applied from this proposal. */
    public String registryReason() {
        return "机构编制处理意见 " + (documentNumber == null ? "" : documentNumber + " ") + "(#" + id + ")";
    }
}
