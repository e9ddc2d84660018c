package cn.supervision.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.supervision.testing.LocalJpaTemplate;

/** The throttle's rules, on its tables (in-memory Derby, or PostgreSQL with -P postgresql). */
class LoginThrottleTest {
    static final String UNIT = "security-test";
    static final String XML = "META-INF/security-test-persistence.xml";

    private final AtomicLong now = new AtomicLong(1_000_000_000_000L);
    private final LocalJpaTemplate jpa = new LocalJpaTemplate(UNIT, XML);
    private final LocalJpaTemplate otherNode = jpa.secondNode();
    // the throttle's SQL inside its transactions, as under JTA
    private final LoginThrottle throttle = new LoginThrottle(jpa.jdbcInTransaction(), now::get);

    @AfterEach
    void close() {
        otherNode.close();
        jpa.close();
    }

    @Test
    void delaysGrowPerUserAndSourceAndAreForgottenAfterAWhile() {
        for (int i = 0; i < LoginThrottle.FREE_PER_SOURCE; i++) {
            assertEquals(0, throttle.waitMillis("city", "10.0.0.9"));
            throttle.failed("city", "10.0.0.9");
        }
        assertEquals(0, throttle.waitMillis("city", "10.0.0.9"), "the free failures cost nothing");
        throttle.failed("city", "10.0.0.9");
        long base = LoginThrottle.BASE_DELAY_MILLIS;
        assertEquals(base, throttle.waitMillis("city", "10.0.0.9"));
        now.addAndGet(base - 1);
        assertEquals(1, throttle.waitMillis("city", "10.0.0.9"));
        now.addAndGet(1);
        throttle.failed("city", "10.0.0.9");
        assertEquals(2 * base, throttle.waitMillis("city", "10.0.0.9"));
        now.addAndGet(2 * base);
        throttle.failed("city", "10.0.0.9");
        assertEquals(4 * base, throttle.waitMillis("city", "10.0.0.9"), "each further failure doubles the wait");
        assertEquals(0, throttle.waitMillis("city", "10.0.0.10"), "another source is not slowed by this one's few failures");
        assertEquals(0, throttle.waitMillis("other", "10.0.0.9"), "nor another user");
        now.addAndGet(LoginThrottle.FORGET_MILLIS + LoginThrottle.MAX_DELAY_MILLIS);
        throttle.failed("city", "10.0.0.9");
        assertEquals(0, throttle.waitMillis("city", "10.0.0.9"), "an old count is forgotten");
        assertEquals(LoginThrottle.MAX_DELAY_MILLIS, LoginThrottle.delay(1_000), "capped, never a permanent lock");
    }

    @Test
    void guessesSpreadOverManySourcesSlowTheUserDownExceptFromTheUsualSource() {
        throttle.succeeded("city", "192.168.1.20");
        for (int i = 0; i <= LoginThrottle.FREE_PER_USER; i++) {
            String source = "203.0.113." + i;
            assertEquals(0, throttle.waitMillis("city", source));
            throttle.failed("city", source);
        }
        assertTrue(throttle.waitMillis("city", "198.51.100.1") > 0, "a fresh address of the guesser waits too");
        assertEquals(0, throttle.waitMillis("city", "192.168.1.20"), "the real user's usual source is not locked out");
        throttle.failed("city", "192.168.1.20");
        assertEquals(0, throttle.waitMillis("city", "192.168.1.20"), "a typo at the usual source counts only there");
    }

    @Test
    void aSuccessClearsItsSourceAndAUsualSourceLastsThirtyDaysWithoutBeingWrittenOnEveryLogin() throws Exception {
        for (int i = 0; i <= LoginThrottle.FREE_PER_SOURCE; i++) {
            throttle.failed("city", "10.0.0.9");
        }
        now.addAndGet(LoginThrottle.BASE_DELAY_MILLIS);
        throttle.succeeded("city", "10.0.0.9");
        assertEquals(0, rows("SV_LOGIN_FAILURE WHERE ORIGIN = '10.0.0.9'"), "the source's failures are cleared");
        long first = lastOk("city", "10.0.0.9");
        now.addAndGet(LoginThrottle.REFRESH_MILLIS - 1);
        throttle.succeeded("city", "10.0.0.9");
        assertEquals(first, lastOk("city", "10.0.0.9"), "refreshed at most once a day");
        now.addAndGet(1);
        throttle.succeeded("city", "10.0.0.9");
        assertEquals(now.get(), lastOk("city", "10.0.0.9"));
        now.addAndGet(LoginThrottle.USUAL_SOURCE_MILLIS - 1);
        for (int i = 0; i <= LoginThrottle.FREE_PER_USER; i++) {
            throttle.failed("city", "203.0.113." + i);
        }
        assertTrue(throttle.waitMillis("city", "198.51.100.1") > 0);
        assertEquals(0, throttle.waitMillis("city", "10.0.0.9"), "still usual");
        now.addAndGet(1);
        assertTrue(throttle.waitMillis("city", "10.0.0.9") > 0, "thirty days without a login: no longer usual");
    }

    @Test
    void aUserKeepsTheirLatestUsualSourcesOnly() throws Exception {
        for (int i = 0; i < LoginThrottle.USUAL_SOURCES_PER_USER + 3; i++) {
            throttle.succeeded("city", "10.0.1." + i);
            now.addAndGet(1_000);
        }
        assertEquals(LoginThrottle.USUAL_SOURCES_PER_USER, rows("SV_LOGIN_SOURCE WHERE USERNAME = 'city'"));
        assertEquals(0, rows("SV_LOGIN_SOURCE WHERE ORIGIN = '10.0.1.0'"), "the oldest gave way");
    }

    @Test
    void anIpv6ClientCannotTakeAFreshAddressForEveryGuess() {
        assertEquals("2001:0db8:0001:0002::/64", LoginThrottle.source("2001:db8:1:2:a:b:c:d"));
        assertEquals("2001:0db8:0001:0002::/64", LoginThrottle.source("[2001:db8:1:2::ffff]"));
        assertEquals("203.0.113.7", LoginThrottle.source("::ffff:203.0.113.7"), "IPv4-mapped is the IPv4 address");
        assertEquals("203.0.113.7", LoginThrottle.source("203.0.113.7"));
        assertEquals("unknown", LoginThrottle.source("unknown"));
        for (int i = 0; i <= LoginThrottle.FREE_PER_SOURCE; i++) {
            throttle.failed("city", "2001:db8:1:2::" + Integer.toHexString(i + 1));
        }
        assertTrue(throttle.waitMillis("city", "2001:db8:1:2::ffff") > 0, "the same /64 is the same source");
        assertEquals(0, throttle.waitMillis("city", "2001:db8:1:3::1"));
    }

    @Test
    void whatClientsSendFitsTheColumnsAndCannotPoseAsThePerUserRow() {
        String longName = "x".repeat(5_000);
        for (int i = 0; i <= LoginThrottle.FREE_PER_SOURCE; i++) {
            throttle.failed(longName, "y".repeat(300));
        }
        assertTrue(throttle.waitMillis(longName, "y".repeat(300)) > 0);
        assertEquals(0, throttle.waitMillis(longName + "z", "y".repeat(300)), "a digest, not a truncation");
        for (int i = 0; i <= LoginThrottle.FREE_PER_SOURCE; i++) {
            throttle.failed("city", LoginRecords.ANY);
        }
        assertEquals(0, throttle.waitMillis("city", "10.0.0.1"), "a source named '*' is not the per-user count");
    }

    @Test
    void failuresCountedAtOnceOnTwoNodesAreAllCounted() throws Exception {
        LoginThrottle other = new LoginThrottle(otherNode.jdbcInTransaction(), now::get);
        int threads = 6;
        int each = 5;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            LoginThrottle node = t % 2 == 0 ? throttle : other;
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < each; i++) {
                    node.failed("city", "10.0.0.9");
                }
                return null;
            }));
        }
        start.countDown();
        for (java.util.concurrent.Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        assertEquals(threads * each, query("SELECT FAILURES FROM SV_LOGIN_FAILURE WHERE USERNAME = 'city' AND ORIGIN = '10.0.0.9'"),
                "no failure lost to a racing insert or update");
        assertEquals(threads * each, query("SELECT FAILURES FROM SV_LOGIN_FAILURE WHERE USERNAME = 'city' AND ORIGIN = '*'"));
    }

    @Test
    void aFloodOfRandomNamesIsForgottenOnceItsTimeHasPassed() throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int flood = 300;
        for (int i = 0; i < flood; i++) {
            String user = Long.toHexString(random.nextLong());
            String source = random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256);
            throttle.failed(user, source);
        }
        assertEquals(2 * flood, rows("SV_LOGIN_FAILURE"), "per source and per user");
        now.addAndGet(LoginThrottle.FORGET_MILLIS + LoginThrottle.MAX_DELAY_MILLIS);
        throttle.failed("city", "10.0.0.1");
        assertEquals(2, rows("SV_LOGIN_FAILURE"), "only the live counts are left");
    }

    @Test
    void boundedMapEvictsTheLeastRecentlyUsedAndExpires() {
        // what the credential cache keeps its entries in
        BoundedExpiringMap<String, Integer> map = new BoundedExpiringMap<>(3, 100, now::get);
        map.put("a", 1);
        map.put("b", 2);
        map.put("c", 3);
        assertEquals(1, map.get("a"));
        map.put("d", 4);
        assertEquals(3, map.size());
        assertEquals(null, map.get("b"), "b was the least recently used");
        assertEquals(1, map.get("a"));
        now.addAndGet(100);
        assertEquals(null, map.get("a"), "expired");
    }

    private long rows(String fromWhere) throws SQLException {
        return query("SELECT COUNT(*) FROM " + fromWhere);
    }

    private long lastOk(String user, String origin) throws SQLException {
        return query("SELECT LASTOKAT FROM SV_LOGIN_SOURCE WHERE USERNAME = '" + user + "' AND ORIGIN = '" + origin + "'");
    }

    private long query(String sql) throws SQLException {
        try (Connection c = jpa.database().connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
