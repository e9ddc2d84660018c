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
        int taken = jpa.txExpr(TransactionType.Required, em -> em.createQuery("update ContributionClaimEntity c set c.node = :me,"
                        + " c.leaseUntil = :until where c.claimKey = :k and c.node = :was and c.leaseUntil = :lease")
                .setParameter("me", node).setParameter("until", until).setParameter("k", key).setParameter("was", c.getNode())
                .setParameter("lease", c.getLeaseUntil()).executeUpdate());
        return taken == 1;
    }

    /** The outcome is recorded: the claim is released (if this node still holds it). */
    void release(String key) {
        jpa.txExpr(TransactionType.Required, em -> em.createQuery("update ContributionClaimEntity c set c.leaseUntil = 0"
                + " where c.claimKey = :k and c.node = :me").setParameter("k", key).setParameter("me", node).executeUpdate());
    }
}
