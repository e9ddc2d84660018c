package cn.supervision.registry.internal;

import cn.supervision.api.problem.ProblemKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.Duty;
import cn.supervision.api.registry.ImportMode;
import cn.supervision.api.registry.ImportResult;
import cn.supervision.api.registry.Jurisdiction;
import cn.supervision.api.registry.JurisdictionKind;
import cn.supervision.api.registry.Mandate;
import cn.supervision.api.registry.Staffing;
import cn.supervision.api.registry.StatusCommand;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitChange;
import cn.supervision.api.registry.UnitDraft;
import cn.supervision.api.registry.UnitKind;
import cn.supervision.api.registry.UnitRevision;
import cn.supervision.api.registry.UnitStatus;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Role;
import cn.supervision.testing.LocalJpaTemplate;

class RegistryServiceTest {
    static final Caller CITY = new Caller("city-admin", Set.of(Role.CITY_ADMIN), "370500", null);
    static final Caller LIJIN = new Caller("lijin-admin", Set.of(Role.COUNTY_ADMIN), "370522", null);
    static final Caller GUANGRAO = new Caller("guangrao-admin", Set.of(Role.COUNTY_ADMIN), "370523", null);
    static final Caller LEADER = new Caller("leader", Set.of(Role.LEADER), "370500", null);

    private LocalJpaTemplate jpa;
    private JpaRegistryService registry;

    @BeforeEach
    void start() {
        jpa = new LocalJpaTemplate("registry-test", "META-INF/registry-test-persistence.xml");
        registry = new JpaRegistryService(jpa);
        registry.start();
        assertTrue(registry.problem().contains("no jurisdictions"), "not ready before the city's bundle registered them");
        Caller system = Caller.system("city-bundle");
        registry.registerJurisdiction(system, new Jurisdiction("370500", "东营市", JurisdictionKind.CITY, null, false));
        for (String[] c : new String[][] {{"370502", "东营区", "DISTRICT"}, {"370503", "河口区", "DISTRICT"}, {"370505", "垦利区", "DISTRICT"},
                {"370522", "利津县", "COUNTY"}, {"370523", "广饶县", "COUNTY"}}) {
            registry.registerJurisdiction(system, new Jurisdiction(c[0], c[1], JurisdictionKind.valueOf(c[2]), "370500", false));
        }
        registry.registerJurisdiction(CITY, new Jurisdiction("370571", "东营经济技术开发区", JurisdictionKind.DEVELOPMENT_ZONE, "370500", true));
        registry.registerJurisdiction(CITY, new Jurisdiction("370572", "东营港经济开发区", JurisdictionKind.DEVELOPMENT_ZONE, "370500", true));
        assertNull(registry.problem());
    }

    @AfterEach
    void stop() {
        jpa.close();
    }

    static UnitDraft draft(String code, String name) {
        return new UnitDraft(code, name, null, UnitKind.GOVERNMENT_DEPARTMENT, null, null,
                new Mandate(List.of(new Duty(1, "负责全市财政收支管理。"), new Duty(2, "拟订财政发展规划。")),
                        List.of("办公室", "预算科"), new Staffing(40, 5, 6)));
    }

    static SupervisionException refused(ProblemKind status, Executable call) {
        SupervisionException e = assertThrows(SupervisionException.class, call);
        assertEquals(status, e.kind(), e.getMessage());
        return e;
    }

    @Test
    void jurisdictionsAreSeededAndScoped() {
        List<Jurisdiction> all = registry.listJurisdictions(CITY);
        assertEquals(8, all.size());
        assertEquals("370500", all.get(0).code(), "parents come first");
        assertTrue(all.stream().anyMatch(j -> j.code().equals("370571") && j.localCode()));
        assertEquals(List.of("370522"), registry.listJurisdictions(LIJIN).stream().map(Jurisdiction::code).toList());
        refused(ProblemKind.FORBIDDEN, () -> registry.getJurisdiction(LIJIN, "370500"));
        refused(ProblemKind.FORBIDDEN, () -> registry.getJurisdiction(LIJIN, "370523"));
        refused(ProblemKind.NOT_FOUND, () -> registry.getJurisdiction(CITY, "999999"));
        // registering again (a bundle restart) neither duplicates nor fails; a different name is a conflict
        registry.start();
        registry.registerJurisdiction(Caller.system("again"), new Jurisdiction("370522", "利津县", JurisdictionKind.COUNTY, "370500", false));
        assertEquals(8, registry.listJurisdictions(Caller.system("test")).size());
        refused(ProblemKind.CONFLICT, () -> registry.registerJurisdiction(Caller.system("x"), new Jurisdiction("370522", "别的县", JurisdictionKind.COUNTY, "370500", false)));
        refused(ProblemKind.CONFLICT, () -> registry.registerJurisdiction(Caller.system("x"), new Jurisdiction("999900", "另一个市", JurisdictionKind.CITY, null, false)));
        refused(ProblemKind.FORBIDDEN, () -> registry.registerJurisdiction(LIJIN, new Jurisdiction("370599", "利津开发区", JurisdictionKind.DEVELOPMENT_ZONE, "370522", true)));
    }

    /** At boot the datasource may be replaced under a starting service (Aries closes the old factory): it must heal. */
    @Test
    void aFailedStartHealsOnTheNextCall() {
        int[] calls = {0};
        org.apache.aries.jpa.template.JpaTemplate flaky = new cn.supervision.testing.AbstractJpaTemplate() {
            @Override
            public <R> R txExpr(org.apache.aries.jpa.template.TransactionType type, org.apache.aries.jpa.template.EmFunction<R> code) {
                if (calls[0]++ == 0) {
                    throw new IllegalStateException("The factory has been closed.");
                }
                return jpa.txExpr(type, code);
            }
        };
        JpaRegistryService healing = new JpaRegistryService(flaky);
        healing.start();
        assertEquals(8, healing.listJurisdictions(CITY).size(), "the tree is loaded on the first call after a failed start");
        assertNull(healing.problem());
    }

    @Test
    void createReadUpdateRoundTripKeepsHistory() {
        Unit created = registry.createUnit(CITY, "370500", draft("CZJ", "  东营市财政局 "));
        assertEquals("东营市财政局", created.name(), "text is trimmed");
        assertEquals(1, created.revision());
        assertEquals("city-admin", created.createdBy());
        Unit read = registry.getUnit(LEADER, created.id());
        assertEquals(created, read);
        assertEquals(2, read.mandate().duties().size());

        UnitDraft changed = new UnitDraft("CZJ", "东营市财政局", "市财政局", UnitKind.GOVERNMENT_DEPARTMENT, null, null,
                new Mandate(List.of(new Duty(1, "负责全市财政收支管理。")), List.of("办公室"), new Staffing(42, 5, 6)));
        Unit updated = registry.updateUnit(CITY, created.id(), changed);
        assertEquals(2, updated.revision());
        assertEquals("市财政局", updated.shortName());
        assertEquals(42, updated.mandate().staffing().administrativeSlots());
        // the same content again is not a new revision
        assertEquals(2, registry.updateUnit(CITY, created.id(), changed).revision());

        List<UnitRevision> history = registry.history(CITY, created.id());
        assertEquals(List.of(UnitChange.CREATED, UnitChange.UPDATED), history.stream().map(UnitRevision::change).toList());
        assertEquals(40, history.get(0).snapshot().mandate().staffing().administrativeSlots(), "old state is kept");
    }

    @Test
    void countiesSeeOnlyTheirOwnAndCannotWriteElsewhere() {
        Unit cityUnit = registry.createUnit(CITY, "370500", draft("CZJ", "东营市财政局"));
        Unit lijinUnit = registry.createUnit(LIJIN, "370522", draft("LJCZJ", "利津县财政局"));
        registry.createUnit(CITY, "370523", draft("GRCZJ", "广饶县财政局"));  // the city may act for its counties

        refused(ProblemKind.FORBIDDEN, () -> registry.getUnit(LIJIN, cityUnit.id()));
        refused(ProblemKind.FORBIDDEN, () -> registry.listUnits(LIJIN, "370500", false));
        refused(ProblemKind.FORBIDDEN, () -> registry.listUnits(LIJIN, "370523", false));
        refused(ProblemKind.FORBIDDEN, () -> registry.createUnit(LIJIN, "370523", draft("X", "越权")));
        refused(ProblemKind.FORBIDDEN, () -> registry.updateUnit(GUANGRAO, lijinUnit.id(), draft("LJCZJ", "篡改")));
        refused(ProblemKind.FORBIDDEN, () -> registry.changeStatus(GUANGRAO, lijinUnit.id(), new StatusCommand(UnitStatus.ABOLISHED, "越权", null)));
        refused(ProblemKind.FORBIDDEN, () -> registry.createUnit(LEADER, "370500", draft("Y", "领导不能写")));

        assertEquals(List.of("LJCZJ"), registry.listUnits(LIJIN, "370522", false).stream().map(Unit::code).toList());
        assertEquals(lijinUnit, registry.getUnit(CITY, lijinUnit.id()), "the city sees its counties");
        assertEquals(1, registry.listUnits(CITY, "370500", false).size());
    }

    @Test
    void unitUsersSeeOnlyTheirUnit() {
        Unit own = registry.createUnit(CITY, "370500", draft("CZJ", "东营市财政局"));
        Unit other = registry.createUnit(CITY, "370500", draft("JYJ", "东营市教育局"));
        Caller unitUser = new Caller("czj-user", Set.of(Role.UNIT_USER), "370500", "CZJ");
        assertEquals(List.of(own.id()), registry.listUnits(unitUser, "370500", false).stream().map(Unit::id).toList());
        assertEquals(own, registry.getUnit(unitUser, own.id()));
        refused(ProblemKind.FORBIDDEN, () -> registry.getUnit(unitUser, other.id()));
        refused(ProblemKind.FORBIDDEN, () -> registry.updateUnit(unitUser, own.id(), draft("CZJ", "自己改")));
    }

    @Test
    void everyProblemOfADraftIsReportedAtOnce() {
        String longName = "名".repeat(101);
        UnitDraft bad = new UnitDraft("bad code!", longName, "简".repeat(31), null, 1L, "P",
                new Mandate(List.of(new Duty(0, ""), new Duty(2, "x"), new Duty(2, "y")), List.of("办公室", "办公室"),
                        new Staffing(-1, 0, 0)));
        SupervisionException e = refused(ProblemKind.INVALID, () -> registry.createUnit(CITY, "370500", bad));
        List<String> fields = e.errors().stream().map(FieldError::field).toList();
        assertEquals(List.of("code", "name", "shortName", "kind", "parentUnitId", "mandate.duties[0].number",
                "mandate.duties[0].text", "mandate.duties[2].number", "mandate.internalBodies[1]",
                "mandate.staffing.administrativeSlots"), fields);
        assertTrue(e.errors().get(1).message().contains("100"), e.errors().get(1).message());
        assertEquals(0, registry.listUnits(CITY, "370500", true).size(), "nothing half-written");
        refused(ProblemKind.NOT_FOUND, () -> registry.createUnit(CITY, "123456", draft("A", "未知区划")));
    }

    @Test
    void codesAreUniqueWithinAJurisdictionOnly() {
        registry.createUnit(CITY, "370500", draft("CZJ", "东营市财政局"));
        refused(ProblemKind.CONFLICT, () -> registry.createUnit(CITY, "370500", draft("CZJ", "重复")));
        registry.createUnit(LIJIN, "370522", draft("CZJ", "利津县财政局"));
    }

    @Test
    void parentsMustBeLocalAndAcyclic() {
        Unit a = registry.createUnit(CITY, "370500", draft("A", "上级"));
        Unit b = registry.createUnit(CITY, "370500", new UnitDraft("B", "下级", null, UnitKind.PUBLIC_INSTITUTION, a.id(), null, null));
        assertEquals(a.id(), b.parentUnitId());
        refused(ProblemKind.INVALID, () -> registry.updateUnit(CITY, a.id(), new UnitDraft("A", "上级", null, UnitKind.GOVERNMENT_DEPARTMENT, b.id(), null, null)));
        Unit county = registry.createUnit(LIJIN, "370522", draft("L", "县单位"));
        refused(ProblemKind.INVALID, () -> registry.createUnit(CITY, "370500", new UnitDraft("C", "跨区划", null, UnitKind.OTHER, county.id(), null, null)));
    }

    @Test
    void statusChangesAreRecordedAndNothingIsDeleted() {
        Unit old = registry.createUnit(CITY, "370500", draft("OLD", "东营市旧局"));
        Unit target = registry.createUnit(CITY, "370500", draft("NEW", "东营市新局"));
        SupervisionException e = refused(ProblemKind.INVALID, () -> registry.changeStatus(CITY, old.id(), new StatusCommand(UnitStatus.MERGED, " ", null)));
        assertEquals(List.of("reason", "successorUnitId"), e.errors().stream().map(FieldError::field).toList());
        refused(ProblemKind.INVALID, () -> registry.changeStatus(CITY, old.id(), new StatusCommand(UnitStatus.MERGED, "机构改革", old.id())));

        Unit merged = registry.changeStatus(CITY, old.id(), new StatusCommand(UnitStatus.MERGED, "机构改革并入新局", target.id()));
        assertEquals(UnitStatus.MERGED, merged.status());
        refused(ProblemKind.CONFLICT, () -> registry.changeStatus(CITY, old.id(), new StatusCommand(UnitStatus.MERGED, "again", target.id())));
        refused(ProblemKind.CONFLICT, () -> registry.updateUnit(CITY, old.id(), draft("OLD", "改名")));

        assertEquals(List.of("NEW"), registry.listUnits(CITY, "370500", false).stream().map(Unit::code).toList());
        assertEquals(2, registry.listUnits(CITY, "370500", true).size(), "merged units stay in the registry");
        UnitRevision last = registry.history(CITY, old.id()).get(1);
        assertEquals(UnitChange.STATUS_CHANGED, last.change());
        assertEquals("机构改革并入新局", last.reason());
        assertEquals(target.id(), last.successorUnitId());

        assertEquals(UnitStatus.ACTIVE, registry.changeStatus(CITY, old.id(), new StatusCommand(UnitStatus.ACTIVE, "恢复设立", null)).status());
    }

    @Test
    void importIsAllOrNothingAndResolvesParentsByCode() {
        List<UnitDraft> rows = List.of(
                new UnitDraft("CHILD", "下属事业单位", null, UnitKind.PUBLIC_INSTITUTION, null, "PARENT", null),
                draft("PARENT", "主管部门"),
                new UnitDraft("BAD", "", null, UnitKind.OTHER, null, null, null));
        SupervisionException e = refused(ProblemKind.INVALID, () -> registry.importUnits(CITY, "370500", rows, ImportMode.UPSERT));
        assertEquals("rows[2].name", e.errors().get(0).field());
        assertEquals(0, registry.listUnits(CITY, "370500", true).size());

        List<UnitDraft> orphan = List.of(new UnitDraft("CHILD", "下属", null, UnitKind.PUBLIC_INSTITUTION, null, "NOPE", null),
                draft("PARENT", "主管部门"));
        refused(ProblemKind.INVALID, () -> registry.importUnits(CITY, "370500", orphan, ImportMode.UPSERT));
        assertEquals(0, registry.listUnits(CITY, "370500", true).size(), "a late failure rolls back the rows written before it");

        ImportResult first = registry.importUnits(CITY, "370500", rows.subList(0, 2), ImportMode.UPSERT);
        assertEquals(List.of("CHILD", "PARENT"), first.created());
        List<Unit> units = registry.listUnits(CITY, "370500", false);
        Unit child = units.stream().filter(u -> u.code().equals("CHILD")).findFirst().orElseThrow();
        Unit parent = units.stream().filter(u -> u.code().equals("PARENT")).findFirst().orElseThrow();
        assertEquals(parent.id(), child.parentUnitId());

        ImportResult again = registry.importUnits(CITY, "370500",
                List.of(draft("PARENT", "主管部门（更名）"), rows.get(0)), ImportMode.UPSERT);
        assertEquals(List.of("PARENT"), again.updated());
        assertEquals(List.of("CHILD"), again.unchanged());

        ImportResult seeding = registry.importUnits(CITY, "370500", List.of(draft("PARENT", "种子数据"), draft("THIRD", "第三个")),
                ImportMode.CREATE_MISSING);
        assertEquals(List.of("THIRD"), seeding.created());
        assertEquals("主管部门（更名）", registry.getUnit(CITY, parent.id()).name(), "seeding never undoes an office's edit");
        refused(ProblemKind.FORBIDDEN, () -> registry.importUnits(LIJIN, "370500", List.of(draft("Z", "越权")), ImportMode.UPSERT));
    }
}
