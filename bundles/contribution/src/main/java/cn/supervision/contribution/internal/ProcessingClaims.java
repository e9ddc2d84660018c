package cn.supervision.contribution.internal;

import java.time.Clock;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.contribution.internal.model.ContributionClaimEntity;

/**
 * Several nodes on one database: processing a bundle revision (name, version, content hash) with its units and
 * definitions is done by one node at a time. A node claims the revision before processing it and releases the claim
 * once the outcome is in the ledger; a node that finds it claimed waits and then adopts the recorded outcome instead of
 * deciding again. A claim whose lease ran out (its node died mid-way) is taken over; the same node takes its own
 * claim back at once after a restart.
 */
final class ProcessingClaims {
    /** Longer than any processing (the city's bundle with its units takes seconds). */
    static final long LEASE_MILLIS = 10 * 60_000L;
    /*
     * Plain SQL, so that the database re-checks the condition on the row it locks: of two nodes taking over the same
     * claim one updates it, the other waits for it and then finds nothing to update. OpenJPA writes the JPQL form as
     * "CLAIMKEY IN (SELECT ...)", whose rows PostgreSQL takes from before the other node's commit and does not re-check:
     * both nodes took the claim over, and a node whose lease had run out released the claim another had just taken.
     */
    private static final String TAKE = "UPDATE SV_CONTRIBUTION_CLAIM SET NODE = ?, LEASEUNTIL = ?"
            + " WHERE CLAIMKEY = ? AND NODE = ? AND LEASEUNTIL = ?";
    private static final String RELEASE = "UPDATE SV_CONTRIBUTION_CLAIM SET LEASEUNTIL = 0 WHERE CLAIMKEY = ? AND NODE = ?";

    enum State { FREE, RELEASED, HELD_HERE, HELD_ELSEWHERE }

    private final JpaTemplate jpa;
    private final Clock clock;
    private final String node;

    ProcessingClaims(JpaTemplate jpa, Clock clock, String node) {
        this.jpa = jpa;
        this.clock = clock;
        this.node = node;
    }

    String node() {
        return node;
    }

    static String key(String bsn, String version, String contentHash) {
        return bsn + "@" + version + "#" + contentHash;
    }

    State state(String key) {
        ContributionClaimEntity c = jpa.txExpr(TransactionType.Supports, em -> em.find(ContributionClaimEntity.class, key));
        if (c == null) {
            return State.FREE;
        }
        if (c.getLeaseUntil() == 0) {
            return State.RELEASED;
        }
        if (node.equals(c.getNode())) {
            return State.HELD_HERE;
        }
        return c.getLeaseUntil() < clock.millis() ? State.FREE : State.HELD_ELSEWHERE;
    }

    /** True when this node now holds the claim; false when another node holds a live one. */
    boolean claim(String key) {
        long until = clock.millis() + LEASE_MILLIS;
        ContributionClaimEntity c = jpa.txExpr(TransactionType.Supports, em -> em.find(ContributionClaimEntity.class, key));
        if (c == null) {
            try {
                jpa.tx(TransactionType.Required, em -> {
                    ContributionClaimEntity fresh = new ContributionClaimEntity();
                    fresh.setClaimKey(key);
                    fresh.setNode(node);
                    fresh.setLeaseUntil(until);
                    em.persist(fresh);
                    em.flush();
                });
                return true;
            } catch (RuntimeException e) {
                // another node inserted it first (its own transaction, so nothing of ours is lost): read who holds it
                if (state(key) == State.FREE) {
                    throw e;
                }
                return claim(key);
            }
        }
        if (c.getLeaseUntil() != 0 && !node.equals(c.getNode()) && c.getLeaseUntil() >= clock.millis()) {
            return false;
        }
        // released, expired or ours: taken only if nobody changed it since it was read
        int taken = jpa.txExpr(TransactionType.Required, em -> em.createNativeQuery(TAKE)
                .setParameter(1, node).setParameter(2, until).setParameter(3, key).setParameter(4, c.getNode())
                .setParameter(5, c.getLeaseUntil()).executeUpdate());
        return taken == 1;
    }

    /** The outcome is recorded: the claim is released (if this node still holds it). */
    void release(String key) {
        jpa.txExpr(TransactionType.Required, em -> em.createNativeQuery(RELEASE).setParameter(1, key).setParameter(2, node)
                .executeUpdate());
    }
}
