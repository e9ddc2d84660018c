package cn.supervision.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.XAConnection;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

import org.apache.aries.jpa.template.JpaTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import cn.supervision.api.tx.TransactionLock;

/**
 * The named transaction lock as two platform nodes use it: two templates (each its own EntityManagerFactory and
 * connections) on one database, each transaction a read-modify-write of one counter under the lock. The second waits
 * for the first to end and then reads what it committed; a name used for the first time by both at once, or left by a
 * holder that rolled back, is no different; under an XA branch on PostgreSQL the lost insert race leaves the branch
 * usable. On Derby and (-P postgresql) PostgreSQL.
 */
class TransactionLockTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private LocalJpaTemplate first;
    private LocalJpaTemplate secondNode;
    /** The two nodes, with the lock's SQL in their transactions as under JTA. */
    private JpaTemplate one;
    private JpaTemplate second;
    private CommitGate gate;

    @BeforeEach
    void open() throws SQLException {
        first = new LocalJpaTemplate("lock-test", "META-INF/lock-test-persistence.xml");
        secondNode = first.secondNode();
        one = first.jdbcInTransaction();
        second = secondNode.jdbcInTransaction();
        gate = new CommitGate(one);
        try (Connection c = first.database().connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE T_COUNTER (ID INT NOT NULL PRIMARY KEY, N INT NOT NULL)");
            s.execute("INSERT INTO T_COUNTER (ID, N) VALUES (1, 0)");
        }
    }

    @AfterEach
    void close() {
        gate.open();
        secondNode.close();
        first.close();
    }

    /** One node's transaction: the lock, then the counter read and written back one higher. */
    private static int increment(JpaTemplate node, String lock) {
        return node.txExpr(em -> {
            TransactionLock.hold(() -> em.unwrap(Connection.class), lock);
            try (Connection c = em.unwrap(Connection.class);
                 PreparedStatement read = c.prepareStatement("SELECT N FROM T_COUNTER WHERE ID = 1");
                 PreparedStatement write = c.prepareStatement("UPDATE T_COUNTER SET N = ? WHERE ID = 1")) {
                int n;
                try (ResultSet r = read.executeQuery()) {
                    r.next();
                    n = r.getInt(1);
                }
                write.setInt(1, n + 1);
                write.executeUpdate();
                return n + 1;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private int counter() throws SQLException {
        try (Connection c = first.database().connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT N FROM T_COUNTER WHERE ID = 1")) {
            r.next();
            return r.getInt(1);
        }
    }

    private long holds(String name) throws SQLException {
        try (Connection c = first.database().connect();
             PreparedStatement s = c.prepareStatement("SELECT HOLDS FROM SV_LOCK WHERE NAME = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : 0;
            }
        }
    }

    @ParameterizedTest(name = "lock row already there: {0}")
    @ValueSource(booleans = {true, false})
    void theSecondNodeWaitsForTheFirstAndReadsWhatItCommitted(boolean used) throws Exception {
        if (used) {
            increment(one, "counter"); // the row exists: both update it
        }
        int before = counter();
        gate.holdNext();
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> increment(gate, "counter"));
        gate.awaitHeld(); // A holds the lock and wrote, uncommitted
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> increment(second, "counter"));
        assertTrue(first.database().awaitLockWait("SV_LOCK", WAIT), "the second node waits for the lock");
        assertFalse(b.isDone());
        gate.open();
        assertEquals(before + 1, a.get(30, TimeUnit.SECONDS));
        assertEquals(before + 2, b.get(30, TimeUnit.SECONDS), "the second read what the first committed");
        assertEquals(before + 2, counter());
        assertEquals(used ? 3 : 2, holds("counter"));
    }

    @ParameterizedTest(name = "lock row already there: {0}")
    @ValueSource(booleans = {true, false})
    void anotherNameDoesNotWait(boolean used) throws Exception {
        if (used) {
            increment(one, "other");
        }
        gate.holdNext();
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> second.txExpr(em -> {
            TransactionLock.hold(() -> em.unwrap(Connection.class), "counter");
            return 0;
        }));
        a.get(30, TimeUnit.SECONDS);
        CompletableFuture<Integer> held = CompletableFuture.supplyAsync(() -> gate.txExpr(em -> {
            TransactionLock.hold(() -> em.unwrap(Connection.class), "counter");
            return 0;
        }));
        gate.awaitHeld();
        int done = second.txExpr(em -> {
            TransactionLock.hold(() -> em.unwrap(Connection.class), "other");
            return 1;
        });
        assertEquals(1, done, "not held up by the lock another name holds");
        gate.open();
        held.get(30, TimeUnit.SECONDS);
    }

    @ParameterizedTest(name = "lock row already there: {0}")
    @ValueSource(booleans = {true, false})
    void aHolderThatRollsBackLeavesTheLockToTheNext(boolean used) throws Exception {
        if (used) {
            increment(one, "counter");
        }
        try (Connection a = first.database().connect(); Connection b = first.database().connect()) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            TransactionLock.hold(a, "counter");
            CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
                try {
                    TransactionLock.hold(b, "counter");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(first.database().awaitLockWait("SV_LOCK", WAIT));
            assertFalse(waiting.isDone());
            a.rollback();
            waiting.get(30, TimeUnit.SECONDS);
            b.commit();
        }
        assertEquals(used ? 2 : 1, holds("counter"));
    }

    @ParameterizedTest(name = "name \"{0}\"")
    @ValueSource(strings = {"", " "})
    void aNameIsRequired(String name) {
        assertThrows(IllegalArgumentException.class, () -> one.tx(em -> TransactionLock.hold(() -> em.unwrap(Connection.class), name)));
        assertThrows(IllegalArgumentException.class, () -> TransactionLock.hold(() -> null, "x".repeat(TransactionLock.MAX_NAME + 1)));
    }

    /**
     * Production's pool is XA: a statement failing inside an active branch would doom it (savepoints are refused
     * there). Two branches use a new name at once; the loser's insert finds the winner's row, and its branch goes on,
     * takes the lock and commits its own write.
     */
    @Test
    void underXaTheLoserOfTheFirstInsertKeepsItsBranch() throws Exception {
        assumeTrue(TestDatabase.postgresql(), "XA branches by hand need PostgreSQL (-P postgresql)");
        javax.sql.XADataSource xa = first.database().postgresqlXa();
        XAConnection xa1 = xa.getXAConnection();
        XAConnection xa2 = xa.getXAConnection();
        try {
            XAResource r1 = xa1.getXAResource();
            XAResource r2 = xa2.getXAResource();
            Xid x1 = xid(1);
            Xid x2 = xid(2);
            r1.start(x1, XAResource.TMNOFLAGS);
            TransactionLock.hold(xa1.getConnection(), "xa");
            r2.start(x2, XAResource.TMNOFLAGS);
            Connection c2 = xa2.getConnection();
            CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
                try {
                    TransactionLock.hold(c2, "xa");
                    try (Statement s = c2.createStatement()) {
                        s.executeUpdate("UPDATE T_COUNTER SET N = N + 1 WHERE ID = 1");
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(first.database().awaitLockWait("SV_LOCK", WAIT));
            r1.end(x1, XAResource.TMSUCCESS);
            r1.prepare(x1);
            r1.commit(x1, false);
            waiting.get(30, TimeUnit.SECONDS);
            r2.end(x2, XAResource.TMSUCCESS);
            assertEquals(XAResource.XA_OK, r2.prepare(x2));
            r2.commit(x2, false);
        } finally {
            xa1.close();
            xa2.close();
        }
        assertEquals(1, counter());
        assertEquals(2, holds("xa"));
    }

    private static Xid xid(int n) {
        byte[] global = ("lock-xa-" + n + "-" + System.nanoTime()).getBytes(StandardCharsets.US_ASCII);
        return new Xid() {
            @Override
            public int getFormatId() {
                return 4712;
            }

            @Override
            public byte[] getGlobalTransactionId() {
                return global;
            }

            @Override
            public byte[] getBranchQualifier() {
                return new byte[] {1};
            }
        };
    }
}
