package cn.supervision.survey.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.tx.LockRetry;

/**
 * Submissions per client address of a shared link within the last hour: a shared link has no token to spend, so this
 * is what keeps one network from stuffing the ballot box. The address is the client's as the gateway resolved it
 * (behind a trusted proxy, from {@code X-Forwarded-For}).
 *
 * <p>The counts are in the database ({@code SV_SURVEY_LINK_RATE}, one row per questionnaire, address and
 * {@link #WINDOW}-minute window), so every node counts the same submissions: two nodes behind a load balancer allow
 * the limit once, not once each. One transaction per submission adds it to the current window's row (the UPDATE holds
 * that row's lock, so submissions of one address on two nodes take turns) and sums the address's windows of the hour;
 * beyond the limit it rolls back, so a refused attempt counts for nothing. The hour is read at window granularity: a
 * submission stops counting between 55 and 60 minutes after it was made, and two submissions racing across a window
 * boundary on two nodes may both pass (one over the limit at most per such race). Rows of windows past the hour are
 * deleted at most once a minute per node, so the table holds at most one row per admitted submission of the last hour
 * (and at most {@code HOUR / WINDOW} per address and questionnaire).
 */
final class LinkRateLimiter {
    static final long HOUR = 3_600_000L;
    static final long WINDOW = 5 * 60_000L;
    static final long CLEANUP_MILLIS = 60_000L;
    /** The column's width; a longer client (not an address) is cut, as the response's CLIENT is. */
    static final int MAX_CLIENT = 64;
    private static final Logger LOG = LoggerFactory.getLogger(LinkRateLimiter.class);

    private final JpaTemplate jpa;
    private final int perHour;
    private final Clock clock;
    private final LockRetry retry = LockRetry.standard();
    private volatile long nextCleanup;

    LinkRateLimiter(JpaTemplate jpa, int perHour, Clock clock) {
        this.jpa = jpa;
        this.perHour = perHour;
        this.clock = clock;
    }

    /** Counts a submission of an address against the hourly limit of the shared link (THROTTLED beyond). */
    void admit(long questionnaireId, String client) {
        long now = clock.millis();
        String key = client.length() > MAX_CLIENT ? client.substring(0, MAX_CLIENT) : client;
        long window = now - Math.floorMod(now, WINDOW);
        int submitted = retry.call(() -> jpa.txExpr(TransactionType.Required, em -> {
            try (Connection c = em.unwrap(Connection.class)) {
                count(c, questionnaireId, key, window);
                int inHour = inHour(c, questionnaireId, key, window);
                if (inHour > perHour) {
                    // rolls the count back: a refused attempt is not a submission
                    throw new SupervisionException(ProblemKind.THROTTLED, "提交过于频繁",
                            "同一网络一小时内最多提交 " + perHour + " 份，请稍后再试", null);
                }
                return inHour;
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }));
        LOG.trace("link submission {} of {} this hour for questionnaire {}", submitted, perHour, questionnaireId);
        cleanUp(now);
    }

    /** Adds one to the window's row, inserting it when it is the window's first submission. */
    private static void count(Connection c, long questionnaireId, String client, long window) throws SQLException {
        for (int attempt = 0; ; attempt++) {
            try (PreparedStatement up = c.prepareStatement("UPDATE SV_SURVEY_LINK_RATE SET SUBMISSIONS = SUBMISSIONS + 1"
                    + " WHERE QUESTIONNAIREID = ? AND CLIENT = ? AND WINDOWSTART = ?")) {
                up.setLong(1, questionnaireId);
                up.setString(2, client);
                up.setLong(3, window);
                if (up.executeUpdate() == 1) {
                    return;
                }
            }
            if (insert(c, questionnaireId, client, window)) {
                return;
            }
            if (attempt > 0) {
                throw new SQLException("SV_SURVEY_LINK_RATE row neither updated nor inserted");
            }
            // another node inserted the window's row meanwhile: count on it
        }
    }

    /**
     * The window's first row; false when another node inserted it first. PostgreSQL skips the duplicate
     * ({@code ON CONFLICT DO NOTHING}), which would otherwise abort the transaction (and under the XA pool a savepoint
     * cannot undo it); Derby refuses the statement alone.
     */
    private static boolean insert(Connection c, long questionnaireId, String client, long window) throws SQLException {
        String sql = "INSERT INTO SV_SURVEY_LINK_RATE (QUESTIONNAIREID, CLIENT, WINDOWSTART, SUBMISSIONS) VALUES (?, ?, ?, 1)";
        boolean postgresql = c.getMetaData().getDatabaseProductName().startsWith("PostgreSQL");
        try (PreparedStatement s = c.prepareStatement(postgresql ? sql + " ON CONFLICT DO NOTHING" : sql)) {
            s.setLong(1, questionnaireId);
            s.setString(2, client);
            s.setLong(3, window);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
            return false;
        }
    }

    /** The address's submissions in the windows of the hour ending with {@code window}. */
    private static int inHour(Connection c, long questionnaireId, String client, long window) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT SUM(SUBMISSIONS) FROM SV_SURVEY_LINK_RATE"
                + " WHERE QUESTIONNAIREID = ? AND CLIENT = ? AND WINDOWSTART > ?")) {
            s.setLong(1, questionnaireId);
            s.setString(2, client);
            s.setLong(3, window - HOUR);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    /** Deletes the windows past the hour, at most once a minute on this node; a failure only postpones it. */
    private void cleanUp(long now) {
        if (now < nextCleanup) {
            return;
        }
        nextCleanup = now + CLEANUP_MILLIS;
        long before = now - Math.floorMod(now, WINDOW) - HOUR;
        try {
            int n = jpa.txExpr(TransactionType.Required, em -> {
                try (Connection c = em.unwrap(Connection.class);
                     PreparedStatement d = c.prepareStatement("DELETE FROM SV_SURVEY_LINK_RATE WHERE WINDOWSTART <= ?")) {
                    d.setLong(1, before);
                    return d.executeUpdate();
                } catch (SQLException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            });
            LOG.debug("Deleted {} shared-link windows past the hour", n);
        } catch (RuntimeException e) {
            LOG.warn("Deleting old shared-link windows failed, next try in {} s: {}", CLEANUP_MILLIS / 1_000, e.toString());
        }
    }
}
