package cn.supervision.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;


import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.TransactionType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.supervision.api.security.LoginThrottledException;
import cn.supervision.testing.AbstractJpaTemplate;
import cn.supervision.testing.LocalJpaTemplate;
import cn.supervision.testing.TestDatabase;

/**
 * Two nodes (two authenticators, each with its own throttle and credential cache) on one database, as behind a load
 * balancer that alternates: a guesser gets no more attempts than from one node, a usual source learned on one node
 * counts on the other, and a login answered from the cache writes nothing.
 */
class SharedThrottleTest {
    @TempDir
    Path dir;
    private TestRealm realm;
    private final AtomicLong now = new AtomicLong(1_000_000_000_000L);
    private final LocalJpaTemplate database = new LocalJpaTemplate(LoginThrottleTest.UNIT, LoginThrottleTest.XML);
    private final LocalJpaTemplate secondNode = database.secondNode();
    private final Counting jpa = new Counting(database);
    private final Counting jpaB = new Counting(secondNode);

    /** A node's database (its own EntityManagerFactory and connections), counting the transactions of each kind it opens. */
    private static final class Counting extends AbstractJpaTemplate {
        final Map<TransactionType, Integer> opened = new EnumMap<>(TransactionType.class);
        private final org.apache.aries.jpa.template.JpaTemplate node;

        Counting(LocalJpaTemplate node) {
            this.node = node.jdbcInTransaction(); // SQL inside the transactions, as under JTA
        }

        @Override
        public <R> R txExpr(TransactionType type, EmFunction<R> code) {
            opened.merge(type, 1, Integer::sum);
            return node.txExpr(type, code);
        }

        int writes() {
            return opened.getOrDefault(TransactionType.Required, 0);
        }
    }

    @BeforeEach
    void realm() throws Exception {
        realm = TestRealm.install(dir, UserFileLoginModule.class);
    }

    @AfterEach
    void restore() {
        realm.close();
        secondNode.close();
        database.close();
    }

    private JaasAuthenticator nodeA() {
        return new JaasAuthenticator(TestRealm.NAME, jpa, now::get);
    }

    private JaasAuthenticator nodeB() {
        return new JaasAuthenticator(TestRealm.NAME, jpaB, now::get);
    }

    @Test
    void aGuesserAlternatingBetweenTwoNodesGetsNoExtraAttempts() {
        JaasAuthenticator[] nodes = {nodeA(), nodeB()};
        for (int i = 0; i <= LoginThrottle.FREE_PER_SOURCE; i++) {
            assertFalse(nodes[i % 2].authenticate("city", ("guess" + i).toCharArray(), "203.0.113.7").isPresent());
        }
        for (JaasAuthenticator node : nodes) {
            LoginThrottledException e = assertThrows(LoginThrottledException.class,
                    () -> node.authenticate("city", "right-password".toCharArray(), "203.0.113.7"),
                    "the fourth failure counted on both nodes: the next attempt waits wherever it lands");
            assertEquals(LoginThrottle.BASE_DELAY_MILLIS / 1_000, e.retryAfterSeconds());
        }
        now.addAndGet(LoginThrottle.BASE_DELAY_MILLIS);
        assertFalse(nodes[1].authenticate("city", "guess-5".toCharArray(), "203.0.113.7").isPresent());
        assertEquals(2 * LoginThrottle.BASE_DELAY_MILLIS / 1_000, assertThrows(LoginThrottledException.class,
                () -> nodes[0].authenticate("city", "guess-6".toCharArray(), "203.0.113.7")).retryAfterSeconds(),
                "and the doubling goes on across nodes");
    }

    @Test
    void aUsualSourceLearnedOnOneNodeCountsOnTheOther() {
        JaasAuthenticator a = nodeA();
        JaasAuthenticator b = nodeB();
        assertTrue(a.authenticate("city", "right-password".toCharArray(), "192.168.1.20").isPresent());
        for (int i = 0; i <= LoginThrottle.FREE_PER_USER; i++) {
            assertFalse((i % 2 == 0 ? a : b).authenticate("city", ("guess" + i).toCharArray(), "198.51.100." + i).isPresent());
        }
        assertThrows(LoginThrottledException.class, () -> a.authenticate("city", "right-password".toCharArray(), "198.51.100.200"));
        assertThrows(LoginThrottledException.class, () -> b.authenticate("city", "right-password".toCharArray(), "198.51.100.201"),
                "the per-user count is the same on both nodes");
        assertTrue(b.authenticate("city", "right-password".toCharArray(), "192.168.1.20").isPresent(),
                "the workstation the user logged in from on node A is usual on node B too");
    }

    /**
     * Logs in until the credentials are answered from the cache with a clearance: the first login of a test may not be
     * cached (it is not when it reads a users file for the first time in this JVM), the next is, the one after is cleared.
     */
    private static void cachedAndCleared(JaasAuthenticator node, String source) {
        for (int i = 0; i < 3; i++) {
            assertTrue(node.authenticate("city", "right-password".toCharArray(), source).isPresent());
        }
    }

    @Test
    void aGuesserCannotRideOnTheRealUsersClearanceFromTheSameAddress() {
        JaasAuthenticator a = nodeA();
        cachedAndCleared(a, "10.0.0.9");
        for (int i = 0; i <= LoginThrottle.FREE_PER_SOURCE; i++) {
            assertFalse(a.authenticate("city", ("guess" + i).toCharArray(), "10.0.0.9").isPresent());
        }
        assertThrows(LoginThrottledException.class, () -> a.authenticate("city", "right-password".toCharArray(), "10.0.0.9"),
                "the failures on this node forgot the clearance: the right password waits like any other attempt");
    }

    @Test
    void aFailureCountedOnTheOtherNodeIsSeenWithinASecond() {
        JaasAuthenticator a = nodeA();
        JaasAuthenticator b = nodeB();
        cachedAndCleared(a, "10.0.0.9");
        for (int i = 0; i <= LoginThrottle.FREE_PER_SOURCE; i++) {
            assertFalse(b.authenticate("city", ("guess" + i).toCharArray(), "10.0.0.9").isPresent());
        }
        assertTrue(a.authenticate("city", "right-password".toCharArray(), "10.0.0.9").isPresent(),
                "A does not see B's failures for the rest of its second (only someone holding the password gets through)");
        now.addAndGet(RecentClearance.TTL_MILLIS);
        assertThrows(LoginThrottledException.class, () -> a.authenticate("city", "right-password".toCharArray(), "10.0.0.9"),
                "a second later A reads the counts again");
    }

    @Test
    void onlyAVerifiedPasswordWritesAndACachedOneWritesNothing() throws Exception {
        JaasAuthenticator a = nodeA();
        JaasAuthenticator b = nodeB();
        assertTrue(a.authenticate("city", "right-password".toCharArray(), "10.0.0.1").isPresent());
        assertEquals(1, jpa.writes(), "the first login records its usual source");
        cachedAndCleared(a, "10.0.0.1");
        int reads = jpa.opened.get(TransactionType.Supports);
        int requests = 1_000;
        long start = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            assertTrue(a.authenticate("city", "right-password".toCharArray(), "10.0.0.1").isPresent());
        }
        double perRequest = (System.nanoTime() - start) / 1e6 / requests;
        assertEquals(1, jpa.writes(), "HTTP Basic answered from the cache: no write");
        assertEquals(reads, jpa.opened.get(TransactionType.Supports),
                "cached credentials the throttle cleared less than a second ago: the throttle is not read again");
        now.addAndGet(RecentClearance.TTL_MILLIS);
        assertTrue(a.authenticate("city", "right-password".toCharArray(), "10.0.0.1").isPresent());
        assertEquals(reads + 1, jpa.opened.get(TransactionType.Supports), "a second later it is read again");
        assertTrue(b.authenticate("city", "right-password".toCharArray(), "10.0.0.1").isPresent());
        now.addAndGet(CredentialCache.TTL_MILLIS + 1);
        assertTrue(a.authenticate("city", "right-password".toCharArray(), "10.0.0.1").isPresent());
        assertEquals(1, jpa.writes() + jpaB.writes(), "verified again (other node, cache expired): nothing to change, nothing written");
        assertFalse(b.authenticate("city", "wrong-password".toCharArray(), "10.0.0.1").isPresent());
        assertTrue(jpaB.writes() > 0, "a failure is written");

        // the read alone on one open connection, as a pooled one in production (the template above opens a new
        // connection per call: on PostgreSQL that is a SCRAM login each time, which is what dominates its figure)
        double perRead;
        double perFailure;
        try (java.sql.Connection c = database.database().connect()) {
            LoginRecords records = new LoginRecords();
            for (int i = 0; i < 200; i++) {
                records.standing(c, "city", "10.0.0.1", now.get());
            }
            long readStart = System.nanoTime();
            for (int i = 0; i < requests; i++) {
                records.standing(c, "city", "10.0.0.1", now.get());
            }
            perRead = (System.nanoTime() - readStart) / 1e6 / requests;
            // a wrong password's writes: both counts raised and blocked, one commit
            c.setAutoCommit(false);
            int failures = 200;
            long writeStart = System.nanoTime();
            for (int i = 0; i < failures; i++) {
                for (String origin : new String[] {"10.0.0." + (i % 50), LoginRecords.ANY}) {
                    records.countFailure(c, "bench-" + (i % 20), origin, now.get(), now.get() + 60_000);
                    records.block(c, "bench-" + (i % 20), origin, 0);
                }
                c.commit();
            }
            perFailure = (System.nanoTime() - writeStart) / 1e6 / failures;
        }
        Path report = Path.of("target", "login-throttle-cost.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, String.format(Locale.ROOT, "%s: %d HTTP Basic requests answered from the credential cache, "
                + "%.3f ms each through the test template (a new connection per call), no write; the throttle's read alone "
                + "(one query, two primary-key lookups) on an open connection %.3f ms; a wrong password's writes (two counts, "
                + "one commit) %.3f ms%n",
                TestDatabase.postgresql() ? "PostgreSQL" : "Derby in memory", requests, perRequest, perRead, perFailure));
    }
}
