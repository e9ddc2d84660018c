package cn.supervision.duty.analysis.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import javax.persistence.Query;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

/**
 * The decisions on a proposal, each a single conditional update so two people never both decide. A confirmation
 * first claims the proposal (it stays PROPOSED, a dismissal or a second confirmation is refused), records its findings
 * outside, then moves to CONFIRMED with the finding ids in one statement: a proposal is never CONFIRMED without them.
 * A claim lapses, so a confirmation that died half-way (its release failing too) does not block the proposal for good.
 */
final class ProposalDecisions {
    static final long CLAIM_LAPSES_MILLIS = 10 * 60_000L;
    /*
     * Plain SQL, so that the database re-checks the condition on the row it locks: of two decisions at once one updates
     * the proposal, the other waits for it and then finds nothing to update. OpenJPA writes the JPQL form as
     * "ID IN (SELECT ...)", whose rows PostgreSQL takes from before the other decision's commit and does not re-check:
     * a proposal being confirmed on one node was dismissed on another, two confirmations both made their findings, and a
     * lapsed confirmation's release cleared the claim of the one that had taken the proposal over.
     */
    private static final String OPEN = " WHERE ID = ? AND STATE = 'PROPOSED' AND (CLAIMEDAT IS NULL OR CLAIMEDAT < ?)";
    private static final String CLAIM = "UPDATE SV_DUTY_PROPOSAL SET CLAIMEDBY = ?, CLAIMEDAT = ?, CLAIMTOKEN = ?" + OPEN;
    private static final String CONFIRM = "UPDATE SV_DUTY_PROPOSAL SET STATE = 'CONFIRMED', DECIDEDBY = ?, DECIDEDAT = ?,"
            + " REASON = ?, FINDINGIDS = ?, CLAIMEDBY = NULL, CLAIMEDAT = NULL, CLAIMTOKEN = NULL"
            + " WHERE ID = ? AND STATE = 'PROPOSED' AND CLAIMTOKEN = ?";
    private static final String RELEASE = "UPDATE SV_DUTY_PROPOSAL SET CLAIMEDBY = NULL, CLAIMEDAT = NULL, CLAIMTOKEN = NULL"
            + " WHERE ID = ? AND CLAIMTOKEN = ?";
    private static final String DISMISS = "UPDATE SV_DUTY_PROPOSAL SET STATE = 'DISMISSED', DECIDEDBY = ?, DECIDEDAT = ?,"
            + " REASON = ?, CLAIMEDBY = NULL, CLAIMEDAT = NULL, CLAIMTOKEN = NULL" + OPEN;

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
        return update(CLAIM, by, now, token, id, now - CLAIM_LAPSES_MILLIS) == 1 ? token : null;
    }

    /** Confirmed with its findings, or false when the claim lapsed and someone else decided meanwhile. */
    boolean confirm(long id, String token, String by, String reason, List<Long> findingIds) {
        return update(CONFIRM, by, clock.millis(), reason, ProposalRecords.joinIds(findingIds), id, token) == 1;
    }

    void release(long id, String token) {
        update(RELEASE, id, token);
    }

    /** False when the proposal is decided or a confirmation holds it. */
    boolean dismiss(long id, String by, String reason) {
        long now = clock.millis();
        return update(DISMISS, by, now, reason, id, now - CLAIM_LAPSES_MILLIS) == 1;
    }

    /** One statement in a transaction of its own; how many rows it changed (0 or 1). */
    private int update(String sql, Object... values) {
        return jpa.txExpr(TransactionType.Required, em -> {
            Query q = em.createNativeQuery(sql);
            for (int i = 0; i < values.length; i++) {
                q.setParameter(i + 1, values[i]);
            }
            return q.executeUpdate();
        });
    }
}
