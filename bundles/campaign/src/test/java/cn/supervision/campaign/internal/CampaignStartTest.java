package cn.supervision.campaign.internal;

import cn.supervision.api.problem.ProblemKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignDraft;
import cn.supervision.api.campaign.CampaignKind;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.InputSource;
import cn.supervision.api.campaign.Period;
import cn.supervision.api.indicator.IndicatorInput;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.UnitKind;
import cn.supervision.indicator.internal.JpaIndicatorSystemService;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.testing.LocalJpaTemplate;

/**
 * The DRAFT → COLLECTING start of a campaign with a duty-driven indicator (issue 14 review): what is read of a DRAFT
 * does not outlive its start, and two simultaneous starts give one campaign started once and one 409.
 */
class CampaignStartTest {
    /**
     * A fixed clock that, once armed, holds each caller of {@code millis()} until the other has arrived too (or 2 s have
     * passed). The transition reads the clock inside its transaction only, after it has decided it may move the
     * campaign: two starts that both get there both believe they won.
     */
    static final class GateClock extends Clock {
        volatile CyclicBarrier gate;

        @Override
        public long millis() {
            CyclicBarrier g = gate;
            if (g != null) {
                try {
                    g.await(2, TimeUnit.SECONDS);
                } catch (TimeoutException | BrokenBarrierException e) {
                    // the other start is waiting for this one's row lock: go on alone
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return Instant.parse("2026-03-01T00:00:00Z").toEpochMilli();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final GateClock clock = new GateClock();
    private LocalJpaTemplate jpa;
    private JpaCampaignService campaigns;
    private long systemId;

    @BeforeEach
    void start() {
        jpa = new LocalJpaTemplate("campaign-duty-test", "META-INF/campaign-duty-test-persistence.xml");
        FakeRegistry registry = CampaignDutyLeavesTest.registry(CampaignDutyLeavesTest.DUTIES);
        JpaIndicatorSystemService systems = new JpaIndicatorSystemService(jpa, registry, id -> null);
        systemId = systems.publishContributed(CampaignDutyLeavesTest.SYSTEM, "370500", "duties",
                CampaignDutyLeavesTest.definition()).id();
        campaigns = new JpaCampaignService(jpa, registry, systems, Scoring.DEFAULT_BANDS, clock);
        campaigns.setDuties(registry);
    }

    @AfterEach
    void stop() {
        campaigns.close(); // its result snapshot is written before the database goes
        jpa.close();
    }

    /** A DRAFT naming its targets (units 1 and 2): only then is there anything to read of it before the start. */
    private Campaign draft() {
        return campaigns.create(CampaignDutyLeavesTest.CITY, "370500", new CampaignDraft(CampaignKind.ROUTINE, "2026年度常规监管",
                null, new Period(Period.PeriodType.YEAR, 2026, null), Map.of(UnitKind.GOVERNMENT_DEPARTMENT, systemId), null,
                LocalDate.of(2026, 12, 20), LocalDate.of(2026, 12, 30), List.of(1L, 2L), null));
    }

    private void office(long campaignId, String code) {
        campaigns.recordInput(CampaignDutyLeavesTest.CITY, campaignId, 1, code, IndicatorInput.value(BigDecimal.valueOf(80)),
                InputSource.OFFICE, "统计");
    }

    @Test
    void whatWasReadOfTheDraftDoesNotHideTheDutiesFrozenAtTheStart() {
        Campaign draft = draft();
        // a unit looks at its system while the office prepares the campaign: no duties are frozen yet
        assertTrue(CampaignDutyLeavesTest.find(campaigns.systemFor(CampaignDutyLeavesTest.CITY, draft.id(), 1).indicators(),
                "D1.1").leaf());

        Campaign c = campaigns.transition(CampaignDutyLeavesTest.CITY, draft.id(), CampaignState.COLLECTING, "开始采集");
        assertEquals(3, CampaignDutyLeavesTest.find(campaigns.systemFor(CampaignDutyLeavesTest.CITY, c.id(), 1).indicators(),
                "D1.1").children().size());
        office(c.id(), "D1.1-3");
        CampaignDutyLeavesTest.refused(ProblemKind.INVALID, () -> office(c.id(), "D1.1"));
        assertEquals(List.of("D1.1-1", "D1.1-2", "D1.2", "D2.1"), campaigns.coverage(CampaignDutyLeavesTest.CITY, c.id()).stream()
                .filter(x -> x.unitId() == 1).findFirst().orElseThrow().missingCodes());
    }

    @Test
    void ofTwoSimultaneousStartsOneWinsAndTheOtherIsToldConflict() throws Exception {
        Campaign draft = draft();
        clock.gate = new CyclicBarrier(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Object> outcomes = Collections.synchronizedList(new ArrayList<>());
        List<Thread> starts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    outcomes.add(campaigns.transition(CampaignDutyLeavesTest.CITY, draft.id(), CampaignState.COLLECTING, "开始采集"));
                } catch (Throwable e) {
                    outcomes.add(e);
                }
            });
            t.start();
            starts.add(t);
        }
        go.countDown();
        for (Thread t : starts) {
            t.join(30_000);
        }
        clock.gate = null;

        assertEquals(2, outcomes.size(), outcomes.toString());
        assertEquals(1, outcomes.stream().filter(o -> o instanceof Campaign).count(), outcomes.toString());
        Object lost = outcomes.stream().filter(o -> !(o instanceof Campaign)).findFirst().orElseThrow();
        assertTrue(lost instanceof SupervisionException, lost.toString());
        assertEquals(ProblemKind.CONFLICT, ((SupervisionException) lost).kind(), lost.toString());

        assertEquals(3L, count("select count(d) from CampaignDutyEntity d where d.campaignId = :c", draft.id()));
        assertEquals(3L, count("select count(l) from DutyLeafEntity l where l.campaignId = :c", draft.id()));
        assertEquals(1, campaigns.history(CampaignDutyLeavesTest.CITY, draft.id()).stream()
                .filter(t -> t.to() == CampaignState.COLLECTING).count());
        assertEquals(3, campaigns.dutyLeaves(CampaignDutyLeavesTest.CITY, draft.id(), 1L).size());
    }

    private long count(String jpql, long campaignId) {
        return jpa.txExpr(em -> em.createQuery(jpql, Long.class).setParameter("c", campaignId).getSingleResult());
    }
}
