package cn.supervision.contribution.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.supervision.testing.CommitGate;
import cn.supervision.testing.LocalJpaTemplate;
import cn.supervision.testing.MutableClock;

/**
 * Two nodes on one database (each its own EntityManagerFactory, one clock) meeting on the same processing claim while
 * one node's write is still uncommitted: the second must wait for it and then see it. OpenJPA's JPQL bulk update
 * ({@code UPDATE ... WHERE CLAIMKEY IN (SELECT ...)}) let the second node's statement match the row as it was before
 * the first committed, on PostgreSQL: both nodes took over the same expired claim, and a node whose lease had run out
 * released the claim another node had just taken over.
 */
class ProcessingClaimsTest {
    static final String KEY = ProcessingClaims.key("cn.supervision.county.lijin", "1.0.0", "abc");

    private final LocalJpaTemplate jpa = new LocalJpaTemplate("contribution-test", "META-INF/contribution-test-persistence.xml");
    private final LocalJpaTemplate second = jpa.secondNode();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T02:00:00Z"));
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void tearDown() {
        threads.shutdownNow();
        second.close();
        jpa.close();
    }

    @Test
    void anExpiredClaimIsTakenOverByOneNodeOnly() throws Exception {
        ProcessingClaims dead = new ProcessingClaims(jpa.jdbcInTransaction(), clock, "dead");
        assertTrue(dead.claim(KEY));
        clock.advance(Duration.ofMillis(ProcessingClaims.LEASE_MILLIS + 1));
        CommitGate gate = new CommitGate(jpa.jdbcInTransaction());
        ProcessingClaims a = new ProcessingClaims(gate, clock, "a");
        ProcessingClaims b = new ProcessingClaims(second.jdbcInTransaction(), clock, "b");

        gate.holdNext();
        Future<Boolean> onA = threads.submit(() -> a.claim(KEY));
        gate.awaitHeld(); // node A took the claim over, not committed
        Future<Boolean> onB = threads.submit(() -> b.claim(KEY));
        assertTrue(jpa.database().awaitLockWait("SV_CONTRIBUTION_CLAIM", Duration.ofSeconds(10)), "node B waits for node A's row");
        gate.open();
        assertTrue(onA.get(10, TimeUnit.SECONDS));
        // before, on PostgreSQL node B's statement matched the dead node's claim as it was read and took it too
        assertFalse(onB.get(10, TimeUnit.SECONDS), "node A has it now");
        assertEquals(ProcessingClaims.State.HELD_HERE, a.state(KEY));
        assertEquals(ProcessingClaims.State.HELD_ELSEWHERE, b.state(KEY));
    }

    @Test
    void aNodeWhoseLeaseRanOutDoesNotReleaseTheClaimAnotherTookOver() throws Exception {
        ProcessingClaims a = new ProcessingClaims(jpa.jdbcInTransaction(), clock, "a");
        CommitGate gate = new CommitGate(second.jdbcInTransaction());
        ProcessingClaims b = new ProcessingClaims(gate, clock, "b");
        assertTrue(a.claim(KEY));
        clock.advance(Duration.ofMillis(ProcessingClaims.LEASE_MILLIS + 1)); // node A is slow, not dead

        gate.holdNext();
        Future<Boolean> onB = threads.submit(() -> b.claim(KEY));
        gate.awaitHeld(); // node B took the claim over, not committed
        Future<?> release = threads.submit(() -> a.release(KEY));
        assertTrue(jpa.database().awaitLockWait("SV_CONTRIBUTION_CLAIM", Duration.ofSeconds(10)), "node A's release waits for node B's row");
        gate.open();
        assertTrue(onB.get(10, TimeUnit.SECONDS));
        release.get(10, TimeUnit.SECONDS);
        // before, on PostgreSQL node A's release matched its own claim as it was before node B's and released node B's
        assertEquals(ProcessingClaims.State.HELD_HERE, b.state(KEY), "node B keeps the claim it is processing under");
        assertEquals(ProcessingClaims.State.HELD_ELSEWHERE, a.state(KEY));
    }
}
