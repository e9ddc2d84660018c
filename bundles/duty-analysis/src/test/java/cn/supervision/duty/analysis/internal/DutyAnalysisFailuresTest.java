package cn.supervision.duty.analysis.internal;

import cn.supervision.rest.bounds.ProblemStatus;

import cn.supervision.api.problem.ProblemKind;


import static cn.supervision.duty.analysis.internal.DutyAnalysisServiceTest.CITY;
import static cn.supervision.duty.analysis.internal.DutyAnalysisServiceTest.CLOCK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.supervision.api.duty.DutyProposal;
import cn.supervision.api.duty.ProposalKind;
import cn.supervision.api.duty.ProposalState;
import cn.supervision.api.followup.Finding;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.duty.analysis.internal.model.DutyProposalEntity;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.testing.LocalJpaTemplate;

/** What the analysis does when the database or the findings ledger fails under it. */
class DutyAnalysisFailuresTest {
    private LocalJpaTemplate real;
    private ScriptedJpa jpa;
    private Fakes.Findings findings;
    private JpaDutyAnalysisService analysis;

    @BeforeEach
    void start() {
        real = new LocalJpaTemplate("duty-analysis-test", "META-INF/duty-analysis-test-persistence.xml");
        jpa = new ScriptedJpa(real);
        FakeRegistry registry = new FakeRegistry(FakeRegistry.DONGYING, List.of(DutyAnalysisServiceTest.MARKET,
                DutyAnalysisServiceTest.FARMING, DutyAnalysisServiceTest.EMERGENCY, DutyAnalysisServiceTest.FORESTRY));
        findings = new Fakes.Findings(registry);
        analysis = new JpaDutyAnalysisService(jpa, registry, new Fakes.Duties(registry), new Fakes.PowerLists(registry),
                findings, AnalysisSettings.DEFAULTS, CLOCK);
    }

    @AfterEach
    void stop() {
        analysis.close();
        real.close();
    }

    /** A second row like the first one the run stored, but with the given key and jurisdiction. */
    private static void copyOfFirst(EntityManager em, String pairKey, String jurisdictionCode) {
        em.flush();
        DutyProposalEntity first = em.createQuery("select p from DutyProposalEntity p order by p.id", DutyProposalEntity.class)
                .setMaxResults(1).getSingleResult();
        DutyProposalEntity copy = new DutyProposalEntity();
        copy.setPairKey(pairKey == null ? first.getPairKey() : pairKey);
        copy.setJurisdictionCode(jurisdictionCode);
        copy.setKind(first.getKind());
        copy.setState(first.getState());
        copy.setProposedBy(first.getProposedBy());
        em.persist(copy);
    }

    @Test
    void theUniqueKeyRefusingARowIsAConflictToRetry() {
        jpa.slipIn = em -> copyOfFirst(em, null, "370500");
        SupervisionException e = assertThrows(SupervisionException.class, () -> analysis.analyse(CITY, "370500"));
        assertEquals(ProblemKind.CONFLICT, e.kind());
        assertTrue(analysis.proposals(CITY, "370500", null, null).isEmpty(), "the run is written whole or not at all");
        assertTrue(analysis.analyse(CITY, "370500").newOverlaps() > 0, "repeating helps");
    }

    @Test
    void anyOtherStorageFailureIsNoConflictAndIsThrownOn() {
        // a value too long for its column: retrying would never help, so no 409 that says it would
        jpa.slipIn = em -> copyOfFirst(em, "O:another-pair", "3705001234567890123456789");
        RuntimeException e = assertThrows(RuntimeException.class, () -> analysis.analyse(CITY, "370500"));
        assertFalse(e instanceof SupervisionException, e.toString());
        assertTrue(analysis.proposals(CITY, "370500", null, null).isEmpty());

        jpa.failNextWrite = new PersistenceException("Connection refused", new java.sql.SQLException("database gone", "08001"));
        assertFalse(assertThrows(RuntimeException.class, () -> analysis.analyse(CITY, "370500")) instanceof SupervisionException);
    }

    @Test
    void recognisesIntegrityViolationsOnly() {
        assertTrue(JpaDutyAnalysisService.writeConflict(new PersistenceException("x", new java.sql.SQLException("dup", "23505"))));
        assertTrue(JpaDutyAnalysisService.writeConflict(new PersistenceException("violates UQ_DUTY_PROPOSAL_KEY")));
        assertFalse(JpaDutyAnalysisService.writeConflict(new PersistenceException("x", new java.sql.SQLException("long", "22001"))));
        assertFalse(JpaDutyAnalysisService.writeConflict(new PersistenceException("x", new java.sql.SQLException("down", "08006"))));
        assertFalse(JpaDutyAnalysisService.writeConflict(new PersistenceException("no state")));
    }

    private DutyProposal foodOverlap() {
        analysis.analyse(CITY, "370500");
        return analysis.proposals(CITY, "370500", ProposalKind.OVERLAP, null).stream()
                .filter(p -> Set.of(p.first().unitId(), p.second().unitId()).equals(Set.of(1L, 2L))).findFirst().orElseThrow();
    }

    private void assertOneFindingPerUnit(DutyProposal confirmed) {
        assertEquals(ProposalState.CONFIRMED, confirmed.state());
        assertEquals(2, findings.created.size(), "one finding per unit, none made twice: " + findings.created);
        assertEquals(Set.of(1L, 2L), Set.copyOf(findings.created.stream().map(Finding::unitId).toList()));
        assertEquals(Set.copyOf(findings.created.stream().map(Finding::id).toList()), Set.copyOf(confirmed.findingIds()));
    }

    @Test
    void aConfirmationFailingHalfWayAndRepeatedMakesEachFindingOnce() {
        DutyProposal food = foodOverlap();
        findings.failAfter = 1;
        findings.failNext = SupervisionException.conflict("问题清单暂不可用");
        assertEquals(ProblemKind.CONFLICT, assertThrows(SupervisionException.class, () -> analysis.confirm(CITY, food.id(), "需厘清")).kind());
        assertEquals(1, findings.created.size());
        DutyProposal back = analysis.get(CITY, food.id());
        assertEquals(ProposalState.PROPOSED, back.state());
        assertTrue(back.findingIds().isEmpty());

        assertOneFindingPerUnit(analysis.confirm(CITY, food.id(), "需厘清"));
        assertEquals(ProblemKind.CONFLICT, assertThrows(SupervisionException.class, () -> analysis.confirm(CITY, food.id(), "再次")).kind());
        assertEquals(2, findings.created.size());
    }

    @Test
    void aProposalIsNeverConfirmedWithoutItsFindings() {
        DutyProposal food = foodOverlap();
        // the database fails right after the last finding is made, when the proposal would take their ids
        findings.afterCreate = () -> {
            if (findings.created.size() == 2) {
                jpa.failNextWrite = new PersistenceException("Connection reset", new java.sql.SQLException("gone", "08006"));
            }
        };
        assertThrows(PersistenceException.class, () -> analysis.confirm(CITY, food.id(), "需厘清"));
        DutyProposal back = analysis.get(CITY, food.id());
        assertEquals(ProposalState.PROPOSED, back.state(), "not CONFIRMED without finding ids");
        assertTrue(back.findingIds().isEmpty());

        findings.afterCreate = () -> { };
        assertOneFindingPerUnit(analysis.confirm(CITY, food.id(), "需厘清"));
    }

    @Test
    void aConfirmationUnderWayIsNotDismissedMeanwhile() {
        DutyProposal food = foodOverlap();
        int[] dismissal = new int[1];
        findings.afterCreate = () -> dismissal[0] = status(() -> analysis.dismiss(CITY, food.id(), "不成立"));
        assertOneFindingPerUnit(analysis.confirm(CITY, food.id(), "需厘清"));
        assertEquals(409, dismissal[0]);
    }

    private static int status(Runnable r) {
        try {
            r.run();
            return 200;
        } catch (SupervisionException e) {
            return ProblemStatus.of(e.kind());
        }
    }
}
