package cn.supervision.api.tx;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * A lock named by a string and held by the calling transaction until it commits or rolls back, in the database: what a
 * JVM monitor did for one platform node, for every node on the same database. Two transactions holding the same name
 * run one after the other; the second waits at {@link #hold} and, once it holds the lock, every statement it runs sees
 * what the first committed (both databases run at READ COMMITTED). Take it first in the transaction, before reading
 * what it guards.
 * <p>
 * The lock is a row of {@code SV_LOCK} (created by {@code bundles/schema} before any bundle's own changelog): holding
 * it is {@code UPDATE SV_LOCK SET HOLDS = HOLDS + 1 WHERE NAME = ?}, whose row lock both Derby and PostgreSQL keep to
 * the end of the transaction. A name used for the first time is inserted instead (the new row is locked the same way);
 * two first users race on the primary key, the loser waits for the winner's transaction and then takes the existing
 * row. The same statements run on both databases; only a lost insert race is reported differently: PostgreSQL is told
 * {@code ON CONFLICT DO NOTHING} (a failed statement would abort its whole transaction, and savepoints are refused
 * under the platform's XA pool), Derby's duplicate key (23505) undoes only that statement. No savepoint, no
 * session-level lock: it works wherever a transaction's statements do, the XA pool included, and a node that dies
 * releases its locks with its connections. (A {@code SELECT ... FOR UPDATE} would not do: at READ COMMITTED Derby
 * releases that lock when the cursor moves off the row.)
 * <p>
 * Waiting is bounded by the database's lock timeout (Derby {@code derby.locks.waitTimeout}, PostgreSQL
 * {@code lock_timeout}); a wait given up or a deadlock comes out as the database's SQLException (or as its cause), which
 * {@link LockRetry} recognises. Names are short, stable and say what they guard, e.g.
 * {@code assessment:370500:2026}; at most {@link #MAX_NAME} characters.
 */
public final class TransactionLock {
    public static final int MAX_NAME = 200;
    static final String TAKE = "UPDATE SV_LOCK SET HOLDS = HOLDS + 1 WHERE NAME = ?";
    static final String CREATE = "INSERT INTO SV_LOCK (NAME, HOLDS) VALUES (?, 1)";
    /** A row is never deleted, so one lost insert race is followed by a successful update; three rounds is generous. */
    private static final int ROUNDS = 3;

    private TransactionLock() {
    }

    /**
     * Holds the lock {@code name} in the transaction {@code transaction} belongs to (not in auto-commit mode: there
     * the lock would end with the statement), waiting while another transaction holds it.
     */
    public static void hold(Connection transaction, String name) throws SQLException {
        check(name);
        String create = transaction.getMetaData().getDatabaseProductName().startsWith("PostgreSQL")
                ? CREATE + " ON CONFLICT DO NOTHING" : CREATE;
        for (int round = 0; round < ROUNDS; round++) {
            try (PreparedStatement take = transaction.prepareStatement(TAKE)) {
                take.setString(1, name);
                if (take.executeUpdate() == 1) {
                    return;
                }
            }
            try (PreparedStatement insert = transaction.prepareStatement(create)) {
                insert.setString(1, name);
                if (insert.executeUpdate() == 1) {
                    return;
                }
            } catch (SQLException e) {
                if (!"23505".equals(e.getSQLState())) {
                    throw e;
                }
            }
        }
        throw new SQLException("lock " + name + " in SV_LOCK could be neither taken nor created");
    }

    /**
     * {@link #hold(Connection, String)} on the connection {@code transactionConnection} answers, closed afterwards: for
     * JPA {@code () -> em.unwrap(Connection.class)}, OpenJPA's handle on the transaction's connection, which closing
     * only releases. A database failure comes out unchecked with the SQLException as its cause.
     */
    public static void hold(Supplier<Connection> transactionConnection, String name) {
        check(name);
        try (Connection c = transactionConnection.get()) {
            hold(c, name);
        } catch (SQLException e) {
            throw new IllegalStateException("数据库锁 " + name + " 未能取得：" + e.getMessage(), e);
        }
    }

    private static void check(String name) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw new IllegalArgumentException("a lock name of 1 to " + MAX_NAME + " characters expected: " + name);
        }
    }
}
