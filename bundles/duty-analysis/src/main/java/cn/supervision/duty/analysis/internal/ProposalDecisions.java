package cn.supervision.duty.analysis.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.duty.ProposalState;

/**
 * The decisions on a proposal, each a single conditional update so two people never both decide. A confirmation
 * first claims the proposal (it stays PROPOSED, a dismissal or a second confirmation is refused), records its findings
 * outside, then moves to CONFIRMED with the finding ids in one statement: a proposal is never CONFIRMED without them.
 * A claim lapses, so a confirmation that died half-way (its release failing too) does not block the proposal for good.
 */
final class ProposalDecisions {
    static final long CLAIM_LAPSES_MILLIS = 10 * 60_000L;
    private static final String OPEN = "p.id = :id and p.state = :proposed and (p.claimedAt is null or p.claimedAt < :lapsed)";

    private final JpaTemplate jpa;
    private final Clock clock;

    ProposalDecisions(JpaTemplate jpa, Clock clock) {
        this.jpa = jpa;
        this.clock = clock;
    }

    /** The claim's token, or null when the proposal is decided or another confirmation holds it. */
    String claim(long id, String by) {
        String token = UUID.randomUUID().toString();
        long now = clock.millis();
        int moved = jpa.txExpr(TransactionType.Required, em -> em.createQuery("update DutyProposalEntity p set p.claimedBy = :by, "
                        + "p.claimedAt = :now, p.claimToken = :token where " + OPEN)
                .setParameter("by", by).setParameter("now", now).setParameter("token", token).setParameter("id", id)
                .setParameter("proposed", ProposalState.PROPOSED).setParameter("lapsed", now - CLAIM_LAPSES_MILLIS).executeUpdate());
        return moved == 1 ? token : null;
    }

    /** Confirmed with its findings, or false when the claim lapsed and someone else decided meanwhile. */
    boolean confirm(long id, String token, String by, String reason, List<Long> findingIds) {
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery("update DutyProposalEntity p set p.state = :to, "
                        + "p.decidedBy = :by, p.decidedAt = :at, p.reason = :reason, p.findingIds = :ids, p.claimedBy = null, "
                        + "p.claimedAt = null, p.claimToken = null where p.id = :id and p.state = :proposed and p.claimToken = :token")
                .setParameter("to", ProposalState.CONFIRMED).setParameter("by", by).setParameter("at", clock.millis())
                .setParameter("reason", reason).setParameter("ids", ProposalRecords.joinIds(findingIds)).setParameter("id", id)
                .setParameter("proposed", ProposalState.PROPOSED).setParameter("token", token).executeUpdate()) == 1;
    }

    void release(long id, String token) {
        jpa.tx(TransactionType.Required, em -> em.createQuery("update DutyProposalEntity p set p.claimedBy = null, "
                        + "p.claimedAt = null, p.claimToken = null where p.id = :id and p.claimToken = :token")
                .setParameter("id", id).setParameter("token", token).executeUpdate());
    }

    /** False when the proposal is decided or a confirmation holds it. */
    boolean dismiss(long id, String by, String reason) {
        long now = clock.millis();
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery("update DutyProposalEntity p set p.state = :to, "
                        + "p.decidedBy = :by, p.decidedAt = :now, p.reason = :reason, p.claimedBy = null, p.claimedAt = null, "
                        + "p.claimToken = null where " + OPEN)
                .setParameter("to", ProposalState.DISMISSED).setParameter("by", by).setParameter("now", now)
                .setParameter("reason", reason).setParameter("id", id).setParameter("proposed", ProposalState.PROPOSED)
                .setParameter("lapsed", now - CLAIM_LAPSES_MILLIS).executeUpdate()) == 1;
    }
}
