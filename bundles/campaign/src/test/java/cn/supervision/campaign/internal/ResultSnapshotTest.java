package cn.supervision.campaign.internal;

import static cn.supervision.campaign.internal.CampaignDutyLeavesTest.CITY;
import static cn.supervision.campaign.internal.CampaignDutyLeavesTest.UNIT1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignDraft;
import cn.supervision.api.campaign.CampaignKind;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.InputRecord;
import cn.supervision.api.campaign.InputSource;
import cn.supervision.api.campaign.Period;
import cn.supervision.api.campaign.UnitResult;
import cn.supervision.api.indicator.IndicatorInput;
import cn.supervision.api.indicator.IndicatorSystem;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitKind;
import cn.supervision.api.security.Caller;
import cn.supervision.indicator.internal.JpaIndicatorSystemService;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.testing.LocalJpaTemplate;

/**
 * The results snapshot and the input version, with services on one database standing for a restarted node or for
 * two nodes: a restart answers from the snapshot without scoring, a snapshot behind the inputs is never served, a
 * unit restored from it is rescored from all its inputs, and a review accepted on one node counts on the other.
 */
class ResultSnapshotTest {
    private final List<JpaCampaignService> started = new ArrayList<>();
    private final AtomicInteger reads = new AtomicInteger();
    private LocalJpaTemplate jpa;
    private FakeRegistry registry;
    private JpaIndicatorSystemService systems;
    private Campaign campaign;

    @BeforeEach
    void start() {
        jpa = new LocalJpaTemplate("campaign-duty-test", "META-INF/campaign-duty-test-persistence.xml");
        registry = CampaignDutyLeavesTest.registry(CampaignDutyLeavesTest.DUTIES);
        systems = new JpaIndicatorSystemService(jpa, registry, id -> null) {
            @Override
            public IndicatorSystem get(Caller caller, long id) {
                reads.incrementAndGet();
                return super.get(caller, id);
            }
        };
        long systemId = systems.publishContributed(CampaignDutyLeavesTest.SYSTEM, "370500", "duties",
                CampaignDutyLeavesTest.definition()).id();
        JpaCampaignService first = node();
        Campaign draft = first.create(CITY, "370500", new CampaignDraft(CampaignKind.ROUTINE, "2026年度常规监管", null,
                new Period(Period.PeriodType.YEAR, 2026, null), Map.of(UnitKind.GOVERNMENT_DEPARTMENT, systemId), null,
                LocalDate.of(2026, 12, 20), LocalDate.of(2026, 12, 30), List.of(1L, 2L), null));
        campaign = first.transition(CITY, draft.id(), CampaignState.COLLECTING, "开始采集");
        LiveResultsTest.CODES.forEach((unit, codes) -> codes.forEach(code -> record(first, unit, code, unit == 1 ? 40 : 70)));
    }

    /** A node: its own services and caches on the shared database. */
    private JpaCampaignService node() {
        return node(jpa);
    }

    private JpaCampaignService node(org.apache.aries.jpa.template.JpaTemplate template) {
        JpaCampaignService s = new JpaCampaignService(template, registry, systems);
        s.setDuties(registry);
        started.add(s);
        return s;
    }

    @AfterEach
    void stop() {
        started.forEach(JpaCampaignService::close);
        jpa.close();
    }

    private void record(JpaCampaignService node, long unitId, String code, int value) {
        node.recordInput(CITY, campaign.id(), unitId, code, IndicatorInput.value(BigDecimal.valueOf(value)), InputSource.OFFICE, "统计");
    }

    private List<UnitResult> results(JpaCampaignService node) {
        return node.results(CITY, campaign.id(), null);
    }

    /** The results as they stand once the node's queued snapshot is written, as when it stops. */
    private List<UnitResult> answeredAndStopped(JpaCampaignService node) {
        List<UnitResult> out = results(node);
        node.close();
        return out;
    }

    @Test
    void aRestartAnswersFromTheSnapshotWithoutScoring() {
        List<UnitResult> before = answeredAndStopped(node());
        reads.set(0);
        JpaCampaignService restarted = node();
        assertEquals(before, results(restarted));
        assertEquals(0, reads.get(), "the restarted node read the system to score again");
    }

    @Test
    void rowsWrittenAsTextBeforeResultsWerePackedAreStillServed() {
        List<UnitResult> before = answeredAndStopped(node());
        Records records = new Records();
        jpa.tx(em -> {
            List<Object[]> rows = em.createNativeQuery("SELECT UNITID, RESULTDATA FROM SV_RESULT_SNAPSHOT WHERE CAMPAIGNID = ?")
                    .setParameter(1, campaign.id()).getResultList();
            assertEquals(2, rows.size());
            for (UnitResult r : before) { // as a release before the packed column wrote them
                assertEquals(1, em.createNativeQuery("UPDATE SV_RESULT_SNAPSHOT SET RESULTJSON = ?, RESULTDATA = NULL"
                        + " WHERE CAMPAIGNID = ? AND UNITID = ?").setParameter(1, records.write(r)).setParameter(2, campaign.id())
                        .setParameter(3, r.unitId()).executeUpdate());
            }
        });
        reads.set(0);
        assertEquals(before, results(node()));
        assertEquals(0, reads.get(), "the text rows were not served");
    }

    @Test
    void aUnitRestoredFromTheSnapshotIsRescoredFromAllItsInputs() {
        JpaCampaignService live = node();
        List<UnitResult> before = answeredAndStopped(live);
        reads.set(0);
        JpaCampaignService restarted = node();
        results(restarted);
        assertEquals(0, reads.get(), "not restored from the snapshot");
        record(restarted, 1, "D2.1", 100);
        List<UnitResult> after = results(restarted);
        // the live node scores unit 1 from every input it merged; the restarted one started from the snapshot's row
        assertEquals(results(live), after);
        assertNotEquals(before, after);
    }

    @Test
    void aSnapshotBehindTheInputsIsNotServed() {
        List<UnitResult> before = answeredAndStopped(node());
        JpaCampaignService other = node();
        record(other, 1, "D1.2", 100); // another node writes; nobody asks for results
        List<UnitResult> restarted = results(node());
        assertNotEquals(before, restarted);
        assertEquals(results(other), restarted);
    }

    @Test
    void aReviewAcceptedOnAnotherNodeCountsAtOnce() {
        JpaCampaignService here = node();
        JpaCampaignService there = node();
        List<UnitResult> before = results(here);
        InputRecord report = there.recordInput(UNIT1, campaign.id(), 1L, "D1.2", IndicatorInput.value(BigDecimal.valueOf(100)),
                InputSource.SELF_REPORT, "自评");
        assertEquals(before, results(here), "a self-report counts once accepted");
        there.review(CITY, campaign.id(), report.id(), true, null);
        List<UnitResult> after = results(here);
        assertNotEquals(before, after);
        assertEquals(results(there), after);
        UnitResult unit1 = after.stream().filter(r -> r.unitId() == 1).findFirst().orElseThrow();
        assertTrue(unit1.total().compareTo(before.stream().filter(r -> r.unitId() == 1).findFirst().orElseThrow().total()) > 0);
    }

    @Test
    void aFailedWriteGoesWithTheNextOneSoARestartServesNoStaleRow() {
        InterruptedJpa flaky = new InterruptedJpa(jpa);
        JpaCampaignService live = node(flaky);
        results(live);
        live.flushSnapshotsForBench(); // both units stored
        record(live, 2, "D1.1", 100);
        flaky.failTx.set(true); // unit 2's new row is lost with its connection...
        flaky.beforeTx.set(() -> { // ...while unit 1 moves and is queued behind it
            record(live, 1, "D2.1", 100);
            results(live);
        });
        results(live);
        live.flushSnapshotsForBench();
        live.flushSnapshotsForBench();
        List<UnitResult> expected = results(live);
        live.close();
        reads.set(0);
        assertEquals(expected, results(node()), "a restart served unit 2's row from before its input");
        assertEquals(0, reads.get(), "the failed units were not written again: the restart had to score");
    }

    @Test
    void publicationPublishesAnInputCommittedWhileItComputed() {
        InterruptedJpa slow = new InterruptedJpa(jpa);
        JpaCampaignService office = node(slow);
        JpaCampaignService other = node();
        office.transition(CITY, campaign.id(), CampaignState.SCORING, "开始评分");
        List<UnitResult> before = results(other);
        AtomicReference<List<UnitResult>> latest = new AtomicReference<>();
        slow.beforeTxExpr.set(() -> { // committed after the results were computed, before the state is claimed
            record(other, 2, "D1.1", 100);
            latest.set(results(other));
        });
        office.transition(CITY, campaign.id(), CampaignState.PUBLISHED, "发布");
        assertNotEquals(total(before, 2), total(latest.get(), 2));
        assertEquals(total(latest.get(), 2), total(results(other), 2), "revision 1 lacks the input committed meanwhile");
    }

    @Test
    void aRestartRescoresAUnitRenamedInTheRegistry() {
        List<UnitResult> before = answeredAndStopped(node());
        Unit u = CampaignDutyLeavesTest.unit(2, "370500", List.of());
        Unit renamed = new Unit(u.id(), u.code(), "单位2（更名）", u.shortName(), u.kind(), u.jurisdictionCode(), u.parentUnitId(),
                u.status(), u.mandate(), u.revision() + 1, u.createdAt(), u.createdBy(), u.updatedAt(), u.updatedBy());
        FakeRegistry after = new FakeRegistry(FakeRegistry.DONGYING, List.of(CampaignDutyLeavesTest.unit(1, "370500",
                CampaignDutyLeavesTest.DUTIES), renamed, CampaignDutyLeavesTest.unit(3, "370522", CampaignDutyLeavesTest.DUTIES)));
        JpaCampaignService restarted = new JpaCampaignService(jpa, after, systems);
        restarted.setDuties(after);
        started.add(restarted);
        List<UnitResult> now = results(restarted);
        assertEquals("单位2（更名）", now.stream().filter(r -> r.unitId() == 2).findFirst().orElseThrow().unitName());
        assertEquals(total(before, 2), total(now, 2));
    }

    private static BigDecimal total(List<UnitResult> results, long unitId) {
        return results.stream().filter(r -> r.unitId() == unitId).findFirst().orElseThrow().total();
    }
}
