package cn.supervision.finding.internal;

import static cn.supervision.finding.internal.Fixture.CITY;
import static cn.supervision.finding.internal.Fixture.LIJIN;
import static cn.supervision.finding.internal.FindingServiceTest.manual;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.supervision.api.followup.AccountabilityRecord;
import cn.supervision.api.followup.AccountabilityStatus;
import cn.supervision.api.followup.Finding;
import cn.supervision.api.followup.FindingState;
import cn.supervision.api.followup.FindingTransition;
import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.testing.CommitGate;
import cn.supervision.testing.LocalJpaTemplate;

/**
 * Two nodes on one database (each its own EntityManagerFactory) moving the same finding or accountability record while
 * one node's move is still uncommitted: the other waits for it, sees the new state and is refused. OpenJPA's JPQL bulk
 * update ({@code UPDATE ... WHERE ID IN (SELECT ...)}) let the second statement match the row as it was before the
 * first committed, on PostgreSQL: both moves from the same state succeeded, each with its history step.
 */
class TwoNodesTest {
    private final Fixture fx = new Fixture();
    private final LocalJpaTemplate second = fx.jpa.secondNode();
    private final CommitGate gate = new CommitGate(fx.jpa.jdbcInTransaction());
    private final JpaFindingService findingsA = fx.findingsOn(gate);
    private final JpaFindingService findingsB = fx.findingsOn(second.jdbcInTransaction());
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void close() {
        threads.shutdownNow();
        second.close();
        fx.close();
    }

    /** Node A's {@code first} runs up to its commit and waits there; node B's {@code then} runs meanwhile. */
    private <T> Future<T> whileHeldOnA(Callable<T> first, Callable<T> then, String table, List<Future<T>> onB) {
        gate.holdNext();
        Future<T> onA = threads.submit(first);
        gate.awaitHeld();
        onB.add(threads.submit(then));
        assertTrue(fx.jpa.database().awaitLockWait(table, Duration.ofSeconds(10)), "node B waits for node A's row");
        gate.open();
        return onA;
    }

    private static SupervisionException refusal(Future<?> f) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
        return assertInstanceOf(SupervisionException.class, e.getCause());
    }

    @Test
    void twoNoticesTakingUpTheSameFindingAtOnceOneIsRefused() throws Exception {
        Finding f = fx.findings.create(CITY, "370500", manual(1, "内设机构职责交叉"));
        List<Future<Finding>> onB = new java.util.ArrayList<>();
        Future<Finding> onA = whileHeldOnA(() -> findingsA.moveTo(CITY, f.id(), FindingState.IN_RECTIFICATION, 7L, null),
                () -> findingsB.moveTo(CITY, f.id(), FindingState.IN_RECTIFICATION, 8L, null), "SV_FINDING", onB);
        assertEquals(7L, onA.get(10, TimeUnit.SECONDS).noticeId());
        // before, on PostgreSQL node B's move matched the finding as it was OPEN and took it over for notice 8 as well
        SupervisionException refused = refusal(onB.get(0));
        assertEquals(ProblemKind.CONFLICT, refused.kind());
        assertTrue(refused.getMessage().contains("IN_RECTIFICATION"), refused.getMessage());
        assertEquals(7L, fx.findings.get(CITY, f.id()).noticeId());
        assertEquals(List.of(FindingState.OPEN, FindingState.IN_RECTIFICATION),
                fx.findings.history(CITY, f.id()).stream().map(FindingTransition::to).toList());
    }

    @Test
    void twoDecisionsOnTheSameAccountabilityRecordAtOnceOneIsRefused() throws Exception {
        Finding f = fx.findings.create(LIJIN, "370522", manual(3, "超编进人 2 名"));
        AccountabilityRecord r = fx.accountability.record(LIJIN, f.id(), AccountabilityServiceTest.proposal());
        JpaAccountabilityService a = fx.accountabilityOn(gate, findingsA);
        JpaAccountabilityService b = fx.accountabilityOn(second.jdbcInTransaction(), findingsB);
        List<Future<AccountabilityRecord>> onB = new java.util.ArrayList<>();
        Future<AccountabilityRecord> onA = whileHeldOnA(() -> a.moveTo(LIJIN, r.id(), AccountabilityStatus.DECIDED, "县委决定对其诫勉谈话"),
                () -> b.moveTo(LIJIN, r.id(), AccountabilityStatus.DECIDED, "县委决定对其批评教育"), "SV_ACCOUNTABILITY", onB);
        assertEquals("县委决定对其诫勉谈话", onA.get(10, TimeUnit.SECONDS).outcome());
        // before, on PostgreSQL node B's move matched the record as it was PROPOSED and overwrote node A's decision
        assertEquals(ProblemKind.CONFLICT, refusal(onB.get(0)).kind());
        AccountabilityRecord now = fx.accountability.list(LIJIN, f.id()).get(0);
        assertEquals("县委决定对其诫勉谈话", now.outcome());
        assertEquals(2, now.history().size(), "proposed, decided once: " + now.history());
    }
}
