package cn.supervision.registry.internal;

import cn.supervision.api.problem.ProblemKind;

import static cn.supervision.registry.internal.RegistryServiceTest.CITY;
import static cn.supervision.registry.internal.RegistryServiceTest.LIJIN;
import static cn.supervision.registry.internal.RegistryServiceTest.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.Duty;
import cn.supervision.api.registry.DutyLink;
import cn.supervision.api.registry.DutyRecord;
import cn.supervision.api.registry.DutyRole;
import cn.supervision.api.registry.DutyStatus;
import cn.supervision.api.registry.DutyType;
import cn.supervision.api.registry.ImportMode;
import cn.supervision.api.registry.ImportResult;
import cn.supervision.api.registry.Jurisdiction;
import cn.supervision.api.registry.JurisdictionKind;
import cn.supervision.api.registry.Mandate;
import cn.supervision.api.registry.Staffing;
import cn.supervision.api.registry.StatusCommand;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitDraft;
import cn.supervision.api.registry.UnitKind;
import cn.supervision.api.registry.UnitStatus;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Role;
import cn.supervision.registry.internal.model.UnitEntity;
import cn.supervision.testing.LocalJpaTemplate;

/** Duties as records: stable ids across mandate revisions, links, the upgrade of id-less mandates, who may read them. */
class DutyLedgerTest {
    private LocalJpaTemplate jpa;
    private JpaRegistryService registry;
    private JpaDutyDirectory duties;

    @BeforeEach
    void start() {
        jpa = new LocalJpaTemplate("registry-test", "META-INF/registry-test-persistence.xml");
        registry = new JpaRegistryService(jpa);
        registry.start();
        Caller system = Caller.system("city-bundle");
        registry.registerJurisdiction(system, new Jurisdiction("370500", "东营市", JurisdictionKind.CITY, null, false));
        registry.registerJurisdiction(system, new Jurisdiction("370522", "利津县", JurisdictionKind.COUNTY, "370500", false));
        registry.registerJurisdiction(system, new Jurisdiction("370523", "广饶县", JurisdictionKind.COUNTY, "370500", false));
        duties = new JpaDutyDirectory(jpa, registry);
    }

    @AfterEach
    void stop() {
        jpa.close();
    }

    static Duty duty(int number, String text) {
        return new Duty(null, number, text, null, List.of());
    }

    static UnitDraft unit(String code, Duty... duties) {
        return new UnitDraft(code, code + "局", null, UnitKind.GOVERNMENT_DEPARTMENT, null, null,
                new Mandate(List.of(duties), List.of("办公室"), new Staffing(10, 0, 2)));
    }

    private static Long idOf(Unit u, int number) {
        return u.mandate().duties().stream().filter(d -> d.number() == number).findFirst().orElseThrow().id();
    }

    private long rows() {
        return jpa.txExpr(em -> em.createQuery("select count(d) from DutyEntity d", Long.class).getSingleResult());
    }

    @Test
    void idsSurviveRewordingAndRenumberingAndDroppedDutiesAreRetired() {
        Unit u = registry.createUnit(CITY, "370500", unit("SCJG", duty(1, "负责市场主体登记注册。"),
                new Duty(null, 2, "负责食品安全监督管理。", DutyType.INSPECTION, List.of()), duty(3, "负责计量管理。")));
        long registration = idOf(u, 1);
        long food = idOf(u, 2);
        long metrology = idOf(u, 3);
        assertEquals(3, Set.of(registration, food, metrology).size(), "every duty has its own id, shown on the unit");
        assertEquals(DutyType.INSPECTION, registry.getUnit(CITY, u.id()).mandate().duties().get(1).type());

        // a reworded duty keeps its id (same number)
        Unit reworded = registry.updateUnit(CITY, u.id(), unit("SCJG", duty(1, "负责市场主体登记注册。"),
                duty(2, "负责食品安全和食用农产品质量安全监督管理。"), duty(3, "负责计量管理。")));
        assertEquals(List.of(registration, food, metrology), reworded.mandate().duties().stream().map(Duty::id).toList());

        // renumbered duties keep theirs (identical text wins over the number)
        Unit renumbered = registry.updateUnit(CITY, u.id(), unit("SCJG", duty(1, "负责计量管理。"),
                duty(2, "负责市场主体登记注册。"), duty(3, "负责食品安全和食用农产品质量安全监督管理。")));
        assertEquals(List.of(metrology, registration, food), renumbered.mandate().duties().stream().map(Duty::id).toList());

        // a dropped duty is retired, an added one (new text, new number) is new; the draft may name a duty by id
        Unit revised = registry.updateUnit(CITY, u.id(), unit("SCJG",
                new Duty(food, 1, "负责食品安全监督管理（机构改革后）。", null, List.of()), duty(2, "负责计量管理。"),
                duty(4, "负责知识产权保护。")));
        assertEquals(food, idOf(revised, 1));
        assertEquals(metrology, idOf(revised, 2));
        long ip = idOf(revised, 4);
        assertTrue(!Set.of(registration, food, metrology).contains(ip));

        List<DutyRecord> current = duties.duties(CITY, u.id(), false);
        assertEquals(List.of(food, metrology, ip), current.stream().map(DutyRecord::id).toList());
        List<DutyRecord> all = duties.duties(CITY, u.id(), true);
        assertEquals(4, all.size(), "nothing is deleted");
        assertEquals(4, rows());
        DutyRecord retired = all.stream().filter(r -> r.id() == registration).findFirst().orElseThrow();
        assertEquals(DutyStatus.RETIRED, retired.status());
        assertEquals(revised.revision(), retired.retiredAtRevision());
        assertNotNull(retired.retiredAt());
        assertEquals("负责市场主体登记注册。", retired.text(), "a retired duty keeps its last wording");
        assertEquals(1, retired.sinceRevision());
        assertEquals(revised.revision(), current.get(2).sinceRevision());
        assertEquals(current.get(0), duties.duty(CITY, food));
    }

    @Test
    void aDraftMayNotNameAnotherUnitsDuty() {
        Unit a = registry.createUnit(CITY, "370500", unit("A", duty(1, "甲职责。")));
        Unit b = registry.createUnit(CITY, "370500", unit("B", duty(1, "乙职责。")));
        SupervisionException e = refused(ProblemKind.INVALID, () -> registry.updateUnit(CITY, b.id(), unit("B",
                new Duty(idOf(a, 1), 1, "乙职责。", null, List.of()))));
        assertEquals("mandate.duties[0].id", e.errors().get(0).field());
        assertTrue(e.errors().get(0).message().contains(String.valueOf(idOf(a, 1))), e.errors().toString());
        assertEquals(b, registry.getUnit(CITY, b.id()), "nothing written");
        refused(ProblemKind.INVALID, () -> registry.updateUnit(CITY, b.id(), unit("B", new Duty(idOf(b, 1), 1, "乙职责。", null, List.of()),
                new Duty(idOf(b, 1), 2, "丙职责。", null, List.of()))));
        assertEquals(2, rows());
    }

    @Test
    void linksResolveWithinTheJurisdictionEvenToAUnitOfTheSameImport() {
        ImportResult r = registry.importUnits(CITY, "370500", List.of(
                unit("SCJG", new Duty(null, 1, "负责食品安全监督管理。", DutyType.INSPECTION,
                        List.of(new DutyLink("NYNC", 2, null, DutyRole.LEAD)))),
                unit("NYNC", duty(1, "负责种植业管理。"), duty(2, "负责食用农产品质量安全监督管理。"))), ImportMode.UPSERT);
        assertEquals(List.of("SCJG", "NYNC"), r.created());
        Unit scjg = registry.listUnits(CITY, "370500", false).stream().filter(u -> u.code().equals("SCJG")).findFirst().orElseThrow();
        Unit nync = registry.listUnits(CITY, "370500", false).stream().filter(u -> u.code().equals("NYNC")).findFirst().orElseThrow();
        long agri = idOf(nync, 2);
        assertEquals(new DutyLink("NYNC", 2, agri, DutyRole.LEAD), scjg.mandate().duties().get(0).links().get(0));

        // the linked duty is renumbered: the link still reaches it and shows its new number
        registry.updateUnit(CITY, nync.id(), unit("NYNC", duty(1, "负责食用农产品质量安全监督管理。"), duty(2, "负责种植业管理。")));
        DutyRecord linked = duties.duties(CITY, scjg.id(), false).get(0);
        assertEquals(new DutyLink("NYNC", 1, agri, DutyRole.LEAD), linked.links().get(0));
        assertEquals(linked, duties.dutiesOf(CITY, "370500", false).stream().filter(d -> d.unitId() == scjg.id())
                .findFirst().orElseThrow());
        // re-importing the same content changes nothing
        assertEquals(List.of("NYNC"), registry.importUnits(CITY, "370500", List.of(
                unit("NYNC", duty(1, "负责食用农产品质量安全监督管理。"), duty(2, "负责种植业管理。"))), ImportMode.UPSERT).unchanged());
    }

    @Test
    void unresolvableAndCrossJurisdictionLinksAreRefusedWithNothingWritten() {
        Unit city = registry.createUnit(CITY, "370500", unit("NYNC", duty(1, "负责种植业管理。")));
        long rowsBefore = rows();
        SupervisionException e = refused(ProblemKind.INVALID, () -> registry.importUnits(LIJIN, "370522", List.of(
                unit("LJ-A", duty(1, "甲。")),
                unit("LJ-B", duty(1, "乙。"), new Duty(null, 2, "丙。", null, List.of(
                        new DutyLink("NYNC", 1, null, DutyRole.ASSIST),
                        new DutyLink(null, 0, idOf(city, 1), DutyRole.ASSIST),
                        new DutyLink("LJ-A", 9, null, DutyRole.ASSIST),
                        new DutyLink("LJ-B", 1, null, DutyRole.ASSIST))))), ImportMode.UPSERT));
        assertEquals(List.of("rows[1].mandate.duties[1].links[0]", "rows[1].mandate.duties[1].links[1]",
                "rows[1].mandate.duties[1].links[2]", "rows[1].mandate.duties[1].links[3]"),
                e.errors().stream().map(f -> f.field()).toList());
        assertTrue(e.errors().get(0).message().contains("单位 LJ-B 第 2 条职责") && e.errors().get(0).message().contains("NYNC"),
                e.errors().toString());
        assertTrue(e.errors().get(1).message().contains("在本行政区划中不存在"), "another county's duty is not even acknowledged");
        assertTrue(e.errors().get(2).message().contains("没有第 9 条"), e.errors().toString());
        assertTrue(registry.listUnits(LIJIN, "370522", true).isEmpty(), "nothing written");
        assertEquals(rowsBefore, rows());

        // a single write is refused the same way and the unit stays as it was
        Unit a = registry.createUnit(LIJIN, "370522", unit("LJ-A", duty(1, "甲。")));
        refused(ProblemKind.INVALID, () -> registry.updateUnit(LIJIN, a.id(), unit("LJ-A", new Duty(null, 1, "甲。", null,
                List.of(new DutyLink("NYNC", 1, null, DutyRole.LEAD))))));
        assertEquals(a, registry.getUnit(LIJIN, a.id()));
        // a duty of an abolished unit is not linked to any more
        Unit b = registry.createUnit(LIJIN, "370522", unit("LJ-B", duty(1, "乙。")));
        registry.changeStatus(LIJIN, b.id(), new StatusCommand(UnitStatus.ABOLISHED, "机构改革撤销", null));
        refused(ProblemKind.INVALID, () -> registry.updateUnit(LIJIN, a.id(), unit("LJ-A", new Duty(null, 1, "甲。", null,
                List.of(new DutyLink("LJ-B", 1, null, DutyRole.LEAD))))));
        assertEquals(UnitStatus.ABOLISHED, duties.duties(LIJIN, b.id(), false).get(0).unitStatus(),
                "an abolished unit's duties stay active in its last mandate");
    }

    @Test
    void anotherUnitsChangeDoesNotMakeALinkingUnitUneditableButNewLinksToRetiredDutiesAreRefused() {
        Unit b = registry.createUnit(CITY, "370500", unit("B", duty(1, "乙一。"), duty(2, "乙二。"), duty(3, "乙三。")));
        long b3 = idOf(b, 3);
        Unit c = registry.createUnit(CITY, "370500", unit("C", duty(1, "丙一。")));
        Unit a = registry.createUnit(CITY, "370500", unit("A", new Duty(null, 1, "甲一。", null,
                List.of(new DutyLink("B", 3, null, DutyRole.LEAD), new DutyLink("C", 1, null, DutyRole.ASSIST)))));
        DutyLink toB3 = new DutyLink("B", 3, b3, DutyRole.LEAD);
        DutyLink toC1 = new DutyLink("C", 1, idOf(c, 1), DutyRole.ASSIST);
        assertEquals(List.of(toB3, toC1), a.mandate().duties().get(0).links());

        // B drops its duty 3 and C is abolished: A's links now reach a retired duty and an abolished unit
        registry.updateUnit(CITY, b.id(), unit("B", duty(1, "乙一。"), duty(2, "乙二。")));
        registry.changeStatus(CITY, c.id(), new StatusCommand(UnitStatus.ABOLISHED, "机构改革撤销", null));

        // A is renamed with its mandate as it was read: written, both links kept as they were
        Unit stored = registry.getUnit(CITY, a.id());
        Unit renamed = registry.updateUnit(CITY, a.id(), new UnitDraft("A", "甲局（更名）", null,
                UnitKind.GOVERNMENT_DEPARTMENT, null, null, stored.mandate()));
        assertEquals("甲局（更名）", renamed.name());
        assertEquals(List.of(toB3, toC1), renamed.mandate().duties().get(0).links());
        assertEquals(List.of(toB3, toC1), duties.duties(CITY, a.id(), false).get(0).links());
        // a staffing change through an import row, whose links carry no ids (as the unit sheet writes them)
        Mandate restaffed = new Mandate(List.of(new Duty(null, 1, "甲一。", null, List.of(
                new DutyLink("B", 3, null, DutyRole.LEAD), new DutyLink("C", 1, null, DutyRole.ASSIST)))),
                List.of("办公室"), new Staffing(12, 0, 2));
        assertEquals(List.of("A"), registry.importUnits(CITY, "370500", List.of(new UnitDraft("A", "甲局（更名）", null,
                UnitKind.GOVERNMENT_DEPARTMENT, null, null, restaffed)), ImportMode.UPSERT).updated());
        Unit imported = registry.getUnit(CITY, a.id());
        assertEquals(12, imported.mandate().staffing().administrativeSlots());
        assertEquals(List.of(toB3, toC1), imported.mandate().duties().get(0).links());

        // a new link to the retired duty, from another duty of A or from another unit, is still refused
        SupervisionException e = refused(ProblemKind.INVALID, () -> registry.updateUnit(CITY, a.id(), new UnitDraft("A", "甲局（更名）",
                null, UnitKind.GOVERNMENT_DEPARTMENT, null, null, new Mandate(List.of(
                        imported.mandate().duties().get(0),
                        new Duty(null, 2, "甲二。", null, List.of(new DutyLink("B", 3, null, DutyRole.ASSIST)))),
                List.of("办公室"), new Staffing(12, 0, 2)))));
        assertEquals(List.of("mandate.duties[1].links[0]"), e.errors().stream().map(f -> f.field()).toList());
        assertEquals(imported, registry.getUnit(CITY, a.id()), "nothing written");
        refused(ProblemKind.INVALID, () -> registry.createUnit(CITY, "370500", unit("D", new Duty(null, 1, "丁一。", null,
                List.of(new DutyLink(null, 0, b3, DutyRole.ASSIST))))));
        refused(ProblemKind.INVALID, () -> registry.createUnit(CITY, "370500", unit("D", new Duty(null, 1, "丁一。", null,
                List.of(new DutyLink("C", 1, null, DutyRole.ASSIST))))));
    }

    @Test
    void malformedLinksAreRefusedBeforeAnythingIsRead() {
        List<DutyLink> many = java.util.stream.IntStream.rangeClosed(1, 21)
                .mapToObj(n -> new DutyLink("NYNC", n, null, DutyRole.ASSIST)).toList();
        SupervisionException e = refused(ProblemKind.INVALID, () -> registry.createUnit(CITY, "370500", unit("A",
                new Duty(null, 1, "甲。", null, many),
                new Duty(null, 2, "乙。", null, List.of(new DutyLink(" ", 0, null, DutyRole.LEAD))))));
        assertEquals(List.of("mandate.duties[0].links", "mandate.duties[1].links[0]"),
                e.errors().stream().map(f -> f.field()).toList());
        assertTrue(registry.listUnits(CITY, "370500", true).isEmpty());
        assertEquals(0, rows());
    }

    @Test
    void idlessMandatesOfAnOlderDatabaseGetIdsAtStart() {
        Unit a = registry.createUnit(CITY, "370500", unit("A", duty(1, "甲职责。"), duty(2, "乙职责。")));
        // as an earlier version stored it: duties without ids, no duty records
        jpa.tx(em -> {
            em.createQuery("delete from DutyEntity d").executeUpdate();
            em.find(UnitEntity.class, a.id()).setMandateJson(
                    "{\"duties\":[{\"number\":1,\"text\":\"甲职责。\"},{\"number\":2,\"text\":\"乙职责。\"}],"
                            + "\"internalBodies\":[\"办公室\"],\"staffing\":{\"administrativeSlots\":10,"
                            + "\"institutionalSlots\":0,\"leadershipPosts\":2}}");
        });
        assertNull(registry.getUnit(CITY, a.id()).mandate().duties().get(0).id());

        JpaRegistryService restarted = new JpaRegistryService(jpa);
        restarted.start();
        Unit upgraded = restarted.getUnit(CITY, a.id());
        assertNotNull(idOf(upgraded, 1));
        assertNotEquals(idOf(upgraded, 1), idOf(upgraded, 2));
        assertEquals(a.revision(), upgraded.revision(), "giving ids is not a revision of the unit");
        JpaDutyDirectory directory = new JpaDutyDirectory(jpa, restarted);
        assertEquals(List.of(idOf(upgraded, 1), idOf(upgraded, 2)),
                directory.duties(CITY, a.id(), false).stream().map(DutyRecord::id).toList());
        // the upgrade runs once: a second start keeps the ids
        new JpaRegistryService(jpa).start();
        assertEquals(upgraded.mandate(), restarted.getUnit(CITY, a.id()).mandate());
        assertEquals(2, rows());
    }

    @Test
    void aUnitUserReadsItsOwnDutiesOnlyAndNoCountyReadsAnother() {
        Unit a = registry.createUnit(LIJIN, "370522", unit("LJ-A", duty(1, "甲。")));
        Unit b = registry.createUnit(LIJIN, "370522", unit("LJ-B", duty(1, "乙。")));
        Caller unitUser = new Caller("lj-a", Set.of(Role.UNIT_USER), "370522", "LJ-A");
        Caller guangrao = new Caller("gr", Set.of(Role.COUNTY_ADMIN), "370523", null);

        assertEquals(1, duties.duties(unitUser, a.id(), false).size());
        assertEquals(idOf(a, 1), duties.duty(unitUser, idOf(a, 1)).id());
        refused(ProblemKind.FORBIDDEN, () -> duties.duties(unitUser, b.id(), false));
        refused(ProblemKind.FORBIDDEN, () -> duties.duty(unitUser, idOf(b, 1)));
        refused(ProblemKind.FORBIDDEN, () -> duties.dutiesOf(unitUser, "370522", false));

        refused(ProblemKind.FORBIDDEN, () -> duties.duties(guangrao, a.id(), false));
        refused(ProblemKind.FORBIDDEN, () -> duties.duty(guangrao, idOf(a, 1)));
        refused(ProblemKind.FORBIDDEN, () -> duties.dutiesOf(guangrao, "370522", false));
        refused(ProblemKind.FORBIDDEN, () -> duties.dutiesOf(LIJIN, "370500", false));
        refused(ProblemKind.NOT_FOUND, () -> duties.dutiesOf(CITY, "999999", false));
        refused(ProblemKind.NOT_FOUND, () -> duties.duty(CITY, 987654L));
        assertEquals(2, duties.dutiesOf(CITY, "370522", false).size(), "the city reads its counties");

        // a missing id is refused exactly as another's duty is: no county or unit learns which ids exist elsewhere
        for (Caller probe : List.of(unitUser, guangrao)) {
            SupervisionException other = refused(ProblemKind.FORBIDDEN, () -> duties.duty(probe, idOf(b, 1)));
            SupervisionException missing = refused(ProblemKind.FORBIDDEN, () -> duties.duty(probe, 987654L));
            assertEquals(other.getMessage().replace(String.valueOf(idOf(b, 1)), "?"),
                    missing.getMessage().replace("987654", "?"));
        }
    }
}
