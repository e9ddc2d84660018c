package cn.supervision.campaign.internal;

import static cn.supervision.campaign.internal.CampaignDutyLeavesTest.CITY;
import static cn.supervision.campaign.internal.CampaignDutyLeavesTest.LEADER;
import static cn.supervision.campaign.internal.CampaignDutyLeavesTest.UNIT1;
import static cn.supervision.campaign.internal.CampaignDutyLeavesTest.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.aries.jpa.template.JpaTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignDraft;
import cn.supervision.api.campaign.CampaignKind;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.InputBatch;
import cn.supervision.api.campaign.InputDraft;
import cn.supervision.api.campaign.InputRecord;
import cn.supervision.api.campaign.InputSource;
import cn.supervision.api.campaign.Period;
import cn.supervision.api.campaign.RequestKey;
import cn.supervision.api.campaign.ReviewStatus;
import cn.supervision.api.indicator.IndicatorInput;
import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.registry.UnitKind;
import cn.supervision.indicator.internal.JpaIndicatorSystemService;
import cn.supervision.testing.CommitGate;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.testing.LocalJpaTemplate;
import cn.supervision.testing.MutableClock;

/**
 * Keyed input writes (Idempotency-Key) on two nodes of one database: a retry of a written request, on the other node,
 * before or while the first attempt commits, is answered with the first answer and writes nothing; the same key with
 * other content is refused; a key is the caller's own; keys are forgotten after a day.
 */
class InputRequestKeyTest {
    private static final RequestKey KEY = new RequestKey("8e03978e-40d5-43e8-bc93-6894a57f9324");
    /** How long node B may take to reach the lock it is to wait on. */
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
    private final List<JpaCampaignService> started = new ArrayList<>();
    private LocalJpaTemplate jpa;
    private FakeRegistry registry;
    private JpaIndicatorSystemService systems;
    private long systemId;

    @BeforeEach
    void start() {
        jpa = new LocalJpaTemplate("campaign-duty-test", "META-INF/campaign-duty-test-persistence.xml");
        registry = CampaignDutyLeavesTest.registry(CampaignDutyLeavesTest.DUTIES);
        systems = new JpaIndicatorSystemService(jpa, registry, id -> null);
        systemId = systems.publishContributed(CampaignDutyLeavesTest.SYSTEM, "370500", "duties", CampaignDutyLeavesTest.definition()).id();
    }

    @AfterEach
    void stop() {
        started.forEach(JpaCampaignService::close);
        jpa.close();
    }

    /** A node: its own services and caches on the shared database. */
    private JpaCampaignService node(JpaTemplate template, Clock nodeClock) {
        JpaCampaignService s = new JpaCampaignService(template, registry, systems, Scoring.DEFAULT_BANDS, nodeClock);
        s.setDuties(registry);
        started.add(s);
        return s;
    }

    private JpaCampaignService node() {
        return node(jpa, clock);
    }

    private Campaign collecting(JpaCampaignService node) {
        Campaign c = node.create(CITY, "370500", new CampaignDraft(CampaignKind.ROUTINE, "2026年度常规监管", null,
                new Period(Period.PeriodType.YEAR, 2026, null), Map.of(UnitKind.GOVERNMENT_DEPARTMENT, systemId), null,
                LocalDate.of(2026, 12, 20), LocalDate.of(2026, 12, 30), List.of(1L, 2L), null));
        return node.transition(CITY, c.id(), CampaignState.COLLECTING, "开始采集");
    }

    private static InputDraft office(long unitId, String code, int value) {
        return new InputDraft(unitId, code, IndicatorInput.value(BigDecimal.valueOf(value)), InputSource.OFFICE, "统计");
    }

    private long inputs(long campaignId) {
        return jpa.txExpr(em -> em.createQuery("select count(i) from InputEntity i where i.campaignId = :c", Long.class)
                .setParameter("c", campaignId).getSingleResult());
    }

    private long keys() {
        return jpa.txExpr(em -> em.createQuery("select count(r) from InputRequestEntity r", Long.class).getSingleResult());
    }

    @Test
    void aRetryOnTheOtherNodeGetsTheFirstAnswerEvenOnceTheCampaignMovedOn() {
        JpaCampaignService a = node();
        JpaCampaignService b = node();
        Campaign c = collecting(a);

        RequestKey.Answer<InputRecord> first = a.recordInput(CITY, c.id(), office(1, "D1.2", 80), KEY);
        assertFalse(first.replayed());
        RequestKey.Answer<InputRecord> retry = b.recordInput(CITY, c.id(), office(1, "D1.2", 80), KEY);
        assertTrue(retry.replayed());
        assertEquals(first.answer(), retry.answer());
        assertEquals(1, inputs(c.id()));

        // published since: the retry is still answered as the write was, not refused as too late
        b.transition(CITY, c.id(), CampaignState.SCORING, "评分");
        b.transition(CITY, c.id(), CampaignState.PUBLISHED, "发布");
        RequestKey.Answer<InputRecord> late = a.recordInput(CITY, c.id(), office(1, "D1.2", 80), KEY);
        assertTrue(late.replayed());
        assertEquals(first.answer(), late.answer());
        assertEquals(1, inputs(c.id()));
        refused(ProblemKind.CONFLICT, () -> a.recordInput(CITY, c.id(), office(1, "D1.2", 80), new RequestKey("another")));
    }

    @Test
    void theReplayIsTheFirstAnswerNotTheRecordAsItIsNow() {
        JpaCampaignService a = node();
        Campaign c = collecting(a);
        InputDraft self = new InputDraft(1, "D1.1-1", IndicatorInput.value(BigDecimal.valueOf(90)), InputSource.SELF_REPORT, null);
        InputRecord first = a.recordInput(UNIT1, c.id(), self, KEY).answer();
        assertEquals(ReviewStatus.SUBMITTED, first.review());
        a.review(CITY, c.id(), first.id(), false, "请补充依据");

        RequestKey.Answer<InputRecord> retry = node().recordInput(UNIT1, c.id(), self, KEY);
        assertTrue(retry.replayed());
        assertEquals(first, retry.answer());
        assertEquals(1, inputs(c.id()));
    }

    @Test
    void theSameKeyForAnythingElseIsRefusedAndAnotherCallersKeyIsTheirs() {
        JpaCampaignService a = node();
        Campaign c = collecting(a);
        Campaign other = collecting(a);
        a.recordInput(CITY, c.id(), office(1, "D1.2", 80), KEY);

        refused(ProblemKind.CONFLICT, () -> a.recordInput(CITY, c.id(), office(1, "D1.2", 81), KEY));
        refused(ProblemKind.CONFLICT, () -> a.recordInput(CITY, c.id(), office(2, "D1.2", 80), KEY));
        refused(ProblemKind.CONFLICT, () -> a.recordInput(CITY, other.id(), office(1, "D1.2", 80), KEY));
        // the same draft sent as a batch of one is another request
        refused(ProblemKind.CONFLICT, () -> a.recordInputs(CITY, c.id(), List.of(office(1, "D1.2", 80)), KEY));
        assertEquals(1, inputs(c.id()));
        assertEquals(0, inputs(other.id()));

        // another caller's key of the same text is a key of its own
        var otherAdmin = new cn.supervision.api.security.Caller("city-admin-2", CITY.roles(), "370500", null);
        RequestKey.Answer<InputRecord> theirs = a.recordInput(otherAdmin, c.id(), office(1, "D1.2", 80), KEY);
        assertFalse(theirs.replayed());
        assertEquals(2, inputs(c.id()));
        refused(ProblemKind.FORBIDDEN, () -> a.recordInput(LEADER, c.id(), office(1, "D1.2", 80), new RequestKey("leader-1")));
        assertEquals(2, keys());
    }

    @Test
    void aBatchIsReplayedWholeAndARefusedOneLeavesItsKeyFree() {
        JpaCampaignService a = node();
        JpaCampaignService b = node();
        Campaign c = collecting(a);
        List<InputDraft> bad = List.of(office(1, "D1.2", 80), office(2, "D1.1-1", 70)); // unit 2 reports D1.1 as it is
        InputBatch refusedBatch = a.recordInputs(CITY, c.id(), bad, KEY).answer();
        assertFalse(refusedBatch.written());
        assertEquals(0, keys());

        List<InputDraft> good = List.of(office(1, "D1.2", 80), office(2, "D1.1", 70), office(1, "D1.1-2", 60));
        RequestKey.Answer<InputBatch> first = a.recordInputs(CITY, c.id(), good, KEY);
        assertTrue(first.answer().written());
        assertFalse(first.replayed());
        RequestKey.Answer<InputBatch> retry = b.recordInputs(CITY, c.id(), good, KEY);
        assertTrue(retry.replayed());
        assertEquals(first.answer(), retry.answer());
        assertEquals(3, inputs(c.id()));
        // the answer lists the drafts in the order sent
        assertEquals(List.of("D1.2", "D1.1", "D1.1-2"), retry.answer().outcomes().stream().map(o -> o.record().code()).toList());
    }

    @Test
    void aRetryRacingItsFirstAttemptOnTheOtherNodeWaitsForItAndIsAnsweredFromIt() throws Exception {
        CommitGate gate = new CommitGate(jpa);
        JpaCampaignService a = node(gate, clock);
        HookedClock bClock = new HookedClock(clock);
        JpaCampaignService b = node(jpa, bClock);
        Campaign c = collecting(a);
        long versionBefore = version(c.id());
        InputDraft draft = office(1, "D1.2", 80);

        gate.holdNext();
        AtomicReference<Object> first = new AtomicReference<>();
        AtomicReference<Object> retry = new AtomicReference<>();
        Thread nodeA = new Thread(() -> first.set(attempt(() -> a.recordInput(CITY, c.id(), draft, KEY))));
        // node B has looked the key up (nothing yet) and checks the draft when node A writes, then stops before commit
        bClock.next = () -> {
            nodeA.start();
            gate.awaitHeld();
        };
        Thread nodeB = new Thread(() -> retry.set(attempt(() -> b.recordInput(CITY, c.id(), draft, KEY))));
        try {
            nodeB.start();
            gate.awaitHeld();
            assertTrue(jpa.database().awaitLockWait("SV_CAMPAIGN", WAIT),
                    "node B goes on to its write and waits for the campaign row node A holds");
        } finally {
            gate.open();
        }
        nodeA.join(30_000);
        nodeB.join(30_000);

        RequestKey.Answer<?> written = (RequestKey.Answer<?>) first.get();
        assertTrue(retry.get() instanceof RequestKey.Answer<?>, String.valueOf(retry.get()));
        RequestKey.Answer<?> replayed = (RequestKey.Answer<?>) retry.get();
        assertFalse(written.replayed());
        assertTrue(replayed.replayed());
        assertEquals(written.answer(), replayed.answer());
        assertEquals(1, inputs(c.id()));
        assertEquals(1, keys());
        // the replay rolled its claim back: the campaign's input version counts the one write
        assertEquals(versionBefore + 1, version(c.id()));
    }

    @Test
    void theSameKeyRacingOnAnotherCampaignIsRefused() throws Exception {
        CommitGate gate = new CommitGate(jpa);
        JpaCampaignService a = node(gate, clock);
        JpaCampaignService b = node();
        Campaign c = collecting(a);
        Campaign other = collecting(a);

        gate.holdNext();
        AtomicReference<Object> first = new AtomicReference<>();
        Thread nodeA = new Thread(() -> first.set(attempt(() -> a.recordInput(CITY, c.id(), office(1, "D1.2", 80), KEY))));
        AtomicReference<Object> second = new AtomicReference<>();
        Thread nodeB = new Thread(() -> second.set(attempt(() -> b.recordInput(CITY, other.id(), office(1, "D1.2", 80), KEY))));
        try {
            nodeA.start();
            gate.awaitHeld(); // node A holds the key, not committed
            nodeB.start();
            // Derby: node B's look-up of the key waits for node A's row; PostgreSQL: its insert of the key waits on the unique key
            assertTrue(jpa.database().awaitLockWait("SV_CAMPAIGN_INPUT_REQUEST", WAIT), "node B waits for node A's key");
        } finally {
            gate.open();
        }
        nodeA.join(30_000);
        nodeB.join(30_000);

        assertTrue(first.get() instanceof RequestKey.Answer<?>, String.valueOf(first.get()));
        assertTrue(second.get() instanceof cn.supervision.api.problem.SupervisionException e && e.kind() == ProblemKind.CONFLICT,
                String.valueOf(second.get()));
        assertEquals(1, inputs(c.id()));
        assertEquals(0, inputs(other.id()));
    }

    @Test
    void keysAreForgottenAfterADay() {
        JpaCampaignService a = node();
        Campaign c = collecting(a);
        a.recordInput(CITY, c.id(), office(1, "D1.2", 80), KEY);
        clock.advance(Duration.ofHours(23));
        a.recordInput(CITY, c.id(), office(1, "D2.1", 80), new RequestKey("k2"));
        assertEquals(2, keys());
        assertTrue(a.recordInput(CITY, c.id(), office(1, "D1.2", 80), KEY).replayed());

        clock.advance(Duration.ofHours(2)); // 25 h after the first key, 2 h after the last clean-up
        a.recordInput(CITY, c.id(), office(1, "D2.1", 90), new RequestKey("k3"));
        assertEquals(2, keys(), "the first key was deleted");
        RequestKey.Answer<InputRecord> again = a.recordInput(CITY, c.id(), office(1, "D1.2", 80), KEY);
        assertFalse(again.replayed(), "a key forgotten is a new request");
        assertEquals(4, inputs(c.id()));
    }

    @Test
    void keysAreVisibleAsciiOfBoundedLength() {
        refused(ProblemKind.INVALID, () -> new RequestKey(""));
        refused(ProblemKind.INVALID, () -> new RequestKey("a b"));
        refused(ProblemKind.INVALID, () -> new RequestKey("\"quoted\""));
        refused(ProblemKind.INVALID, () -> new RequestKey("键"));
        refused(ProblemKind.INVALID, () -> new RequestKey("x".repeat(RequestKey.MAX_LENGTH + 1)));
        assertEquals(RequestKey.MAX_LENGTH, new RequestKey("x".repeat(RequestKey.MAX_LENGTH)).value().length());
        assertEquals(null, RequestKey.of(null));
        assertNotEquals(KEY, new RequestKey("other"));
    }

    private long version(long campaignId) {
        Object v = jpa.txExpr(em -> em.createNativeQuery("SELECT INPUTVERSION FROM SV_CAMPAIGN WHERE ID = ?")
                .setParameter(1, campaignId).getSingleResult());
        return v == null ? 0 : ((Number) v).longValue();
    }

    private static Object attempt(Callable<Object> call) {
        try {
            return call.call();
        } catch (Throwable e) {
            return e;
        }
    }

    /** A clock that runs a hook the next time it is read. */
    static final class HookedClock extends Clock {
        private final Clock time;
        volatile Runnable next;

        HookedClock(Clock time) {
            this.time = time;
        }

        @Override
        public long millis() {
            Runnable r = next;
            next = null;
            if (r != null) {
                r.run();
            }
            return time.millis();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }

        @Override
        public ZoneId getZone() {
            return time.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
