package cn.supervision.campaign.internal;

import static cn.supervision.campaign.internal.CampaignDutyLeavesTest.CITY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignDraft;
import cn.supervision.api.campaign.CampaignKind;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.InputSource;
import cn.supervision.api.campaign.Period;
import cn.supervision.api.campaign.UnitResult;
import cn.supervision.api.indicator.Evaluation;
import cn.supervision.api.indicator.IndicatorInput;
import cn.supervision.api.indicator.IndicatorSystem;
import cn.supervision.api.registry.UnitKind;
import cn.supervision.api.security.Caller;
import cn.supervision.indicator.internal.JpaIndicatorSystemService;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.testing.LocalJpaTemplate;

/**
 * Live results answered from the cache: the pinned system is read once, an input moves only its unit's row, and
 * concurrent inputs leave nothing stale behind — each writer reads its own write, and the cache ends where a fresh
 * start from the database would.
 */
class LiveResultsTest {
    private final java.util.List<JpaCampaignService> started = new java.util.ArrayList<>();
    /** Unit 1 reports its D1.1 duty by duty; unit 2 as the template. */
    static final Map<Long, List<String>> CODES = Map.of(1L, List.of("D1.1-1", "D1.1-2", "D1.1-3", "D1.2", "D2.1"),
            2L, List.of("D1.1", "D1.2", "D2.1"));

    private final AtomicInteger reads = new AtomicInteger();
    private LocalJpaTemplate jpa;
    private FakeRegistry registry;
    private JpaIndicatorSystemService systems;
    private JpaCampaignService campaigns;
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
        campaigns = service();
        Campaign draft = campaigns.create(CITY, "370500", new CampaignDraft(CampaignKind.ROUTINE, "2026年度常规监管", null,
                new Period(Period.PeriodType.YEAR, 2026, null), Map.of(UnitKind.GOVERNMENT_DEPARTMENT, systemId), null,
                LocalDate.of(2026, 12, 20), LocalDate.of(2026, 12, 30), List.of(1L, 2L), null));
        campaign = campaigns.transition(CITY, draft.id(), CampaignState.COLLECTING, "开始采集");
    }

    private JpaCampaignService service() {
        JpaCampaignService s = new JpaCampaignService(jpa, registry, systems);
        started.add(s);
        s.setDuties(registry);
        return s;
    }

    @AfterEach
    void stop() {
        started.forEach(JpaCampaignService::close); // their result snapshots are written before the database goes
        jpa.close();
    }

    private void record(long unitId, String code, int value) {
        campaigns.recordInput(CITY, campaign.id(), unitId, code, IndicatorInput.value(BigDecimal.valueOf(value)), InputSource.OFFICE, "统计");
    }

    private UnitResult row(List<UnitResult> results, long unitId) {
        return results.stream().filter(r -> r.unitId() == unitId).findFirst().orElseThrow();
    }

    private static BigDecimal leaf(List<Evaluation.NodeScore> nodes, String code) {
        for (Evaluation.NodeScore n : nodes) {
            if (n.code().equals(code)) {
                return n.score();
            }
            BigDecimal below = n.children() == null ? null : leaf(n.children(), code);
            if (below != null) {
                return below;
            }
        }
        return null;
    }

    @Test
    void thePinnedSystemIsReadOnceNotOncePerInput() {
        record(1, "D1.2", 50);
        campaigns.results(CITY, campaign.id(), null);
        int before = reads.get();
        for (int i = 0; i < 3; i++) {
            record(1 + i % 2, "D1.2", 60 + i);
            campaigns.results(CITY, campaign.id(), null);
        }
        assertEquals(before, reads.get(), "inputs and results after the first answer read the system again");
    }

    @Test
    void aRescoredUnitMovesToWhereAFreshStartRanksIt() {
        for (long unit : CODES.keySet()) {
            for (String code : CODES.get(unit)) {
                record(unit, code, unit == 1 ? 40 : 70);
            }
        }
        List<UnitResult> first = campaigns.results(CITY, campaign.id(), null);
        assertEquals(List.of(2L, 1L), first.stream().map(UnitResult::unitId).toList());
        record(1, "D2.1", 100);
        record(1, "D1.2", 100);
        List<UnitResult> moved = campaigns.results(CITY, campaign.id(), null);
        assertEquals(service().results(CITY, campaign.id(), null), moved);
        assertEquals(List.of(1L, 2L), moved.stream().map(UnitResult::unitId).toList());
        assertEquals(List.of(1, 2), moved.stream().map(UnitResult::rank).toList());
    }

    @Test
    void concurrentInputsLeaveNoStaleResults() throws Exception {
        List<long[]> pairs = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        CODES.forEach((unit, list) -> list.forEach(code -> {
            pairs.add(new long[] {unit});
            codes.add(code);
        }));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < pairs.size(); t++) {
                long unit = pairs.get(t)[0];
                String code = codes.get(t);
                done.add(pool.submit(() -> {
                    BigDecimal last = BigDecimal.valueOf(-1);
                    // this writer alone writes its unit's code, ever higher: a result not above the last one is stale
                    for (int v = 5; v <= 100; v += 5) {
                        record(unit, code, v);
                        BigDecimal now = leaf(row(campaigns.results(CITY, campaign.id(), null), unit).evaluation().indicators(), code);
                        assertTrue(now.compareTo(last) > 0, code + " of unit " + unit + " at " + v + ": " + now + " after " + last);
                        last = now;
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(service().results(CITY, campaign.id(), null), campaigns.results(CITY, campaign.id(), null));
    }
}
