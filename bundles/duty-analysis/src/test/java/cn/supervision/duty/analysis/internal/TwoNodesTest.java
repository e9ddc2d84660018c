package cn.supervision.duty.analysis.internal;

import static cn.supervision.duty.analysis.internal.DutyAnalysisServiceTest.CITY;
import static cn.supervision.duty.analysis.internal.DutyAnalysisServiceTest.CLOCK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.aries.jpa.template.JpaTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.supervision.api.duty.DutyProposal;
import cn.supervision.api.duty.ProposalKind;
import cn.supervision.api.duty.ProposalState;
import cn.supervision.api.followup.Finding;
import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.testing.CommitGate;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.testing.LocalJpaTemplate;
import cn.supervision.testing.MutableClock;

/**
 * Two nodes on one database (each its own EntityManagerFactory; one findings ledger) deciding the same proposal while
 * one node's claim is still uncommitted: the other node's decision waits for it and then sees it. OpenJPA's JPQL bulk
 * update ({@code UPDATE ... WHERE ID IN (SELECT ...)}) let the second statement match the row as it was before the
 * first committed, on PostgreSQL: a proposal being confirmed was dismissed, two confirmations both made their findings,
 * and a lapsed confirmation's release cleared the claim of the confirmation that had taken the proposal over.
 */
class TwoNodesTest {
    private LocalJpaTemplate jpa;
    private LocalJpaTemplate second;
    private CommitGate gate;
    private Fakes.Findings findings;
    private JpaDutyAnalysisService a;
    private JpaDutyAnalysisService b;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @BeforeEach
    void start() {
        jpa = new LocalJpaTemplate("duty-analysis-test", "META-INF/duty-analysis-test-persistence.xml");
        second = jpa.secondNode();
        gate = new CommitGate(jpa.jdbcInTransaction());
        FakeRegistry registry = new FakeRegistry(FakeRegistry.DONGYING, List.of(DutyAnalysisServiceTest.MARKET,
                DutyAnalysisServiceTest.FARMING, DutyAnalysisServiceTest.EMERGENCY, DutyAnalysisServiceTest.FORESTRY));
        findings = new Fakes.Findings(registry);
        a = node(gate, registry);
        b = node(second.jdbcInTransaction(), registry);
    }

    private JpaDutyAnalysisService node(JpaTemplate template, FakeRegistry registry) {
        return new JpaDutyAnalysisService(template, registry, new Fakes.Duties(registry), new Fakes.PowerLists(registry),
                findings, AnalysisSettings.DEFAULTS, CLOCK);
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
        a.close();
        b.close();
        second.close();
        jpa.close();
    }

    private DutyProposal foodOverlap() {
        a.analyse(CITY, "370500");
        return a.proposals(CITY, "370500", ProposalKind.OVERLAP, null).stream()
                .filter(p -> Set.of(p.first().unitId(), p.second().unitId()).equals(Set.of(1L, 2L))).findFirst().orElseThrow();
    }

    /** Node A's confirmation claims the proposal and stops before committing; node B's {@code decision} then runs. */
    private Future<DutyProposal> confirmOnAWhileOnB(long id, Callable<DutyProposal> decision,
                                                    List<Future<DutyProposal>> onB) throws Exception {
        gate.holdNext();
        Future<DutyProposal> onA = threads.submit(() -> a.confirm(CITY, id, "需厘清"));
        gate.awaitHeld(); // node A's claim is written, not committed
        onB.add(threads.submit(decision));
        assertTrue(jpa.database().awaitLockWait("SV_DUTY_PROPOSAL", Duration.ofSeconds(10)), "node B waits for node A's claim");
        gate.open();
        return onA;
    }

    private static ProblemKind refusal(Future<DutyProposal> f) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
        return assertInstanceOf(SupervisionException.class, e.getCause()).kind();
    }

    private void assertConfirmedOnce(DutyProposal confirmed) {
        assertEquals(ProposalState.CONFIRMED, confirmed.state());
        assertEquals(2, findings.created.size(), "one finding per unit, none made twice: " + findings.created);
        assertEquals(Set.copyOf(findings.created.stream().map(Finding::id).toList()), Set.copyOf(confirmed.findingIds()));
    }

    @Test
    void aConfirmationUnderWayOnOneNodeIsNotDismissedOnTheOther() throws Exception {
        long id = foodOverlap().id();
        List<Future<DutyProposal>> onB = new ArrayList<>();
        Future<DutyProposal> onA = confirmOnAWhileOnB(id, () -> b.dismiss(CITY, id, "不成立"), onB);
        // before, on PostgreSQL node B's dismissal matched the proposal as it was before node A's claim: node A's
        // confirmation then failed after making its findings, and the proposal stayed dismissed
        assertEquals(ProblemKind.CONFLICT, refusal(onB.get(0)), "node A's confirmation holds the proposal");
        assertConfirmedOnce(onA.get(10, TimeUnit.SECONDS));
        assertEquals(ProposalState.CONFIRMED, b.get(CITY, id).state());
    }

    @Test
    void twoConfirmationsAtOnceMakeTheFindingsOnce() throws Exception {
        long id = foodOverlap().id();
        List<Future<DutyProposal>> onB = new ArrayList<>();
        Future<DutyProposal> onA = confirmOnAWhileOnB(id, () -> b.confirm(CITY, id, "需厘清"), onB);
        // before, on PostgreSQL both claims succeeded and both nodes made the two findings
        assertEquals(ProblemKind.CONFLICT, refusal(onB.get(0)), "node A's confirmation holds the proposal");
        assertConfirmedOnce(onA.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aLapsedConfirmationDoesNotReleaseTheClaimOfTheOneThatTookOver() throws Exception {
        long id = foodOverlap().id();
        MutableClock clock = new MutableClock(CLOCK.instant());
        ProposalDecisions onA = new ProposalDecisions(jpa.jdbcInTransaction(), clock);
        CommitGate gateB = new CommitGate(second.jdbcInTransaction());
        ProposalDecisions onB = new ProposalDecisions(gateB, clock);
        String lapsed = onA.claim(id, "city-admin");
        assertNotNull(lapsed);
        clock.advance(Duration.ofMillis(ProposalDecisions.CLAIM_LAPSES_MILLIS + 1)); // node A's confirmation hangs

        gateB.holdNext();
        Future<String> claimB = threads.submit(() -> onB.claim(id, "city-leader"));
        gateB.awaitHeld(); // node B's claim is written, not committed
        Future<?> release = threads.submit(() -> onA.release(id, lapsed)); // node A's confirmation gives up
        assertTrue(jpa.database().awaitLockWait("SV_DUTY_PROPOSAL", Duration.ofSeconds(10)), "node A's release waits for node B's claim");
        gateB.open();
        String token = claimB.get(10, TimeUnit.SECONDS);
        assertNotNull(token, "node A's claim had lapsed");
        release.get(10, TimeUnit.SECONDS);
        // before, on PostgreSQL node A's release matched its own claim as it was before node B's and cleared node B's
        assertTrue(onB.confirm(id, token, "city-leader", "需厘清", List.of(7L, 8L)), "node B's claim holds");
        assertEquals(List.of(7L, 8L), b.get(CITY, id).findingIds());
    }
}
