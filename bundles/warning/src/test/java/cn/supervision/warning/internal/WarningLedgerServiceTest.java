package cn.supervision.warning.internal;

import cn.supervision.api.problem.ProblemKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.apache.aries.jpa.template.JpaTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.Period;
import cn.supervision.api.followup.FindingCategory;
import cn.supervision.api.followup.SourceKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.Staffing;
import cn.supervision.api.schedule.PassResult;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Role;
import cn.supervision.api.warning.Warning;
import cn.supervision.api.warning.WarningLevel;
import cn.supervision.api.warning.WarningRule;
import cn.supervision.api.warning.WarningState;
import cn.supervision.api.warning.WarningSummary;
import cn.supervision.api.warning.WarningTransition;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.testing.LocalJpaTemplate;
import cn.supervision.testing.MutableClock;
import cn.supervision.testing.TwoNodes;

/** The ledger: raising without duplicates, the state machine and its history, reminders, the daily pass, authority. */
class WarningLedgerServiceTest {
    static final String GR = "370523";
    static final String LJ = "370522";
    static final Caller OFFICE = new Caller("guangrao-admin", Set.of(Role.COUNTY_ADMIN), GR, null);
    static final Caller LIJIN = new Caller("lijin-admin", Set.of(Role.COUNTY_ADMIN), LJ, null);
    static final Caller CITY = new Caller("city-admin", Set.of(Role.CITY_ADMIN), "370500", null);
    static final Caller CZJ = new Caller("czj-user", Set.of(Role.UNIT_USER), GR, "CZJ");
    static final Caller GAJ = new Caller("gaj-user", Set.of(Role.UNIT_USER), GR, "GAJ");

    /** A clock the test moves; nothing sleeps. */
    static MutableClock clock() {
        return new MutableClock(LocalDate.of(2026, 11, 30).atStartOfDay(ZoneId.of("Asia/Shanghai")).plusHours(2).toInstant());
    }

    final LocalJpaTemplate jpa = new LocalJpaTemplate("warning-test", "META-INF/warning-test-persistence.xml");
    final FakeRegistry registry = new FakeRegistry(FakeRegistry.DONGYING, List.of(
            Fakes.unit(1, GR, "CZJ", new Staffing(10, 5, 3)), Fakes.unit(2, GR, "GAJ", new Staffing(10, 5, 3)),
            Fakes.unit(3, LJ, "CZJ", new Staffing(10, 5, 3))));
    final Fakes.Campaigns campaigns = new Fakes.Campaigns();
    final Fakes.PlatformData platform = new Fakes.PlatformData();
    final Fakes.StaffingFigures staffing = new Fakes.StaffingFigures();
    final Fakes.Findings findings = new Fakes.Findings();
    final Fakes.Outbox outbox = new Fakes.Outbox();
    final cn.supervision.api.rectification.RectificationService rectifications =
            Fakes.rectifications(java.util.Map.of(), new java.util.concurrent.atomic.AtomicLong());
    final MutableClock clock = clock();
    final WarningLedgerService service = node(jpa.jdbcInTransaction());

    @AfterEach
    void close() {
        jpa.close();
    }

    /** The warning service of a platform node on {@code template}'s database (the other areas' fakes shared). */
    WarningLedgerService node(JpaTemplate template) {
        return new WarningLedgerService(template, registry, campaigns, platform, () -> staffing, () -> findings,
                () -> outbox, () -> rectifications, WarningConfig.defaults(), clock);
    }

    /**
     * Runs {@code call} on two nodes at once ({@link TwoNodes}, the second waiting on a lock of {@code table}): the first's
     * answer, then the second's answer or what it threw.
     */
    List<Object> onTwoNodesAtOnce(String table, java.util.function.Function<WarningLedgerService, Object> call) throws Exception {
        return TwoNodes.atOnce(jpa, table, this::node, this::node, call, call);
    }

    @Test
    void twoNodesEvaluatingAtOnceRaiseEachWarningOnce() throws Exception {
        facts();
        List<Object> done = onTwoNodesAtOnce("SV_LOCK", node -> node.evaluate(OFFICE, GR));
        assertEquals(2, ((List<?>) done.get(0)).size());
        assertEquals(List.of(), done.get(1), "the second evaluation found both raised");
        assertEquals(2, service.list(OFFICE, GR, null, null, null).size());
        assertEquals(List.of("office:370523 WARNING_RAISED"), outbox.sent, "the office told once");
    }

    @Test
    void twoOfficesConvertingOneWarningOnTwoNodesMakeOneFinding() throws Exception {
        facts();
        service.evaluate(OFFICE, GR);
        long id = only(WarningRule.OVER_STAFFING).id();
        List<Object> done = onTwoNodesAtOnce("SV_LOCK", node -> node.convert(OFFICE, id, "列入问题清单整改"));
        assertEquals(WarningState.CONVERTED, ((Warning) done.get(0)).state());
        assertTrue(done.get(1) instanceof SupervisionException s && s.kind() == ProblemKind.CONFLICT, String.valueOf(done.get(1)));
        assertEquals(1, findings.findings.size(), "one finding for one warning");
        assertEquals(2, service.history(OFFICE, id).size(), "raised, converted once");
    }

    @Test
    void twoNodesRemindingAtOnceSendEachReminderOnce() throws Exception {
        facts();
        service.evaluate(OFFICE, GR);
        outbox.sent.clear();
        clock.advance(Duration.ofDays(7));
        List<Object> done = onTwoNodesAtOnce("SV_WARNING", node -> node.remind(clock.instant()));
        assertEquals(2, (Integer) done.get(0) + (Integer) done.get(1));
        assertEquals(List.of("office:370523 WARNING_REMINDER", "office:370523 WARNING_REMINDER"), outbox.sent, "one per warning");
    }

    /** Unit 1 (CZJ) vetoed, unit 2 (GAJ) over its leadership posts. */
    void facts() {
        campaigns.add(Fakes.campaign(1, GR, CampaignState.PUBLISHED, new Period(Period.PeriodType.YEAR, 2026, null), null, null,
                List.of(1L, 2L)), List.of(Fakes.result(1, "0", "80", "80", true), Fakes.result(2, "88", "80", "80", false)));
        staffing.put(GR, 2, LocalDate.of(2026, 11, 1), 10, 5, 4);
    }

    Warning only(WarningRule rule) {
        return service.list(OFFICE, GR, null, null, null).stream().filter(w -> w.rule() == rule).findFirst().orElseThrow();
    }

    @Test
    void evaluationRaisesNumberedWarningsWithTheirValuesOnce() {
        facts();
        List<Warning> raised = service.evaluate(OFFICE, GR);
        assertEquals(2, raised.size());
        Warning veto = only(WarningRule.VETO);
        assertEquals(WarningLevel.RED, veto.level());
        assertEquals(WarningState.TO_DISPATCH, veto.state());
        assertTrue(veto.number().matches("YJ370523-2026-\\d{6}"), veto.number());
        assertEquals("CZJ", veto.unitCode());
        assertEquals("1", veto.values().get("campaignId"));
        assertEquals(List.of("office:370523 WARNING_RAISED"), outbox.sent);

        assertEquals(List.of(), service.evaluate(OFFICE, GR), "the same facts are not raised twice");
        service.close(OFFICE, veto.id(), "经核实为误报");
        assertEquals(List.of(), service.evaluate(OFFICE, GR), "nor again once closed");
        assertEquals(2, service.list(OFFICE, GR, null, null, null).size());

        // new facts (a new recording, still over) raise a new warning for the same unit and rule
        staffing.current.clear();
        staffing.put(GR, 2, LocalDate.of(2026, 11, 20), 10, 5, 4);
        List<Warning> again = service.evaluate(OFFICE, GR);
        assertEquals(1, again.size());
        assertEquals("staffing:2026-11-20", again.get(0).subject());
    }

    @Test
    void stateMachineKeepsEveryTransitionAndRefusesOutOfOrderWithTheState() {
        facts();
        service.evaluate(OFFICE, GR);
        Warning w = only(WarningRule.OVER_STAFFING);

        SupervisionException early = assertThrows(SupervisionException.class, () -> service.verify(OFFICE, w.id(), null));
        assertEquals(ProblemKind.CONFLICT, early.kind());
        assertTrue(early.getMessage().contains("待下发"), early.getMessage());

        assertEquals(WarningState.DISPATCHED, service.dispatch(OFFICE, w.id(), null).state());
        assertTrue(outbox.sent.contains("unit:370523/GAJ WARNING_DISPATCHED"), outbox.sent.toString());
        SupervisionException twice = assertThrows(SupervisionException.class, () -> service.dispatch(OFFICE, w.id(), null));
        assertEquals(ProblemKind.CONFLICT, twice.kind());
        assertTrue(twice.getMessage().contains("已下发"), twice.getMessage());
        SupervisionException closeEarly = assertThrows(SupervisionException.class, () -> service.close(OFFICE, w.id(), "已整改"));
        assertEquals(ProblemKind.CONFLICT, closeEarly.kind());

        service.verify(OFFICE, w.id(), "核查人员已到位");
        SupervisionException noReason = assertThrows(SupervisionException.class, () -> service.close(OFFICE, w.id(), " "));
        assertEquals(ProblemKind.INVALID, noReason.kind());
        Warning closed = service.close(OFFICE, w.id(), "已调整领导职数配备");
        assertEquals(WarningState.CLOSED, closed.state());
        assertEquals(ProblemKind.CONFLICT, assertThrows(SupervisionException.class, () -> service.convert(OFFICE, w.id(), "再议")).kind());

        List<WarningTransition> h = service.history(OFFICE, w.id());
        assertEquals(List.of(WarningState.TO_DISPATCH, WarningState.DISPATCHED, WarningState.VERIFYING, WarningState.CLOSED),
                h.stream().map(WarningTransition::to).toList());
        assertNull(h.get(0).from());
        assertEquals("已调整领导职数配备", h.get(3).reason());
        assertEquals("guangrao-admin", h.get(3).by());
    }

    @Test
    void convertingCreatesAFindingNamingTheWarning() {
        facts();
        service.evaluate(OFFICE, GR);
        Warning w = only(WarningRule.OVER_STAFFING);
        service.dispatch(OFFICE, w.id(), null);
        Warning converted = service.convert(OFFICE, w.id(), "列入问题清单整改");
        assertEquals(WarningState.CONVERTED, converted.state());
        assertNotNull(converted.findingId());
        var f = findings.findings.get(0);
        assertEquals(SourceKind.WARNING, f.source().kind());
        assertEquals(w.id(), f.source().warningId());
        assertEquals(FindingCategory.STAFFING, f.category());
        assertEquals(2, f.unitId());
        assertEquals(OFFICE, findings.creators.get(0), "created with the office's own authority");
    }

    @Test
    void aRefusedFindingLeavesTheWarningAsItWas() {
        facts();
        service.evaluate(OFFICE, GR);
        Warning w = only(WarningRule.VETO);
        findings.refuse = true;
        assertEquals(ProblemKind.FORBIDDEN, assertThrows(SupervisionException.class, () -> service.convert(OFFICE, w.id(), "转问题")).kind());
        assertEquals(WarningState.TO_DISPATCH, service.get(OFFICE, w.id()).state());
        assertEquals(1, service.history(OFFICE, w.id()).size());
    }

    @Test
    void dailyPassIsIdempotentAndRemindsEverySevenDaysUntilClosed() {
        facts();
        WarningRulesPass pass = new WarningRulesPass(service);
        PassResult first = pass.run(clock.instant());
        assertEquals("warning-rules", first.pass());
        assertEquals(2, first.changed());
        assertNull(first.failure(), first.failure());
        assertEquals(0, pass.run(clock.instant()).changed(), "the same day again changes nothing");

        Warning w = only(WarningRule.VETO);
        service.dispatch(OFFICE, w.id(), null);
        outbox.sent.clear();

        clock.advance(Duration.ofDays(6));
        assertEquals(0, pass.run(clock.instant()).changed());
        assertEquals(List.of(), outbox.sent);

        clock.advance(Duration.ofDays(1));
        assertEquals(2, pass.run(clock.instant()).changed(), "7 days on: the unit of the dispatched one, the office of the other");
        assertTrue(outbox.sent.contains("unit:370523/CZJ WARNING_REMINDER"), outbox.sent.toString());
        assertTrue(outbox.sent.contains("office:370523 WARNING_REMINDER"), outbox.sent.toString());
        assertEquals(0, pass.run(clock.instant()).changed(), "not twice the same day");

        service.verify(OFFICE, w.id(), null);
        service.close(OFFICE, w.id(), "已整改");
        outbox.sent.clear();
        clock.advance(Duration.ofDays(7));
        pass.run(clock.instant());
        assertEquals(List.of("office:370523 WARNING_REMINDER"), outbox.sent, "the closed one is no longer reminded");
    }

    @Test
    void aFailingRuleIsReportedAndTheOthersStillRaise() {
        facts();
        campaigns.coverage.put(9L, null);
        campaigns.add(Fakes.campaign(9, GR, CampaignState.COLLECTING, new Period(Period.PeriodType.YEAR, 2026, null), null,
                LocalDate.of(2026, 11, 1), List.of(1L)), null);
        PassResult r = new WarningRulesPass(service).run(clock.instant());
        assertNotNull(r.failure());
        assertTrue(r.failure().contains("OVERDUE_SELF_REPORT"), r.failure());
        assertEquals(2, service.list(OFFICE, GR, null, null, null).size());
    }

    @Test
    void authority() {
        facts();
        service.evaluate(OFFICE, GR);
        Warning veto = only(WarningRule.VETO);
        Warning staff = only(WarningRule.OVER_STAFFING);

        // another county: nothing, not even the listing
        assertEquals(ProblemKind.FORBIDDEN, assertThrows(SupervisionException.class, () -> service.list(LIJIN, GR, null, null, null)).kind());
        assertEquals(ProblemKind.FORBIDDEN, assertThrows(SupervisionException.class, () -> service.get(LIJIN, veto.id())).kind());
        assertEquals(ProblemKind.FORBIDDEN, assertThrows(SupervisionException.class, () -> service.evaluate(LIJIN, GR)).kind());
        assertEquals(ProblemKind.FORBIDDEN, assertThrows(SupervisionException.class, () -> service.dispatch(LIJIN, veto.id(), null)).kind());
        // units and the city see nothing before dispatch
        assertEquals(ProblemKind.FORBIDDEN, assertThrows(SupervisionException.class, () -> service.get(CZJ, veto.id())).kind());
        assertEquals(List.of(), service.list(CZJ, GR, null, null, null));
        assertEquals(List.of(), service.list(CITY, GR, null, null, null));
        assertEquals(0, service.summary(CITY, GR).total());

        service.dispatch(OFFICE, veto.id(), null);
        assertEquals(List.of(veto.id()), service.list(CZJ, GR, null, null, null).stream().map(Warning::id).toList());
        assertEquals(WarningState.DISPATCHED, service.get(CZJ, veto.id()).state());
        assertEquals(List.of(), service.list(GAJ, GR, null, null, null), "another unit's warning stays hidden");
        assertEquals(ProblemKind.FORBIDDEN, assertThrows(SupervisionException.class, () -> service.get(GAJ, veto.id())).kind());
        assertEquals(1, service.list(CITY, GR, null, null, null).size());
        // reading is not managing: the unit and the superior office change nothing
        assertEquals(ProblemKind.FORBIDDEN, assertThrows(SupervisionException.class, () -> service.verify(CZJ, veto.id(), null)).kind());
        assertEquals(ProblemKind.FORBIDDEN, assertThrows(SupervisionException.class, () -> service.verify(CITY, veto.id(), null)).kind());
        assertEquals(ProblemKind.FORBIDDEN, assertThrows(SupervisionException.class, () -> service.evaluate(CZJ, GR)).kind());
        assertEquals(WarningState.TO_DISPATCH, service.get(OFFICE, staff.id()).state());
    }

    @Test
    void summaryCountsByLevelAndState() {
        facts();
        platform.put(GR, "hotline12345.onTimeRate", 1, "70");
        service.evaluate(OFFICE, GR);
        service.dispatch(OFFICE, only(WarningRule.HOTLINE_ON_TIME).id(), null);
        WarningSummary s = service.summary(OFFICE, GR);
        assertEquals(3, s.total());
        assertEquals(2L, s.byLevel().get(WarningLevel.RED));
        assertEquals(1L, s.byLevel().get(WarningLevel.YELLOW));
        assertEquals(0L, s.byLevel().get(WarningLevel.BLUE));
        assertEquals(1L, s.byState().get(WarningState.DISPATCHED));
        assertEquals(1L, s.byLevelAndState().get(WarningLevel.YELLOW).get(WarningState.DISPATCHED));
    }

    @Test
    void filtersApply() {
        facts();
        service.evaluate(OFFICE, GR);
        assertEquals(1, service.list(OFFICE, GR, WarningLevel.RED, WarningState.TO_DISPATCH, 2L).size());
        assertEquals(0, service.list(OFFICE, GR, WarningLevel.BLUE, null, null).size());
        assertEquals(ProblemKind.NOT_FOUND, assertThrows(SupervisionException.class, () -> service.get(OFFICE, 9999)).kind());
    }
}
