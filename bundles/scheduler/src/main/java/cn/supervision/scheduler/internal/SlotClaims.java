package cn.supervision.scheduler.internal;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.scheduler.internal.model.PassClaimEntity;

/**
 * The claims of the daily passes (SV_SCHED_CLAIM): with several nodes on one database each pass of a scheduled day is
 * run by the node that claimed it first, and by another node only when the claim's lease ran out unfinished (its node
 * died mid-pass). Claiming, taking over and renewing are short transactions of their own, so nothing is locked while a
 * pass runs; finishing joins the transaction that records the run. Leases are compared with this node's clock: the
 * nodes' clocks must agree to well within {@link #LEASE}.
 *
 * <p>The writes are plain SQL whose WHERE clause is the claim: the database re-checks it on the row it locks, so of two
 * nodes taking over the same claim one updates it and the other finds nothing to update. (A JPQL bulk update would not
 * do: OpenJPA turns it into {@code UPDATE ... WHERE ID IN (SELECT ...)}, whose subquery PostgreSQL does not re-check.)
 */
final class SlotClaims {
    /** How long a claim holds without being renewed; the holder renews it every {@link #RENEW}. */
    static final Duration LEASE = Duration.ofMinutes(2);
    static final Duration RENEW = Duration.ofSeconds(30);
    private static final String INSERT = "INSERT INTO SV_SCHED_CLAIM (SLOTDAY, PASS, NODE, CLAIMEDAT, LEASEUNTIL) VALUES (?, ?, ?, ?, ?)";
    private static final String TAKE_OVER = "UPDATE SV_SCHED_CLAIM SET NODE = ?, CLAIMEDAT = ?, LEASEUNTIL = ?"
            + " WHERE SLOTDAY = ? AND PASS = ? AND FINISHEDAT IS NULL AND LEASEUNTIL < ?";
    private static final String RENEW_LEASE = "UPDATE SV_SCHED_CLAIM SET LEASEUNTIL = ?"
            + " WHERE SLOTDAY = ? AND PASS = ? AND NODE = ? AND FINISHEDAT IS NULL";
    private static final String FINISH = "UPDATE SV_SCHED_CLAIM SET FINISHEDAT = ?"
            + " WHERE SLOTDAY = ? AND PASS = ? AND NODE = ? AND FINISHEDAT IS NULL";

    /** What a claim attempt found. */
    enum Claim {
        /** This node has it now: run the pass. */
        CLAIMED,
        /** This node took it over from a node whose lease ran out: run the pass. */
        TAKEN_OVER,
        /** Run already, by whichever node: never again. */
        FINISHED,
        /** Another node has it and its lease holds. */
        HELD
    }

    private final JpaTemplate jpa;
    private final Clock clock;
    private final String node;

    SlotClaims(JpaTemplate jpa, Clock clock, String node) {
        this.jpa = jpa;
        this.clock = clock;
        this.node = node;
    }

    String node() {
        return node;
    }

    /** This node's name in claims: host, process id and a random part (two schedulers in one JVM differ). */
    static String nodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = System.getenv().getOrDefault("HOSTNAME", "node");
        }
        String pid = ManagementFactory.getRuntimeMXBean().getName().split("@")[0];
        String name = host + "/" + pid + "/" + UUID.randomUUID().toString().substring(0, 8);
        return name.length() <= 100 ? name : name.substring(name.length() - 100);
    }

    /** The claims of one scheduled day, by pass. */
    Map<String, PassClaimEntity> of(long slotDay) {
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                        "select c from PassClaimEntity c where c.slotDay = :d", PassClaimEntity.class)
                .setParameter("d", slotDay).getResultList().stream()
                .collect(Collectors.toMap(PassClaimEntity::getPass, Function.identity())));
    }

    /** What a claim as read means for this node: finished, held by a live lease, or (null) free to take. */
    Claim seen(PassClaimEntity c) {
        if (c == null) {
            return null;
        }
        if (c.getFinishedAt() != null) {
            return Claim.FINISHED;
        }
        return c.getLeaseUntil() >= clock.millis() ? Claim.HELD : null;
    }

    /** Claims {@code pass} of {@code slotDay} for this node: a new claim, or one whose holder's lease ran out. */
    Claim claim(long slotDay, String pass) {
        long now = clock.millis();
        long lease = now + LEASE.toMillis();
        if (jpa.txExpr(TransactionType.Required, em -> write(em, c -> inserted(c, slotDay, pass, now, lease)))) {
            return Claim.CLAIMED;
        }
        int taken = jpa.txExpr(TransactionType.Required, em -> write(em, c -> update(c, TAKE_OVER, node, now, lease, slotDay, pass, now)));
        if (taken == 1) {
            return Claim.TAKEN_OVER;
        }
        Claim found = seen(of(slotDay).get(pass));
        return found == null ? Claim.HELD : found;
    }

    /** Extends this node's lease on a claim it is running; false when another node has taken it over meanwhile. */
    boolean renew(long slotDay, String pass) {
        long lease = clock.millis() + LEASE.toMillis();
        return jpa.txExpr(TransactionType.Required, em -> write(em, c -> update(c, RENEW_LEASE, lease, slotDay, pass, node))) == 1;
    }

    /**
     * Marks the claim finished in the caller's transaction (the one recording the run); false when it was not this
     * node's any more (taken over after this node's lease ran out).
     */
    boolean finish(EntityManager em, long slotDay, String pass, long at) {
        return write(em, c -> update(c, FINISH, at, slotDay, pass, node)) == 1;
    }

    private interface Sql<R> {
        R apply(Connection c) throws SQLException;
    }

    /** On the transaction's connection (OpenJPA's handle, which closing only releases). */
    private static <R> R write(EntityManager em, Sql<R> sql) {
        try (Connection c = em.unwrap(Connection.class)) {
            return sql.apply(c);
        } catch (SQLException e) {
            throw new IllegalStateException("每日规则任务认领记录写入失败：" + e.getMessage(), e);
        }
    }

    /**
     * Inserts the claim; false when the day's pass is claimed already. Derby undoes only the refused statement;
     * PostgreSQL would abort the transaction, so there the insert skips a duplicate instead (update count 0).
     */
    private boolean inserted(Connection c, long slotDay, String pass, long now, long lease) throws SQLException {
        boolean postgresql = c.getMetaData().getDatabaseProductName().startsWith("PostgreSQL");
        try (PreparedStatement s = c.prepareStatement(postgresql ? INSERT + " ON CONFLICT DO NOTHING" : INSERT)) {
            s.setLong(1, slotDay);
            s.setString(2, pass);
            s.setString(3, node);
            s.setLong(4, now);
            s.setLong(5, lease);
            try {
                return s.executeUpdate() == 1;
            } catch (SQLException e) {
                if ("23505".equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
        }
    }

    private static int update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            return s.executeUpdate();
        }
    }
}
