package cn.supervision.api.duty;

import java.time.Instant;
import java.util.List;

/**
 * A proposal of the duty analysis, kept whatever the office decides. OVERLAP: {@code first} and {@code second} belong
 * to two different units. GAP: {@code first} is the duty nobody holds any more, {@code second} the closest duty a unit
 * holds now (null if none came close). {@code similarity} is the cosine of the two texts' term vectors (0–1),
 * {@code sharedTerms} the terms that weighed most in it. A confirmed proposal records the findings it became.
 */
public record DutyProposal(long id, String jurisdictionCode, ProposalKind kind, DutyRef first, DutyRef second,
                           double similarity, List<String> sharedTerms, ProposalState state, Instant proposedAt,
                           String decidedBy, Instant decidedAt, String reason, List<Long> findingIds) {

    public DutyProposal {
        sharedTerms = List.copyOf(sharedTerms);
        findingIds = findingIds == null ? List.of() : List.copyOf(findingIds);
    }
}
