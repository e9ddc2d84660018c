package cn.supervision.campaign.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignDraft;
import cn.supervision.api.campaign.CampaignKind;
import cn.supervision.api.campaign.CampaignService.Correction;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.InputSource;
import cn.supervision.api.campaign.Period;
import cn.supervision.api.campaign.ResultRevision;
import cn.supervision.api.campaign.UnitResult;
import cn.supervision.api.indicator.Evaluation;
import cn.supervision.api.indicator.IndicatorInput;
import cn.supervision.api.indicator.IndicatorSystem;
import cn.supervision.api.indicator.IndicatorSystemService;
import cn.supervision.api.registry.DutyRecord;
import cn.supervision.api.registry.UnitKind;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.testing.LocalJpaTemplate;
import cn.supervision.testing.fakes.FakeIndicatorSystemService;

/**
 * Two offices correcting published results of one campaign at the same moment (one unit each): both corrections are
 * taken, they become two consecutive revisions, and the latest holds both. Before, each numbered its revision from the
 * same maximum, and the second to commit hit the unique revision number with a 500; had it not, the later number could
 * have held results computed before the other's correction.
 */
class ResultCorrectionRaceTest {
    private static final int ROUNDS = 8;

    private LocalJpaTemplate jpa;
    private JpaCampaignService campaigns;

    /** The core score is the unit's A1 input, so a revision's totals show which corrections it was computed with. */
    private static IndicatorSystemService systems() {
        IndicatorSystemService base = CampaignServiceTest.systems();
        return new FakeIndicatorSystemService() {
            @Override
            public IndicatorSystem get(cn.supervision.api.security.Caller c, long id) {
                return base.get(c, id);
            }

            @Override
            public <K> Map<K, Evaluation> evaluateAll(cn.supervision.api.security.Caller c, long id,
                    Map<K, Map<String, IndicatorInput>> inputsByUnit) {
                Map<K, Evaluation> out = new java.util.LinkedHashMap<>();
                inputsByUnit.forEach((k, in) -> out.put(k, ScoringTest.evaluation(in.get("A1").value().toPlainString(), "16", "9", "12",
                        "13.5", "0", "0", false, false)));
                return out;
            }

            @Override
            public <K> Map<K, Evaluation> evaluateAll(cn.supervision.api.security.Caller c, long id,
                    Map<K, Map<String, IndicatorInput>> inputsByUnit, Map<K, List<DutyRecord>> dutiesByUnit) {
                return evaluateAll(c, id, inputsByUnit);
            }
        };
    }

    @BeforeEach
    void start() {
        jpa = new LocalJpaTemplate("campaign-test", "META-INF/campaign-test-persistence.xml");
        campaigns = new JpaCampaignService(jpa, new FakeRegistry(CampaignServiceTest.JURISDICTIONS, CampaignServiceTest.UNITS), systems());
    }

    @AfterEach
    void stop() {
        campaigns.close();
        jpa.close();
    }

    private Campaign published() {
        Campaign c = campaigns.create(CampaignServiceTest.CITY, "370500", new CampaignDraft(CampaignKind.ROUTINE, "常规", null,
                new Period(Period.PeriodType.YEAR, 2026, null), Map.of(UnitKind.GOVERNMENT_DEPARTMENT, 10L, UnitKind.PARTY_ORGAN, 10L),
                null, null, null, List.of(1L, 2L), null));
        campaigns.transition(CampaignServiceTest.CITY, c.id(), CampaignState.COLLECTING, "开始");
        for (long unit : List.of(1L, 2L)) {
            campaigns.recordInput(CampaignServiceTest.CITY, c.id(), unit, "A1", IndicatorInput.value(BigDecimal.valueOf(20)),
                    InputSource.OFFICE, "统计");
        }
        campaigns.transition(CampaignServiceTest.CITY, c.id(), CampaignState.SCORING, "采集截止");
        return campaigns.transition(CampaignServiceTest.CITY, c.id(), CampaignState.PUBLISHED, "审定");
    }

    private static Map<Long, BigDecimal> totals(ResultRevision r) {
        Map<Long, BigDecimal> out = new TreeMap<>();
        for (UnitResult u : r.results()) {
            out.put(u.unitId(), u.total());
        }
        return out;
    }

    @Test
    void simultaneousCorrectionsBecomeConsecutiveRevisionsAndTheLatestHoldsBoth() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                Campaign c = published();
                CountDownLatch go = new CountDownLatch(1);
                List<Future<ResultRevision>> done = new ArrayList<>();
                for (long unit : List.of(1L, 2L)) {
                    BigDecimal value = BigDecimal.valueOf(unit == 1 ? 30 : 35);
                    done.add(pool.submit(() -> {
                        go.await();
                        return campaigns.correct(CampaignServiceTest.CITY, c.id(), "核实单位" + unit + "数据",
                                List.of(new Correction(unit, "A1", IndicatorInput.value(value))));
                    }));
                }
                go.countDown();
                List<Integer> numbers = new ArrayList<>();
                for (Future<ResultRevision> f : done) {
                    numbers.add(f.get(30, TimeUnit.SECONDS).revision()); // a refused correction fails the test here
                }
                Collections.sort(numbers);
                assertEquals(List.of(2, 3), numbers, "round " + round);
                List<ResultRevision> revisions = campaigns.revisions(CampaignServiceTest.CITY, c.id());
                assertEquals(List.of(1, 2, 3), revisions.stream().map(ResultRevision::revision).toList());
                // (20 + 16 + 12 + 13.5) × 100 / 90 before; 30 → 79.44, 35 → 85.00
                assertEquals(Map.of(1L, new BigDecimal("68.33"), 2L, new BigDecimal("68.33")), totals(revisions.get(0)));
                assertEquals(Map.of(1L, new BigDecimal("79.44"), 2L, new BigDecimal("85.00")), totals(revisions.get(2)),
                        "round " + round + ": the latest revision holds both corrections");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
