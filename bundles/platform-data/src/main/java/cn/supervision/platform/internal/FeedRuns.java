package cn.supervision.platform.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.platform.FeedRun;
import cn.supervision.platform.internal.model.FeedRunEntity;

/**
 * The history of feed runs: each run with its attempts and outcome. With several nodes on one database a scheduled
 * run is also the claim of its slot: inserted before the fetch (UQ_FEED_RUN_SLOT: one run per feed and fire time), held
 * by this node under a lease it renews, taken over by another node once the lease ran out while RUNNING (its node
 * died). Attempts and the outcome are recorded only while the run is still this node's. The writes are plain SQL
 * whose WHERE clause is the condition, re-checked by the database on the row it locks (a JPQL bulk update becomes
 * {@code UPDATE ... WHERE ID IN (SELECT ...)} in OpenJPA, which PostgreSQL does not re-check).
 */
final class FeedRuns {
    /** How long a run holds without being renewed; the scheduler renews its runs every tick (30 s). */
    static final Duration LEASE = Duration.ofMinutes(3);
    private static final String INSERT = "INSERT INTO SV_PD_FEED_RUN (FEED, STARTEDAT, ATTEMPTS, OUTCOME, SLOTAT, NODE, LEASEUNTIL)"
            + " VALUES (?, ?, 0, 'RUNNING', ?, ?, ?)";
    private static final String TAKE_OVER = "UPDATE SV_PD_FEED_RUN SET NODE = ?, LEASEUNTIL = ?"
            + " WHERE ID = ? AND OUTCOME = 'RUNNING' AND SLOTAT IS NOT NULL AND LEASEUNTIL < ?";
    private static final String RENEW = "UPDATE SV_PD_FEED_RUN SET LEASEUNTIL = ? WHERE ID = ? AND NODE = ? AND OUTCOME = 'RUNNING'";
    private static final String ATTEMPTED = "UPDATE SV_PD_FEED_RUN SET ATTEMPTS = ATTEMPTS + 1, MESSAGE = ?"
            + " WHERE ID = ? AND NODE = ? AND OUTCOME = 'RUNNING'";
    private static final String FINISH = "UPDATE SV_PD_FEED_RUN SET ATTEMPTS = ?, OUTCOME = ?, MESSAGE = ?, CLIENTBATCHID = ?,"
            + " ROWCOUNT = ?, FINISHEDAT = ?, LEASEUNTIL = NULL WHERE ID = ? AND NODE = ? AND OUTCOME = 'RUNNING'";

    /** A scheduled run left RUNNING by a node whose lease ran out. */
    record Stale(long id, String feed, long slotAt) { }

    private final JpaTemplate jpa;
    private final Clock clock;
    private final String node;

    FeedRuns(JpaTemplate jpa, Clock clock, String node) {
        this.jpa = jpa;
        this.clock = clock;
        this.node = node;
    }

    String node() {
        return node;
    }

    /** A manual run of this node. */
    long open(String feed) {
        return inserted(feed, null);
    }

    /** Claims the scheduled run of {@code feed} at {@code slotAt}; its id, or null when a run of that slot exists. */
    Long openSlot(String feed, long slotAt) {
        return inserted(feed, slotAt);
    }

    /**
     * Inserts a RUNNING run held by this node. A slot run already there: Derby refuses the duplicate (23505, only that
     * statement undone), PostgreSQL is told ON CONFLICT DO NOTHING (a refused statement would abort the transaction).
     */
    private Long inserted(String feed, Long slotAt) {
        long now = clock.millis();
        return jpa.txExpr(TransactionType.Required, em -> sql(em, c -> {
            boolean postgresql = c.getMetaData().getDatabaseProductName().startsWith("PostgreSQL");
            try (PreparedStatement s = c.prepareStatement(postgresql ? INSERT + " ON CONFLICT DO NOTHING" : INSERT,
                    Statement.RETURN_GENERATED_KEYS)) {
                s.setString(1, feed);
                s.setLong(2, now);
                s.setObject(3, slotAt, Types.BIGINT);
                s.setString(4, node);
                s.setLong(5, now + LEASE.toMillis());
                try {
                    if (s.executeUpdate() != 1) {
                        return null;
                    }
                } catch (SQLException e) {
                    if (slotAt != null && "23505".equals(e.getSQLState())) {
                        return null;
                    }
                    throw e;
                }
                try (ResultSet id = s.getGeneratedKeys()) {
                    id.next();
                    return id.getLong(1);
                }
            }
        }));
    }

    /** Scheduled runs still RUNNING whose node's lease ran out. */
    List<Stale> stale() {
        long now = clock.millis();
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select r from FeedRunEntity r where r.outcome = 'RUNNING'"
                        + " and r.slotAt is not null and r.leaseUntil < :now order by r.id", FeedRunEntity.class)
                .setParameter("now", now).getResultList().stream().map(r -> new Stale(r.getId(), r.getFeed(), r.getSlotAt())).toList());
    }

    /** Takes a stale run over for this node; the attempts recorded so far, or null when another node was first. */
    Integer takeOver(long runId) {
        long now = clock.millis();
        if (update(TAKE_OVER, node, now + LEASE.toMillis(), runId, now) != 1) {
            return null;
        }
        return jpa.txExpr(TransactionType.Supports, em -> em.find(FeedRunEntity.class, runId).getAttempts());
    }

    /** Extends this node's lease on a run in progress; false when another node took it over meanwhile. */
    boolean renew(long runId) {
        return update(RENEW, clock.millis() + LEASE.toMillis(), runId, node) == 1;
    }

    /** Records a failed attempt to be retried; false when the run is not this node's any more (stop retrying). */
    boolean attempted(long runId, String message) {
        return update(ATTEMPTED, cut(message), runId, node) == 1;
    }

    /** Records the outcome while the run is this node's; the run as it then stands (another node's, if taken over). */
    FeedRun finish(long runId, int attempts, FeedRun.Outcome outcome, String message, String clientBatchId, Integer rows) {
        long at = clock.millis();
        return jpa.txExpr(TransactionType.Required, em -> {
            sql(em, c -> {
                try (PreparedStatement s = c.prepareStatement(FINISH)) {
                    s.setInt(1, attempts);
                    s.setString(2, outcome.name());
                    s.setString(3, cut(message));
                    s.setString(4, clientBatchId);
                    s.setObject(5, rows, Types.INTEGER);
                    s.setLong(6, at);
                    s.setLong(7, runId);
                    s.setString(8, node);
                    return s.executeUpdate();
                }
            });
            return toValue(em.find(FeedRunEntity.class, runId));
        });
    }

    /** The run as it stands. */
    FeedRun get(long runId) {
        return jpa.txExpr(TransactionType.Supports, em -> toValue(em.find(FeedRunEntity.class, runId)));
    }

    List<FeedRun> of(String feed, int limit) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "select r from FeedRunEntity r where r.feed = :f order by r.id desc", FeedRunEntity.class)
                .setParameter("f", feed).setMaxResults(Math.max(1, Math.min(limit, 1_000))).getResultList()
                .stream().map(FeedRuns::toValue).toList());
    }

    private static String cut(String message) {
        return message == null ? null : message.substring(0, Math.min(1000, message.length()));
    }

    private interface Sql<R> {
        R apply(Connection c) throws SQLException;
    }

    /** On the transaction's connection (OpenJPA's handle, which closing only releases). */
    private static <R> R sql(EntityManager em, Sql<R> work) {
        try (Connection c = em.unwrap(Connection.class)) {
            return work.apply(c);
        } catch (SQLException e) {
            throw new IllegalStateException("数据拉取运行记录写入失败：" + e.getMessage(), e);
        }
    }

    /** One conditional statement in a transaction of its own; its update count. */
    private int update(String statement, Object... values) {
        return jpa.txExpr(TransactionType.Required, em -> sql(em, c -> {
            try (PreparedStatement s = c.prepareStatement(statement)) {
                for (int i = 0; i < values.length; i++) {
                    s.setObject(i + 1, values[i]);
                }
                return s.executeUpdate();
            }
        }));
    }

    private static FeedRun toValue(FeedRunEntity e) {
        return new FeedRun(e.getId(), e.getFeed(), Instant.ofEpochMilli(e.getStartedAt()),
                e.getFinishedAt() == null ? null : Instant.ofEpochMilli(e.getFinishedAt()), e.getAttempts(),
                FeedRun.Outcome.valueOf(e.getOutcome()), e.getMessage(), e.getClientBatchId(), e.getRowCount());
    }
}
