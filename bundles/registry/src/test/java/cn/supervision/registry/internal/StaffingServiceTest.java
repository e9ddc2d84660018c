package cn.supervision.registry.internal;

import cn.supervision.api.problem.ProblemKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.Jurisdiction;
import cn.supervision.api.registry.JurisdictionKind;
import cn.supervision.api.registry.StaffingInUse;
import cn.supervision.api.registry.StatusCommand;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitRevision;
import cn.supervision.api.registry.UnitStatus;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Role;
import cn.supervision.testing.LocalJpaTemplate;

class StaffingServiceTest {
    static final Caller LIJIN = RegistryServiceTest.LIJIN;
    static final Caller GUANGRAO = RegistryServiceTest.GUANGRAO;
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T02:00:00Z"), ZoneOffset.ofHours(8));
    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    private LocalJpaTemplate jpa;
    private JpaRegistryService registry;
    private JpaStaffingService staffing;
    private Unit finance;
    private Unit education;

    @BeforeEach
    void start() {
        jpa = new LocalJpaTemplate("registry-test", "META-INF/registry-test-persistence.xml");
        registry = new JpaRegistryService(jpa, CLOCK);
        registry.start();
        Caller system = Caller.system("city-bundle");
        registry.registerJurisdiction(system, new Jurisdiction("370500", "东营市", JurisdictionKind.CITY, null, false));
        registry.registerJurisdiction(system, new Jurisdiction("370522", "利津县", JurisdictionKind.COUNTY, "370500", false));
        registry.registerJurisdiction(system, new Jurisdiction("370523", "广饶县", JurisdictionKind.COUNTY, "370500", false));
        finance = registry.createUnit(LIJIN, "370522", RegistryServiceTest.draft("LJ-CZ", "利津县财政局"));
        education = registry.createUnit(LIJIN, "370522", RegistryServiceTest.draft("LJ-JY", "利津县教育局"));
        staffing = new JpaStaffingService(jpa, registry, CLOCK);
    }

    @AfterEach
    void stop() {
        jpa.close();
    }

    static StaffingInUse row(long unit, LocalDate asOf, int adm, int inst, int extra, int leaders) {
        return new StaffingInUse(unit, asOf, adm, inst, extra, leaders, null, null);
    }

    static SupervisionException refused(ProblemKind status, org.junit.jupiter.api.function.Executable call) {
        SupervisionException e = assertThrows(SupervisionException.class, call);
        assertEquals(status, e.kind(), e.getMessage());
        return e;
    }

    @Test
    void currentIsTheLatestDatePerUnitAndHistoryKeepsEveryRecording() {
        staffing.record(LIJIN, "370522", List.of(row(finance.id(), TODAY.minusMonths(6), 38, 5, 3, 6),
                row(education.id(), TODAY.minusMonths(6), 20, 0, 1, 4)));
        List<StaffingInUse> recorded = staffing.record(LIJIN, "370522", List.of(row(finance.id(), TODAY, 43, 5, 2, 7)));
        assertEquals("lijin-admin", recorded.get(0).recordedBy());
        assertEquals(CLOCK.instant(), recorded.get(0).recordedAt());
        // an older date recorded later does not displace the newer figures
        staffing.record(LIJIN, "370522", List.of(row(finance.id(), TODAY.minusYears(1), 30, 5, 0, 6)));

        List<StaffingInUse> current = staffing.current(LIJIN, "370522");
        assertEquals(2, current.size());
        StaffingInUse f = current.stream().filter(s -> s.unitId() == finance.id()).findFirst().orElseThrow();
        assertEquals(43, f.administrativeStaff());
        assertEquals(TODAY, f.asOf());

        List<StaffingInUse> history = staffing.history(LIJIN, finance.id());
        assertEquals(List.of(TODAY.minusYears(1), TODAY.minusMonths(6), TODAY), history.stream().map(StaffingInUse::asOf).toList());

        // a correction for the same date wins over the earlier recording of it
        staffing.record(LIJIN, "370522", List.of(row(finance.id(), TODAY, 41, 5, 2, 7)));
        assertEquals(41, staffing.current(LIJIN, "370522").stream().filter(s -> s.unitId() == finance.id())
                .findFirst().orElseThrow().administrativeStaff());
        assertEquals(4, staffing.history(LIJIN, finance.id()).size());
    }

    @Test
    void oneBadRowRecordsNothingAndEveryProblemIsNamed() {
        Unit foreign = registry.createUnit(GUANGRAO, "370523", RegistryServiceTest.draft("GR-CZ", "广饶县财政局"));
        SupervisionException e = refused(ProblemKind.INVALID, () -> staffing.record(LIJIN, "370522", List.of(
                row(finance.id(), TODAY, 40, 5, 2, 6),
                row(education.id(), TODAY.plusDays(1), -1, 0, 0, -2),
                row(foreign.id(), TODAY, 1, 1, 1, 1),
                row(finance.id(), TODAY, 40, 5, 2, 6))));
        List<String> fields = e.errors().stream().map(FieldError::field).toList();
        assertEquals(List.of("rows[1].asOf", "rows[1].administrativeStaff", "rows[1].leadershipPostsFilled",
                "rows[2].unitId", "rows[3].asOf"), fields);
        assertTrue(e.errors().get(0).message().contains("2026-12-01"), e.errors().get(0).message());
        assertTrue(staffing.current(LIJIN, "370522").isEmpty(), "nothing written");
        assertTrue(staffing.history(LIJIN, finance.id()).isEmpty());

        refused(ProblemKind.INVALID, () -> staffing.record(LIJIN, "370522", List.of()));
        refused(ProblemKind.INVALID, () -> staffing.record(LIJIN, "370522", List.of(row(finance.id(), null, 1, 1, 1, 1))));
    }

    @Test
    void aUnitNoLongerActiveTakesNoFigures() {
        registry.changeStatus(LIJIN, education.id(), new StatusCommand(UnitStatus.ABOLISHED, "撤销", null));
        SupervisionException e = refused(ProblemKind.INVALID, () -> staffing.record(LIJIN, "370522",
                List.of(row(education.id(), TODAY, 1, 0, 0, 0))));
        assertEquals("rows[0].unitId", e.errors().get(0).field());
    }

    @Test
    void authorityIsTheRegistrys() {
        staffing.record(LIJIN, "370522", List.of(row(finance.id(), TODAY, 40, 5, 2, 6), row(education.id(), TODAY, 9, 0, 0, 2)));
        refused(ProblemKind.FORBIDDEN, () -> staffing.record(GUANGRAO, "370522", List.of(row(finance.id(), TODAY, 1, 1, 1, 1))));
        refused(ProblemKind.FORBIDDEN, () -> staffing.current(GUANGRAO, "370522"));
        refused(ProblemKind.FORBIDDEN, () -> staffing.history(GUANGRAO, finance.id()));
        Caller leader = new Caller("leader", Set.of(Role.LEADER), "370500", null);
        assertEquals(2, staffing.current(leader, "370522").size(), "the city's leader reads the counties' figures");
        refused(ProblemKind.FORBIDDEN, () -> staffing.record(leader, "370522", List.of(row(finance.id(), TODAY, 1, 1, 1, 1))));
        Caller unitUser = new Caller("lj-cz", Set.of(Role.UNIT_USER), "370522", "LJ-CZ");
        assertEquals(List.of(finance.id()), staffing.current(unitUser, "370522").stream().map(StaffingInUse::unitId).toList(),
                "a unit user sees its own unit's figures only");
        refused(ProblemKind.FORBIDDEN, () -> staffing.history(unitUser, education.id()));
        refused(ProblemKind.FORBIDDEN, () -> staffing.record(unitUser, "370522", List.of(row(finance.id(), TODAY, 1, 1, 1, 1))));
        refused(ProblemKind.NOT_FOUND, () -> staffing.current(LIJIN, "999999"));
        assertEquals(2, staffing.history(LIJIN, finance.id()).size() + staffing.history(LIJIN, education.id()).size());
    }

    @Test
    void anUpdateWithAReasonNamesItOnTheRevision() {
        Unit changed = registry.updateUnit(LIJIN, finance.id(), RegistryServiceTest.draft("LJ-CZ", "利津县财政局（改）"),
                "机构编制处理意见 〔2026〕3号 (#12)");
        List<UnitRevision> history = registry.history(LIJIN, finance.id());
        assertEquals(changed.revision(), history.get(history.size() - 1).revision());
        assertEquals("机构编制处理意见 〔2026〕3号 (#12)", history.get(history.size() - 1).reason());
        registry.updateUnit(LIJIN, finance.id(), RegistryServiceTest.draft("LJ-CZ", "利津县财政局"));
        List<UnitRevision> after = registry.history(LIJIN, finance.id());
        assertEquals(null, after.get(after.size() - 1).reason(), "the plain update records no reason");
        refused(ProblemKind.INVALID, () -> registry.updateUnit(LIJIN, finance.id(), RegistryServiceTest.draft("LJ-CZ", "x"), "长".repeat(501)));
    }
}
