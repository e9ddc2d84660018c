package cn.supervision.campaign.internal;

import static cn.supervision.campaign.internal.CampaignDutyLeavesTest.CITY;
import static cn.supervision.campaign.internal.CampaignDutyLeavesTest.LIJIN;
import static cn.supervision.campaign.internal.CampaignDutyLeavesTest.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignDraft;
import cn.supervision.api.campaign.CampaignKind;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.InputBatch;
import cn.supervision.api.campaign.InputDraft;
import cn.supervision.api.campaign.InputSource;
import cn.supervision.api.campaign.Period;
import cn.supervision.api.campaign.UnitResult;
import cn.supervision.api.indicator.IndicatorInput;
import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.UnitKind;
import cn.supervision.indicator.internal.JpaIndicatorSystemService;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.testing.LocalJpaTemplate;

/**
 * recordInputs: one batch, one transaction, all or nothing (unit 1 reports D1.1 duty by duty, unit 2 as it is). Real
 * indicator engine, OpenJPA on Derby.
 */
class CampaignInputBatchTest {
    /** A fixed clock that runs a hook the next time it is read: lets a transition commit between a batch's check and write. */
    static final class HookClock extends Clock {
        volatile Runnable next;

        @Override
        public long millis() {
            Runnable r = next;
            next = null;
            if (r != null) {
                r.run();
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

    private final HookClock clock = new HookClock();
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

    private Campaign draft() {
        return campaigns.create(CITY, "370500", new CampaignDraft(CampaignKind.ROUTINE, "2026年度常规监管", null,
                new Period(Period.PeriodType.YEAR, 2026, null), Map.of(UnitKind.GOVERNMENT_DEPARTMENT, systemId), null,
                LocalDate.of(2026, 12, 20), LocalDate.of(2026, 12, 30), List.of(1L, 2L), null));
    }

    private Campaign collecting() {
        return campaigns.transition(CITY, draft().id(), CampaignState.COLLECTING, "开始采集");
    }

    private static InputDraft office(long unitId, String code) {
        return new InputDraft(unitId, code, IndicatorInput.value(BigDecimal.valueOf(80)), InputSource.OFFICE, "统计");
    }

    /** Every leaf of both units: unit 1's D1.1 expanded into its three duties, unit 2's as it is. */
    private static List<InputDraft> everything() {
        List<InputDraft> all = new ArrayList<>();
        for (String code : List.of("D1.1-1", "D1.1-2", "D1.1-3", "D1.2", "D2.1")) {
            all.add(office(1, code));
        }
        for (String code : List.of("D1.1", "D1.2", "D2.1")) {
            all.add(office(2, code));
        }
        return all;
    }

    private long inputs(long campaignId) {
        return jpa.txExpr(em -> em.createQuery("select count(i) from InputEntity i where i.campaignId = :c", Long.class)
                .setParameter("c", campaignId).getSingleResult());
    }

    @Test
    void aBatchWithOneBadDraftWritesNothingAndNamesIt() {
        Campaign c = collecting();
        campaigns.recordInput(CITY, c.id(), 1, "D1.2", IndicatorInput.value(BigDecimal.valueOf(50)), InputSource.OFFICE, "统计");
        List<UnitResult> before = campaigns.results(CITY, c.id(), null);
        assertEquals(1, inputs(c.id()));

        InputBatch batch = campaigns.recordInputs(CITY, c.id(), List.of(office(1, "D1.1-1"), office(2, "D1.2"),
                office(1, "D1.1"), office(2, "D2.1"), office(7, "D1.2")));

        assertFalse(batch.written());
        assertEquals(5, batch.outcomes().size());
        assertEquals(List.of(2, 4), batch.refused().stream().map(InputBatch.Outcome::index).toList());
        InputBatch.Outcome template = batch.outcomes().get(2);
        assertEquals(ProblemKind.INVALID, template.refusal());
        assertEquals("指标 D1.1 不是该单位所用指标体系中的末级指标或加减分项", template.reason());
        assertEquals("单位 7 不是本次监管活动的对象", batch.outcomes().get(4).reason());
        batch.outcomes().stream().filter(o -> o.refusal() == null).forEach(o -> {
            assertNull(o.record());
            assertNull(o.reason());
        });
        assertEquals(1, inputs(c.id()));
        assertEquals(before, campaigns.results(CITY, c.id(), null));

        // the single call refuses the same draft with the same kind and words
        SupervisionException one = refused(ProblemKind.INVALID, () -> campaigns.recordInput(CITY, c.id(), 1, "D1.1",
                IndicatorInput.value(BigDecimal.ONE), InputSource.OFFICE, "统计"));
        assertEquals(template.reason(), one.getMessage());
        assertEquals(1, inputs(c.id()));
    }

    @Test
    void aGoodBatchWritesEveryInputAtOnce() {
        Campaign c = collecting();
        assertEquals(2, campaigns.coverage(CITY, c.id()).size());

        InputBatch batch = campaigns.recordInputs(CITY, c.id(), everything());

        assertTrue(batch.written());
        assertTrue(batch.refused().isEmpty());
        assertEquals(8, batch.outcomes().size());
        for (int i = 0; i < 8; i++) {
            InputBatch.Outcome o = batch.outcomes().get(i);
            assertEquals(i, o.index());
            assertNotNull(o.record());
            assertEquals(everything().get(i).code(), o.record().code());
            assertEquals(everything().get(i).unitId(), o.record().unitId());
        }
        assertEquals(8, inputs(c.id()));
        assertEquals(List.of(), campaigns.coverage(CITY, c.id()));
        List<UnitResult> results = campaigns.results(CITY, c.id(), null);
        assertEquals(2, results.size());
        results.forEach(r -> assertEquals(0, r.missingInputs(), r.toString()));
    }

    @Test
    void refusalsOfTheWholeBatchAreThrown() {
        Campaign draft = draft();
        refused(ProblemKind.CONFLICT, () -> campaigns.recordInputs(CITY, draft.id(), everything()));
        refused(ProblemKind.NOT_FOUND, () -> campaigns.recordInputs(CITY, 999_999, everything()));
        Campaign c = campaigns.transition(CITY, draft.id(), CampaignState.COLLECTING, "开始采集");
        refused(ProblemKind.FORBIDDEN, () -> campaigns.recordInputs(LIJIN, c.id(), everything()));
        refused(ProblemKind.INVALID, () -> campaigns.recordInputs(CITY, c.id(), null));
        assertEquals(0, inputs(c.id()));
    }

    @Test
    void aBatchBeyondTheCapIsRefusedWholeAndANullDraftIsNamed() {
        Campaign c = collecting();
        List<InputDraft> tooMany = java.util.Collections.nCopies(InputRecorder.MAX_BATCH + 1, office(1, "D1.2"));
        SupervisionException large = refused(ProblemKind.TOO_LARGE, () -> campaigns.recordInputs(CITY, c.id(), tooMany));
        assertEquals("一批最多 " + InputRecorder.MAX_BATCH + " 项输入，收到 " + (InputRecorder.MAX_BATCH + 1) + " 项，请分批提交",
                large.getMessage());
        assertEquals(0, inputs(c.id()));

        InputBatch batch = campaigns.recordInputs(CITY, c.id(), java.util.Arrays.asList(office(1, "D1.2"), null));
        assertFalse(batch.written());
        assertEquals(ProblemKind.INVALID, batch.outcomes().get(1).refusal());
        assertEquals("缺少输入", batch.outcomes().get(1).reason());
        assertNull(batch.outcomes().get(0).refusal());
        assertEquals(0, inputs(c.id()));
    }

    @Test
    void aPublicationBetweenTheCheckAndTheWriteRefusesTheBatch() {
        Campaign c = campaigns.transition(CITY, collecting().id(), CampaignState.SCORING, "评分");
        clock.next = () -> campaigns.transition(CITY, c.id(), CampaignState.PUBLISHED, "发布");

        refused(ProblemKind.CONFLICT, () -> campaigns.recordInputs(CITY, c.id(), everything()));

        assertEquals(CampaignState.PUBLISHED, campaigns.get(CITY, c.id()).state());
        assertEquals(0, inputs(c.id()));
        assertEquals(1, campaigns.revisions(CITY, c.id()).size());
    }

    @Test
    void aBatchRacingAPublicationIsWrittenWholeOrNotAtAll() throws Exception {
        Campaign c = campaigns.transition(CITY, collecting().id(), CampaignState.SCORING, "评分");
        CountDownLatch go = new CountDownLatch(1);
        Object[] outcomes = new Object[2];
        Thread batch = new Thread(() -> outcomes[0] = attempt(go, () -> campaigns.recordInputs(CITY, c.id(), everything())));
        Thread publish = new Thread(() -> outcomes[1] = attempt(go, () -> campaigns.transition(CITY, c.id(), CampaignState.PUBLISHED, "发布")));
        batch.start();
        publish.start();
        go.countDown();
        batch.join(30_000);
        publish.join(30_000);

        assertTrue(outcomes[1] instanceof Campaign, String.valueOf(outcomes[1]));
        long written = inputs(c.id());
        if (outcomes[0] instanceof InputBatch b) {
            assertTrue(b.written());
            assertEquals(8, written);
        } else {
            assertTrue(outcomes[0] instanceof SupervisionException e && e.kind() == ProblemKind.CONFLICT, String.valueOf(outcomes[0]));
            assertEquals(0, written);
        }
        refused(ProblemKind.CONFLICT, () -> campaigns.recordInputs(CITY, c.id(), everything()));
        assertEquals(written, inputs(c.id()));
    }

    private static Object attempt(CountDownLatch go, java.util.concurrent.Callable<Object> call) {
        try {
            go.await();
            return call.call();
        } catch (Throwable e) {
            return e;
        }
    }
}
