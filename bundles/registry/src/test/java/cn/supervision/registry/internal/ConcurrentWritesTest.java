package cn.supervision.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.supervision.api.registry.Jurisdiction;
import cn.supervision.api.registry.JurisdictionKind;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.security.Caller;
import cn.supervision.testing.LocalJpaTemplate;
import cn.supervision.testing.TestDatabase;

/**
 * Ten writers creating units at once, with the database told to give up on a lock after a second (Derby's
 * waitTimeout, PostgreSQL's lock_timeout): the lock timeouts and deadlocks this provokes must be retried, never surface,
 * and every unit must be written.
 */
class ConcurrentWritesTest {
    private static final int WRITERS = 10;
    private static final int UNITS_EACH = 12;

    private LocalJpaTemplate jpa;
    private JpaRegistryService registry;

    @BeforeEach
    void start() {
        if (TestDatabase.postgresql()) {
            // a session setting, so on every connection as it opens
            jpa = new LocalJpaTemplate("registry-test", "META-INF/registry-test-persistence.xml",
                    Map.of("openjpa.jdbc.DBDictionary", "postgres(InitializationSQL=SET lock_timeout TO 1000)"));
        } else {
            jpa = new LocalJpaTemplate("registry-test", "META-INF/registry-test-persistence.xml");
            jpa.tx(em -> {
                em.createNativeQuery("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.locks.waitTimeout', '1')").executeUpdate();
                em.createNativeQuery("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.locks.deadlockTimeout', '1')").executeUpdate();
            });
        }
        registry = new JpaRegistryService(jpa);
        registry.start();
        registry.registerJurisdiction(Caller.system("city-bundle"),
                new Jurisdiction("370500", "东营市", JurisdictionKind.CITY, null, false));
    }

    @AfterEach
    void stop() {
        jpa.close();
    }

    @Test
    void tenWritersCreatingUnitsAtOnceAllSucceed() throws Exception {
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < UNITS_EACH; i++) {
                        try {
                            registry.createUnit(RegistryServiceTest.CITY, "370500",
                                    RegistryServiceTest.draft("W" + writer + "-" + i, "单位 " + writer + "-" + i));
                        } catch (RuntimeException e) {
                            failures.add(e);
                        }
                    }
                    return null;
                });
            }
            go.countDown();
            pool.shutdown();
            assertTrue(pool.awaitTermination(5, TimeUnit.MINUTES), "writers did not finish");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(), failures.stream().map(ConcurrentWritesTest::describe).toList(), "unexpected failures");
        List<Unit> units = registry.listUnits(RegistryServiceTest.CITY, "370500", false);
        assertEquals(WRITERS * UNITS_EACH, units.size());
        Map<Long, Long> revisions = jpa.txExpr(em -> Map.of(0L, em.createQuery(
                "select count(r) from UnitRevisionEntity r", Long.class).getSingleResult()));
        assertEquals(WRITERS * UNITS_EACH, revisions.get(0L), "one revision per unit");
    }

    private static String describe(Throwable t) {
        StringBuilder s = new StringBuilder(t.toString());
        for (Throwable c = t.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            s.append(" <- ").append(c);
        }
        return s.toString();
    }
}
