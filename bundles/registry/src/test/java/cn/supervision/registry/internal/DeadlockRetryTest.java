package cn.supervision.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.supervision.api.tx.LockRetry;
import cn.supervision.testing.LocalJpaTemplate;
import cn.supervision.testing.TestDatabase;

/**
 * A real deadlock, on whichever database the tests run: two transactions take two rows in opposite orders, each
 * waiting for the other's second row. The database picks a victim (Derby answers 40001, PostgreSQL 40P01); LockRetry
 * must recognise it on both and run the victim again, so that both writes land.
 */
class DeadlockRetryTest {
    private LocalJpaTemplate jpa;

    @BeforeEach
    void start() {
        jpa = new LocalJpaTemplate("registry-test", "META-INF/registry-test-persistence.xml");
        jpa.tx(em -> {
            if (!TestDatabase.postgresql()) {
                // Derby looks for deadlocks only after 20 s by default (PostgreSQL after its deadlock_timeout, 1 s)
                em.createNativeQuery("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.locks.deadlockTimeout', '1')").executeUpdate();
            }
            em.createNativeQuery("CREATE TABLE T_DEADLOCK (ID INT NOT NULL PRIMARY KEY, N INT NOT NULL)").executeUpdate();
            em.createNativeQuery("INSERT INTO T_DEADLOCK (ID, N) VALUES (1, 0), (2, 0)").executeUpdate();
        });
    }

    @AfterEach
    void stop() {
        jpa.close();
    }

    @Test
    void theDeadlockVictimIsRunAgainAndBothWritesLand() throws Exception {
        CyclicBarrier bothHoldTheirFirstRow = new CyclicBarrier(2);
        AtomicInteger runs = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int[] order : new int[][] {{1, 2}, {2, 1}}) {
                writers.add(pool.submit(() -> LockRetry.of(5, 10).run(() -> {
                    boolean first = runs.incrementAndGet() <= 2;
                    jpa.tx(em -> {
                        bump(em, order[0]);
                        if (first) {
                            await(bothHoldTheirFirstRow);
                        }
                        bump(em, order[1]);
                    });
                })));
            }
            for (Future<?> w : writers) {
                w.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(3, runs.get(), "one deadlock, one victim run again");
        assertEquals(List.of(2, 2), jpa.txExpr(em -> em.createNativeQuery("SELECT N FROM T_DEADLOCK ORDER BY ID").getResultList()
                .stream().map(n -> ((Number) n).intValue()).toList()));
    }

    private static void bump(javax.persistence.EntityManager em, int id) {
        em.createNativeQuery("UPDATE T_DEADLOCK SET N = N + 1 WHERE ID = ?").setParameter(1, id).executeUpdate();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
