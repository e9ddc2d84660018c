package cn.supervision.security.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The login throttle's rows, in plain SQL on the connection of the caller's transaction: {@code SV_LOGIN_FAILURE}
 * (failures per user and origin, {@link #ANY} for all origins) and {@code SV_LOGIN_SOURCE} (the origins a user logged in
 * from). A count is raised by one UPDATE that takes the row's lock, so two nodes counting the same failure row take
 * turns and neither loses the other's; a missing row is inserted first, which on PostgreSQL skips a row another node
 * inserted meanwhile ({@code ON CONFLICT DO NOTHING}: its transaction must not be aborted by a duplicate, and under the
 * XA pool a savepoint cannot undo one) and on Derby is a duplicate refused by the statement alone.
 */
final class LoginRecords {
    /** The origin of the per-user row, which counts failures from every origin. */
    static final String ANY = "*";

    /** What the database holds for a user and origin; {@code lastOk} 0 when the user never logged in from there. */
    record Standing(long sourceBlockedUntil, boolean sourceFailures, long userBlockedUntil, long lastOk) {
        static final Standing NONE = new Standing(0, false, 0, 0);
    }

    private static final String STANDING = "SELECT ORIGIN, BLOCKEDUNTIL, EXPIRESAT, 0 FROM SV_LOGIN_FAILURE"
            + " WHERE USERNAME = ? AND ORIGIN IN (?, '" + ANY + "')"
            + " UNION ALL SELECT ORIGIN, 0, 0, LASTOKAT FROM SV_LOGIN_SOURCE WHERE USERNAME = ? AND ORIGIN = ?";

    /** One query, two primary-key lookups: the failure rows of this user and origin, and whether the origin is usual. */
    Standing standing(Connection c, String user, String origin, long now) throws SQLException {
        long sourceBlocked = 0;
        long userBlocked = 0;
        long lastOk = 0;
        boolean sourceFailures = false;
        try (PreparedStatement s = c.prepareStatement(STANDING)) {
            s.setString(1, user);
            s.setString(2, origin);
            s.setString(3, user);
            s.setString(4, origin);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long okAt = r.getLong(4);
                    if (okAt > 0) {
                        lastOk = okAt;
                    } else if (r.getLong(3) > now) { // a count not yet forgotten
                        if (ANY.equals(r.getString(1))) {
                            userBlocked = r.getLong(2);
                        } else {
                            sourceBlocked = r.getLong(2);
                            sourceFailures = true;
                        }
                    }
                }
            }
        }
        return new Standing(sourceBlocked, sourceFailures, userBlocked, lastOk);
    }

    /**
     * One more failure of {@code user} from {@code origin} (a count forgotten by {@code now} starts again at 1); the row
     * stays locked until the transaction ends. Answers the new count.
     */
    int countFailure(Connection c, String user, String origin, long now, long expiresAt) throws SQLException {
        for (int attempt = 0; ; attempt++) {
            try (PreparedStatement up = c.prepareStatement("UPDATE SV_LOGIN_FAILURE SET FAILURES = CASE WHEN EXPIRESAT <= ?"
                    + " THEN 1 ELSE FAILURES + 1 END, EXPIRESAT = ? WHERE USERNAME = ? AND ORIGIN = ?")) {
                up.setLong(1, now);
                up.setLong(2, expiresAt);
                up.setString(3, user);
                up.setString(4, origin);
                if (up.executeUpdate() == 1) {
                    break;
                }
            }
            if (insert(c, "INSERT INTO SV_LOGIN_FAILURE (USERNAME, ORIGIN, FAILURES, BLOCKEDUNTIL, EXPIRESAT) VALUES (?, ?, 1, 0, ?)",
                    user, origin, expiresAt)) {
                break;
            }
            if (attempt > 0) {
                throw new SQLException("SV_LOGIN_FAILURE row of " + origin + " neither updated nor inserted");
            }
            // another node inserted it meanwhile: count on its row
        }
        try (PreparedStatement q = c.prepareStatement("SELECT FAILURES FROM SV_LOGIN_FAILURE WHERE USERNAME = ? AND ORIGIN = ?")) {
            q.setString(1, user);
            q.setString(2, origin);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    void block(Connection c, String user, String origin, long until) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE SV_LOGIN_FAILURE SET BLOCKEDUNTIL = ? WHERE USERNAME = ? AND ORIGIN = ?")) {
            s.setLong(1, until);
            s.setString(2, user);
            s.setString(3, origin);
            s.executeUpdate();
        }
    }

    void clearFailures(Connection c, String user, String origin) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM SV_LOGIN_FAILURE WHERE USERNAME = ? AND ORIGIN = ?")) {
            s.setString(1, user);
            s.setString(2, origin);
            s.executeUpdate();
        }
    }

    /** Records a successful login from {@code origin}; the user keeps their {@code keep} latest origins since {@code since}. */
    void loggedIn(Connection c, String user, String origin, long now, int keep, long since) throws SQLException {
        boolean stored;
        try (PreparedStatement up = c.prepareStatement("UPDATE SV_LOGIN_SOURCE SET LASTOKAT = ? WHERE USERNAME = ? AND ORIGIN = ?")) {
            up.setLong(1, now);
            up.setString(2, user);
            up.setString(3, origin);
            stored = up.executeUpdate() == 1;
        }
        if (!stored) {
            // a duplicate means another node recorded the same login a moment ago: good enough
            insert(c, "INSERT INTO SV_LOGIN_SOURCE (USERNAME, ORIGIN, LASTOKAT) VALUES (?, ?, ?)", user, origin, now);
        }
        List<String> dropped = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT ORIGIN, LASTOKAT FROM SV_LOGIN_SOURCE WHERE USERNAME = ?"
                + " ORDER BY LASTOKAT DESC")) {
            q.setString(1, user);
            try (ResultSet r = q.executeQuery()) {
                for (int n = 0; r.next(); n++) {
                    if (n >= keep || r.getLong(2) <= since) {
                        dropped.add(r.getString(1));
                    }
                }
            }
        }
        if (!dropped.isEmpty()) {
            try (PreparedStatement d = c.prepareStatement("DELETE FROM SV_LOGIN_SOURCE WHERE USERNAME = ? AND ORIGIN = ?")) {
                for (String o : dropped) {
                    d.setString(1, user);
                    d.setString(2, o);
                    d.addBatch();
                }
                d.executeBatch();
            }
        }
    }

    /** Forgets counts past their time and origins not used since {@code usualSince}; answers the rows deleted. */
    int forget(Connection c, long now, long usualSince) throws SQLException {
        try (PreparedStatement f = c.prepareStatement("DELETE FROM SV_LOGIN_FAILURE WHERE EXPIRESAT <= ?");
             PreparedStatement s = c.prepareStatement("DELETE FROM SV_LOGIN_SOURCE WHERE LASTOKAT <= ?")) {
            f.setLong(1, now);
            s.setLong(1, usualSince);
            return f.executeUpdate() + s.executeUpdate();
        }
    }

    /** Inserts a row of (user, origin, value...); false when the key exists already, however the database says so. */
    private static boolean insert(Connection c, String sql, String user, String origin, long value) throws SQLException {
        boolean postgresql = c.getMetaData().getDatabaseProductName().startsWith("PostgreSQL");
        try (PreparedStatement s = c.prepareStatement(postgresql ? sql + " ON CONFLICT DO NOTHING" : sql)) {
            s.setString(1, user);
            s.setString(2, origin);
            s.setLong(3, value);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
            return false;
        }
    }
}
