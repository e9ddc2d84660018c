package cn.supervision.survey.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.testing.LocalJpaTemplate;
import cn.supervision.testing.MutableClock;

/**
 * The shared link's limit per address with two nodes (two limiters, each on its own EntityManagerFactory) on one
 * database: the limit holds for both together, a refused attempt counts for nothing, the hour slides, and old windows
 * are deleted.
 */
class LinkRateLimiterTest {
    private static final int PER_HOUR = 4;

    // a window boundary, so that the test's submissions share one window unless it moves the clock
    private final MutableClock clock = new MutableClock(Instant.ofEpochMilli(1_800_000_000_000L / LinkRateLimiter.WINDOW * LinkRateLimiter.WINDOW));
    private final LocalJpaTemplate jpa = new LocalJpaTemplate("survey-test", "META-INF/survey-test-persistence.xml");
    private final LocalJpaTemplate secondNode = jpa.secondNode();
    // SQL inside the transactions, as under JTA
    private final LinkRateLimiter a = new LinkRateLimiter(jpa.jdbcInTransaction(), PER_HOUR, clock);
    private final LinkRateLimiter b = new LinkRateLimiter(secondNode.jdbcInTransaction(), PER_HOUR, clock);

    @AfterEach
    void close() {
        secondNode.close();
        jpa.close();
    }

    private static void refused(Runnable submission) {
        assertEquals(ProblemKind.THROTTLED, assertThrows(SupervisionException.class, submission::run).kind());
    }

    @Test
    void twoNodesTogetherAllowTheLimitOnceNotOnceEach() {
        for (int i = 0; i < PER_HOUR; i++) {
            (i % 2 == 0 ? a : b).admit(7, "198.51.100.9");
        }
        refused(() -> a.admit(7, "198.51.100.9"));
        refused(() -> b.admit(7, "198.51.100.9"));
        a.admit(7, "198.51.100.10");
        b.admit(8, "198.51.100.9");
    }

    @Test
    void aRefusedAttemptCountsForNothingAndTheHourSlides() throws Exception {
        a.admit(7, "198.51.100.9");
        clock.advance(Duration.ofMinutes(20));
        for (int i = 1; i < PER_HOUR; i++) {
            b.admit(7, "198.51.100.9");
        }
        for (int i = 0; i < 5; i++) {
            refused(() -> a.admit(7, "198.51.100.9"));
        }
        assertEquals(PER_HOUR, count("SELECT SUM(SUBMISSIONS) FROM SV_SURVEY_LINK_RATE"), "refusals are not counted");
        clock.advance(Duration.ofMinutes(40));
        a.admit(7, "198.51.100.9"); // the first submission is an hour old
        refused(() -> b.admit(7, "198.51.100.9"));
        clock.advance(Duration.ofMinutes(20));
        for (int i = 0; i < PER_HOUR - 1; i++) {
            b.admit(7, "198.51.100.9");
        }
        refused(() -> b.admit(7, "198.51.100.9"));
    }

    @Test
    void windowsPastTheHourAreDeleted() throws Exception {
        for (int i = 0; i < 50; i++) {
            a.admit(7, "203.0.113." + i);
        }
        assertEquals(50, count("SELECT COUNT(*) FROM SV_SURVEY_LINK_RATE"));
        clock.advance(Duration.ofMinutes(65));
        b.admit(7, "203.0.113.1");
        assertEquals(1, count("SELECT COUNT(*) FROM SV_SURVEY_LINK_RATE"), "only the new window is left");
    }

    @Test
    void submissionsRacingOnBothNodesNeverPassTheLimit() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger admitted = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            LinkRateLimiter node = t % 2 == 0 ? a : b;
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 3; i++) {
                    try {
                        node.admit(7, "198.51.100.9");
                        admitted.incrementAndGet();
                    } catch (SupervisionException e) {
                        assertEquals(ProblemKind.THROTTLED, e.kind());
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        assertEquals(PER_HOUR, admitted.get(), "24 attempts at once on two nodes, within one window");
        assertEquals(PER_HOUR, count("SELECT SUM(SUBMISSIONS) FROM SV_SURVEY_LINK_RATE"));
    }

    private long count(String sql) throws Exception {
        try (Connection c = jpa.database().connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
