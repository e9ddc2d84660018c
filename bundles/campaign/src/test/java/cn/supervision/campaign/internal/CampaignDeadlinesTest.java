package cn.supervision.campaign.internal;

import cn.supervision.api.problem.ProblemKind;

import static cn.supervision.campaign.internal.CampaignServiceTest.CITY;
import static cn.supervision.campaign.internal.CampaignServiceTest.JURISDICTIONS;
import static cn.supervision.campaign.internal.CampaignServiceTest.LEADER;
import static cn.supervision.campaign.internal.CampaignServiceTest.LIJIN;
import static cn.supervision.campaign.internal.CampaignServiceTest.UNIT1;
import static cn.supervision.campaign.internal.CampaignServiceTest.UNITS;
import static cn.supervision.campaign.internal.CampaignServiceTest.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignDeadlines.Lateness;
import cn.supervision.api.campaign.CampaignDeadlines.UnitLateness;
import cn.supervision.api.campaign.CampaignDraft;
import cn.supervision.api.campaign.CampaignKind;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.InputRecord;
import cn.supervision.api.campaign.InputSource;
import cn.supervision.api.campaign.LatePolicy;
import cn.supervision.api.campaign.Period;
import cn.supervision.api.indicator.IndicatorInput;
import cn.supervision.api.indicator.IndicatorSystemService;
import cn.supervision.api.notification.Message;
import cn.supervision.api.notification.NotificationService;
import cn.supervision.api.registry.UnitKind;
import cn.supervision.api.schedule.PassResult;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Role;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.testing.LocalJpaTemplate;
import cn.supervision.testing.MutableClock;
import cn.supervision.testing.fakes.FakeNotificationService;

/** Collection deadlines: the late policy at the end of the deadline day in Asia/Shanghai, notices, reminders, lateness. */
class CampaignDeadlinesTest {
    static final Caller UNIT2 = new Caller("u2-user", Set.of(Role.UNIT_USER), "370500", "U2");
    static final LocalDate DEADLINE = LocalDate.of(2026, 9, 20);
    /** 2026-09-20 23:59:59.999 in Beijing: the last instant of the deadline day. */
    static final Instant LAST_MOMENT = Instant.parse("2026-09-20T15:59:59.999Z");
    /** 2026-09-21 00:00 in Beijing — still the 20th in UTC. */
    static final Instant FIRST_LATE = Instant.parse("2026-09-20T16:00:00Z");

    /** A clock the test moves. */
    /** What was sent, to whom. */
    record Sent(String to, Message message) { }

    static final class RecordingNotifications extends FakeNotificationService {
        final List<Sent> sent = new java.util.concurrent.CopyOnWriteArrayList<>(); // both nodes' passes send at once

        @Override
        public int toUsers(Collection<String> usernames, Message message) {
            usernames.forEach(u -> sent.add(new Sent("user:" + u, message)));
            return usernames.size();
        }

        @Override
        public int toUnit(String jurisdictionCode, String unitCode, Message message) {
            sent.add(new Sent("unit:" + jurisdictionCode + "/" + unitCode, message));
            return 1;
        }

        @Override
        public int toOffice(String jurisdictionCode, Message message) {
            sent.add(new Sent("office:" + jurisdictionCode, message));
            return 1;
        }

        List<String> recipients(String category) {
            return sent.stream().filter(s -> s.message().category().equals(category)).map(Sent::to).toList();
        }
    }

    private LocalJpaTemplate jpa;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-09-01T02:00:00Z"));
    private final RecordingNotifications notifications = new RecordingNotifications();
    private JpaCampaignService campaigns;
    private DeadlineLedger ledger;
    private CampaignDeadlinePass pass;
    private FakeRegistry registry;

    @BeforeEach
    void start() {
        jpa = new LocalJpaTemplate("campaign-test", "META-INF/campaign-test-persistence.xml");
        registry = new FakeRegistry(JURISDICTIONS, UNITS);
        IndicatorSystemService systems = CampaignServiceTest.systems();
        campaigns = new JpaCampaignService(jpa, registry, systems, Scoring.DEFAULT_BANDS, clock);
        campaigns.setCollectionNotices(new CollectionNotices(registry, List.of(notifications)));
        ledger = new DeadlineLedger(jpa, registry, systems, campaigns, clock);
        pass = new CampaignDeadlinePass(jpa, campaigns, registry, ledger, List.of(notifications), 3);
    }

    @AfterEach
    void stop() {
        campaigns.close(); // its result snapshot is written before the database goes
        jpa.close();
    }

    /** Units 1 and 2 (system 10: A1 and A2 are CORE leaves, B1 an adjustment), deadline 2026-09-20. */
    private Campaign collecting(String jurisdiction, Caller admin, Map<UnitKind, Long> systems, List<Long> targets, LatePolicy policy) {
        Campaign c = campaigns.create(admin, jurisdiction, new CampaignDraft(CampaignKind.ROUTINE, "2026年第3季度常规监管", null,
                new Period(Period.PeriodType.QUARTER, 2026, 3), systems, null, DEADLINE, LocalDate.of(2026, 9, 30), targets, null, policy));
        return campaigns.transition(admin, c.id(), CampaignState.COLLECTING, "开始采集");
    }

    private Campaign collecting(List<Long> targets, LatePolicy policy) {
        return collecting("370500", CITY, Map.of(UnitKind.GOVERNMENT_DEPARTMENT, 10L, UnitKind.PARTY_ORGAN, 10L,
                UnitKind.PUBLIC_INSTITUTION, 11L), targets, policy);
    }

    private InputRecord report(Caller unit, Campaign c, long unitId, String code) {
        return campaigns.recordInput(unit, c.id(), unitId, code, IndicatorInput.value(new BigDecimal("90")), InputSource.SELF_REPORT, null);
    }

    private PassResult runAt(String instant) {
        clock.set(Instant.parse(instant));
        return pass.run(clock.instant());
    }

    @Test
    void refusePolicyRefusesFromMidnightInBeijingButTheOfficeAndAnswersToReturnsStillCount() {
        Campaign c = collecting(List.of(1L), LatePolicy.REFUSE);
        assertEquals(LatePolicy.REFUSE, campaigns.get(CITY, c.id()).latePolicy());
        clock.set(LAST_MOMENT);
        InputRecord onTime = report(UNIT1, c, 1L, "A1");
        assertFalse(onTime.late());

        clock.set(FIRST_LATE);
        int before = campaigns.inputs(CITY, c.id(), 1L).size();
        var refusal = refused(ProblemKind.CONFLICT, () -> report(UNIT1, c, 1L, "A2"));
        assertTrue(refusal.getMessage().contains("2026-09-20"), refusal.getMessage());
        assertEquals(before, campaigns.inputs(CITY, c.id(), 1L).size(), "nothing written");

        // the office's own figures are not self-reports: never late
        InputRecord office = campaigns.recordInput(CITY, c.id(), 1L, "A2", IndicatorInput.value(BigDecimal.TEN), InputSource.OFFICE, "台账核实");
        assertFalse(office.late());
        // a report the office returns may be answered after the deadline, and the answer is late
        campaigns.review(CITY, c.id(), onTime.id(), false, "请补充台账");
        InputRecord answer = report(UNIT1, c, 1L, "A1");
        assertTrue(answer.late());
        assertEquals(List.of(false, false, true), campaigns.inputs(UNIT1, c.id(), 1L).stream().map(InputRecord::late).toList());
    }

    @Test
    void markLateIsTheDefaultAndFlagsReportsFromMidnightInBeijing() {
        Campaign c = collecting(List.of(1L), null);
        assertEquals(LatePolicy.MARK_LATE, c.latePolicy());
        clock.set(LAST_MOMENT);
        assertFalse(report(UNIT1, c, 1L, "A1").late());
        clock.set(FIRST_LATE);
        InputRecord late = report(UNIT1, c, 1L, "A2");
        assertTrue(late.late());
        assertEquals(List.of(false, true), campaigns.inputs(CITY, c.id(), 1L).stream().map(InputRecord::late).toList());
        // the policy survives a rollover
        assertEquals(LatePolicy.REFUSE, campaigns.rollover(CITY, collecting(List.of(2L), LatePolicy.REFUSE).id()).latePolicy());
    }

    @Test
    void plansInJsonMayOmitThePolicy() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        assertNull(json.readValue("{\"kind\":\"ROUTINE\",\"title\":\"t\"}", CampaignDraft.class).latePolicy());
        assertEquals(LatePolicy.REFUSE, json.readValue("{\"kind\":\"ROUTINE\",\"latePolicy\":\"REFUSE\"}", CampaignDraft.class).latePolicy());
        // the old constructor (ten components) still compiles and says nothing
        assertNull(CampaignServiceTest.routine(Map.of()).latePolicy());
    }

    @Test
    void everyTargetUnitIsToldWhatToReportAndByWhenWhenCollectionStarts() {
        Campaign draft = campaigns.create(CITY, "370500", CampaignServiceTest.routine(Map.of(UnitKind.GOVERNMENT_DEPARTMENT, 10L,
                UnitKind.PARTY_ORGAN, 10L, UnitKind.PUBLIC_INSTITUTION, 11L)));
        assertTrue(notifications.sent.isEmpty(), "a draft tells nobody");
        Campaign c = campaigns.transition(CITY, draft.id(), CampaignState.COLLECTING, "开始采集");
        assertEquals(List.of("unit:370500/U1", "unit:370500/U2", "unit:370500/U3"), notifications.recipients(CollectionNotices.CATEGORY));
        Message m = notifications.sent.get(0).message();
        assertTrue(m.body().contains("2026-09-20") && m.body().contains("A1 核心") && m.body().contains("A2 定性")
                && !m.body().contains("B1"), m.body());
        assertEquals("/v1/campaigns/" + c.id(), m.link());
        // back from scoring to collecting is no new start
        campaigns.transition(CITY, c.id(), CampaignState.SCORING, "截止");
        campaigns.transition(CITY, c.id(), CampaignState.COLLECTING, "补充");
        assertEquals(3, notifications.recipients(CollectionNotices.CATEGORY).size());
    }

    @Test
    void aFailingNotificationServiceNeverUndoesTheTransition() {
        NotificationService broken = new FakeNotificationService() {
            @Override
            public int toUsers(Collection<String> usernames, Message message) {
                throw new IllegalStateException("inbox down");
            }

            @Override
            public int toUnit(String jurisdictionCode, String unitCode, Message message) {
                throw new IllegalStateException("inbox down");
            }

            @Override
            public int toOffice(String jurisdictionCode, Message message) {
                throw new IllegalStateException("inbox down");
            }
        };
        FakeRegistry registry = new FakeRegistry(JURISDICTIONS, UNITS);
        campaigns.setCollectionNotices(new CollectionNotices(registry, List.of(broken)));
        Campaign c = collecting(List.of(1L), null);
        assertEquals(CampaignState.COLLECTING, campaigns.get(CITY, c.id()).state());
    }

    @Test
    void unitsLackingASelfReportAreRemindedOncePerBeijingDayAndTheOfficeOnceAfterTheDeadline() {
        Campaign c = collecting(List.of(1L, 2L), null);
        notifications.sent.clear();
        clock.set(Instant.parse("2026-09-10T02:00:00Z"));
        report(UNIT1, c, 1L, "A1");
        report(UNIT1, c, 1L, "A2");
        report(UNIT2, c, 2L, "A1");

        assertEquals(0, runAt("2026-09-16T15:00:00Z").changed(), "the 16th in Beijing: four days before");
        assertTrue(notifications.sent.isEmpty());
        assertEquals(1, runAt("2026-09-17T01:00:00Z").changed(), "three days before: the unit still lacking A2");
        assertEquals(List.of("unit:370500/U2"), notifications.recipients(CampaignDeadlinePass.REMIND_CATEGORY));
        assertTrue(notifications.sent.get(0).message().body().contains("A2"), notifications.sent.get(0).message().body());
        assertEquals(0, runAt("2026-09-17T15:59:00Z").changed(), "the same day in Beijing: nothing more");
        assertEquals(1, runAt("2026-09-17T16:30:00Z").changed(), "00:30 on the 18th in Beijing (the 17th in UTC): the next day's reminder");
        runAt("2026-09-20T03:00:00Z");
        assertEquals(3, notifications.recipients(CampaignDeadlinePass.REMIND_CATEGORY).size());
        assertTrue(notifications.recipients("CAMPAIGN_LATE").isEmpty(), "the office hears after the deadline day only");

        PassResult after = runAt("2026-09-21T01:00:00Z");
        assertEquals(List.of("office:370500"), notifications.recipients(CampaignDeadlinePass.LATE_CATEGORY));
        assertEquals(1, after.changed(), "no reminder after the deadline");
        Message late = notifications.sent.get(notifications.sent.size() - 1).message();
        assertTrue(late.body().contains("单位2") && !late.body().contains("单位1"), late.body());
        assertEquals(0, runAt("2026-09-22T01:00:00Z").changed(), "the office is told once");
        assertEquals(4, notifications.sent.size());
    }

    /** Notifications that record like {@code into} and hold the first sending until {@code release} opens (or 5 s pass). */
    static final class Held extends FakeNotificationService {
        final RecordingNotifications into;
        final CountDownLatch sending = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        Held(RecordingNotifications into) {
            this.into = into;
        }

        private int hold(int written) {
            sending.countDown();
            try {
                release.await(30, TimeUnit.SECONDS); // the other node's whole pass runs meanwhile: room for a loaded CI machine
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return written;
        }

        @Override
        public int toUnit(String jurisdictionCode, String unitCode, Message message) {
            return hold(into.toUnit(jurisdictionCode, unitCode, message));
        }

        @Override
        public int toOffice(String jurisdictionCode, Message message) {
            return hold(into.toOffice(jurisdictionCode, message));
        }
    }

    /**
     * The pass on node A (first template) holds its first sending while node B (a second EntityManagerFactory on the
     * same database) runs the pass through; then A goes on. Returns both results.
     */
    private List<PassResult> onTwoNodes(String instant) throws Exception {
        clock.set(Instant.parse(instant));
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try (LocalJpaTemplate second = jpa.secondNode()) {
            Held held = new Held(notifications);
            CampaignDeadlinePass a = new CampaignDeadlinePass(jpa.jdbcInTransaction(), campaigns, registry, ledger, List.of(held), 3);
            CampaignDeadlinePass b = new CampaignDeadlinePass(second.jdbcInTransaction(), campaigns, registry, ledger,
                    List.of(notifications), 3);
            Future<PassResult> onA = thread.submit(() -> a.run(clock.instant()));
            assertTrue(held.sending.await(10, TimeUnit.SECONDS));
            PassResult onB = b.run(clock.instant());
            held.release.countDown();
            return List.of(onA.get(10, TimeUnit.SECONDS), onB);
        } finally {
            thread.shutdownNow();
        }
    }

    @Test
    void twoNodesRunningThePassAtOnceRemindEachUnitOnceAndTellTheOfficeOnce() throws Exception {
        Campaign c = collecting(List.of(1L, 2L), null);
        notifications.sent.clear();
        clock.set(Instant.parse("2026-09-10T02:00:00Z"));
        report(UNIT2, c, 2L, "A1");

        List<PassResult> reminded = onTwoNodes("2026-09-17T01:00:00Z");
        // before, node B saw no record of A's reminder (written only after sending) and reminded unit 1 again, and A's
        // record then failed on the unique key and failed A's pass
        assertEquals(List.of("unit:370500/U1", "unit:370500/U2"),
                notifications.recipients(CampaignDeadlinePass.REMIND_CATEGORY).stream().sorted().toList());
        assertEquals(2, reminded.stream().mapToLong(PassResult::changed).sum(), "two reminders between the two nodes");
        assertTrue(reminded.stream().allMatch(r -> r.failure() == null), reminded.toString());

        onTwoNodes("2026-09-21T01:00:00Z");
        assertEquals(List.of("office:370500"), notifications.recipients(CampaignDeadlinePass.LATE_CATEGORY), "the office is told once");
        assertEquals(0, runAt("2026-09-21T02:00:00Z").changed());
        assertEquals(List.of(1, 1, 1), jpa.txExpr(em -> em.createQuery("select n.recipients from DeadlineNoticeEntity n order by n.id",
                Integer.class).getResultList()), "one notice row each, with the recipients its sending reached");
    }

    @Test
    void aReminderWhoseSendingFailsIsSentByALaterRun() {
        Campaign c = collecting(List.of(1L), null);
        notifications.sent.clear();
        NotificationService down = new FakeNotificationService() {
            @Override
            public int toUnit(String jurisdictionCode, String unitCode, Message message) {
                throw new IllegalStateException("inbox down");
            }
        };
        clock.set(Instant.parse("2026-09-17T01:00:00Z"));
        CampaignDeadlinePass failing = new CampaignDeadlinePass(jpa, campaigns, registry, ledger, List.of(down), 3);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> failing.run(clock.instant()));
        assertEquals(1, runAt("2026-09-17T02:00:00Z").changed(), "the claim was given back");
        assertEquals(List.of("unit:370500/U1"), notifications.recipients(CampaignDeadlinePass.REMIND_CATEGORY));
        assertEquals(List.of(1), jpa.txExpr(em -> em.createQuery("select n.recipients from DeadlineNoticeEntity n", Integer.class)
                .getResultList()), "the recipients of the sending are recorded");
    }

    @Test
    void theLateListReachesTheOfficeEvenOnceScoringStartedButScoringCampaignsRemindNobody() {
        Campaign c = collecting(List.of(1L), null);
        campaigns.transition(CITY, c.id(), CampaignState.SCORING, "提前截止");
        notifications.sent.clear();
        assertEquals(0, runAt("2026-09-19T01:00:00Z").changed());
        runAt("2026-09-23T01:00:00Z");
        assertEquals(List.of("office:370500"), notifications.recipients(CampaignDeadlinePass.LATE_CATEGORY));
    }

    @Test
    void theOfficeSeesWhoIsLate() {
        Campaign c = collecting(List.of(1L, 2L, 3L), null);
        clock.set(Instant.parse("2026-09-10T02:00:00Z"));
        report(UNIT1, c, 1L, "A1");
        report(UNIT1, c, 1L, "A2");
        Lateness before = ledger.lateness(CITY, c.id());
        assertFalse(before.deadlinePassed());
        assertEquals(List.of(false, false, false), before.units().stream().map(UnitLateness::late).toList(), "nobody is late yet");

        clock.set(FIRST_LATE);
        InputRecord late = report(UNIT2, c, 2L, "A1");
        Lateness l = ledger.lateness(LEADER, c.id());
        assertTrue(l.deadlinePassed());
        assertEquals(DEADLINE, l.collectionDeadline());
        assertEquals(LatePolicy.MARK_LATE, l.latePolicy());
        UnitLateness u1 = l.units().get(0);
        UnitLateness u2 = l.units().get(1);
        UnitLateness u3 = l.units().get(2);
        assertEquals(List.of("U1", "U2", "U3"), l.units().stream().map(UnitLateness::unitCode).toList());
        assertTrue(u1.reported() && u1.complete() && !u1.late() && u1.lateReports() == 0 && u1.missingCodes().isEmpty());
        assertEquals(Instant.parse("2026-09-10T02:00:00Z"), u1.firstReportAt());
        assertTrue(u2.reported() && !u2.complete() && u2.late());
        assertEquals(1, u2.lateReports());
        assertEquals(late.enteredAt(), u2.lastReportAt());
        assertEquals(List.of("A2"), u2.missingCodes());
        assertTrue(!u3.reported() && u3.late() && u3.firstReportAt() == null);

        // a returned report is missing again
        InputRecord first = campaigns.inputs(CITY, c.id(), 1L).get(0);
        campaigns.review(CITY, c.id(), first.id(), false, "数据有误");
        assertEquals(List.of("A1"), ledger.lateness(CITY, c.id()).units().get(0).missingCodes());
    }

    @Test
    void latenessIsForTheOfficeAndTheCitySeesACountysOnlyOncePublished() {
        Campaign c = collecting(List.of(1L), null);
        refused(ProblemKind.FORBIDDEN, () -> ledger.lateness(UNIT1, c.id()));
        refused(ProblemKind.FORBIDDEN, () -> ledger.lateness(LIJIN, c.id()));
        Campaign draft = campaigns.create(CITY, "370500", CampaignServiceTest.routine(Map.of(UnitKind.GOVERNMENT_DEPARTMENT, 10L)));
        refused(ProblemKind.CONFLICT, () -> ledger.lateness(CITY, draft.id()));

        Campaign county = collecting("370522", LIJIN, Map.of(UnitKind.GOVERNMENT_DEPARTMENT, 20L), List.of(4L), null);
        assertEquals(1, ledger.lateness(LIJIN, county.id()).units().size());
        refused(ProblemKind.FORBIDDEN, () -> ledger.lateness(CITY, county.id()));
        campaigns.transition(LIJIN, county.id(), CampaignState.SCORING, "截止");
        campaigns.transition(LIJIN, county.id(), CampaignState.PUBLISHED, "发布");
        assertEquals(List.of("U4"), ledger.lateness(CITY, county.id()).units().stream().map(UnitLateness::unitCode).toList());
    }
}
