package cn.supervision.contribution.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.supervision.api.duty.PowerItemDraft;
import cn.supervision.api.duty.PowerListImport;
import cn.supervision.api.duty.PowerListService;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.Duty;
import cn.supervision.api.registry.ImportMode;
import cn.supervision.api.registry.ImportResult;
import cn.supervision.api.registry.Jurisdiction;
import cn.supervision.api.registry.Mandate;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.Staffing;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitDraft;
import cn.supervision.api.registry.UnitKind;
import cn.supervision.api.registry.UnitStatus;
import cn.supervision.api.security.Access;
import cn.supervision.api.security.Caller;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.testing.fakes.FakePowerListService;
import cn.supervision.testing.fakes.FakeRegistryService;

/** A contribution's SUPERVISION-INF/power-lists/: read, checked against the jurisdiction and mandates, applied after the units. */
class ContributionPowerListsTest {
    static final String COUNTY = "cn.supervision.county.lijin";

    /** What happened, in order: unit imports and list imports. */
    private final List<String> calls = new ArrayList<>();
    private final List<List<PowerItemDraft>> imported = new ArrayList<>();
    /** The service's checks, in order. */
    private final List<String> checked = new ArrayList<>();

    /** Imports every list, except that a row named with REFUSE is refused the way the real service refuses rows. */
    private final PowerListService lists = new FakePowerListService() {
        @Override
        public PowerListImport importList(Caller caller, long unitId, String fileName, List<PowerItemDraft> rows) {
            List<FieldError> errors = rows.stream().filter(r -> r.name().contains("REFUSE"))
                    .map(r -> new FieldError("第" + r.row() + "行", "实施主体“利津县财政局”是本行政区划的另一单位（利津县财政局），不能列入本单位清单"))
                    .toList();
            if (!errors.isEmpty()) {
                throw SupervisionException.invalid("权责清单有 " + errors.size() + " 行不能导入，未写入任何事项", errors);
            }
            calls.add("list " + caller.username() + " " + unitId + " " + fileName + " " + rows.size());
            imported.add(rows);
            return new PowerListImport(1, unitId, "370522", fileName, rows.size(), 0, Instant.EPOCH, caller.username());
        }

        /** Like the real check: the unit as the bundle describes it, else as registered; REFUSE rows refused; nothing written. */
        @Override
        public List<FieldError> check(Caller caller, String jurisdictionCode, String unitCode, UnitDraft pending,
                                      List<PowerItemDraft> rows) {
            checked.add(unitCode + (pending == null ? " as registered" : " as pending with " + pending.mandate().duties().size() + " duties"));
            Unit registered = registry.listUnits(caller, jurisdictionCode, true).stream().filter(u -> u.code().equals(unitCode))
                    .findFirst().orElse(null);
            if (registered != null && registered.status() != UnitStatus.ACTIVE) {
                throw SupervisionException.conflict("单位“" + registered.name() + "”" + registered.status().label() + "，不能导入权责清单");
            }
            List<Duty> duties = pending != null ? pending.mandate().duties() : registered.mandate().duties();
            List<FieldError> errors = new ArrayList<>();
            for (PowerItemDraft r : rows) {
                if (r.name().contains("REFUSE")) {
                    errors.add(new FieldError("第" + r.row() + "行", "实施主体“利津县财政局”是本行政区划的另一单位（利津县财政局），不能列入本单位清单"));
                }
                if (r.dutyNumber() != null && duties.stream().noneMatch(d -> d.number() == r.dutyNumber())) {
                    errors.add(new FieldError("第" + r.row() + "行", "对应职责序号 " + r.dutyNumber() + " 不是本单位现行三定规定中的主要职责"));
                }
            }
            return errors;
        }



    };

    private static Unit unit(long id, String code, String name, String jurisdiction, int duties) {
        return unit(id, code, name, jurisdiction, duties, UnitStatus.ACTIVE);
    }

    private static Unit unit(long id, String code, String name, String jurisdiction, int duties, UnitStatus status) {
        List<Duty> ds = new ArrayList<>();
        for (int n = 1; n <= duties; n++) {
            ds.add(new Duty(n, "职责" + n));
        }
        return new Unit(id, code, name, null, UnitKind.GOVERNMENT_DEPARTMENT, jurisdiction, null, status,
                new Mandate(ds, List.of("执法大队"), Staffing.NONE), 1, Instant.EPOCH, "t", Instant.EPOCH, "t");
    }

    /** The fake registry, which also accepts unit imports (recording them) so the order of writes can be seen. */
    private final RegistryService registry = recording(new FakeRegistry(FakeRegistry.DONGYING, List.of(
            unit(7, "LJSCJ", "利津县市场监督管理局", "370522", 12),
            unit(8, "LJCZJ", "利津县财政局", "370522", 5),
            unit(9, "LJWJJ", "利津县物价局", "370522", 2, UnitStatus.ABOLISHED),
            unit(1, "CZJ", "东营市财政局", "370500", 14))));

    private RegistryService recording(FakeRegistry fake) {
        return new FakeRegistryService() {
            @Override
            public Access access() {
                return fake.access();
            }

            @Override
            public List<Jurisdiction> listJurisdictions(Caller caller) {
                return fake.listJurisdictions(caller);
            }

            @Override
            public Jurisdiction getJurisdiction(Caller caller, String code) {
                return fake.getJurisdiction(caller, code);
            }

            @Override
            public Jurisdiction registerJurisdiction(Caller caller, Jurisdiction jurisdiction) {
                return fake.registerJurisdiction(caller, jurisdiction);
            }

            @Override
            public List<Unit> listUnits(Caller caller, String jurisdictionCode, boolean includeInactive) {
                return fake.listUnits(caller, jurisdictionCode, includeInactive);
            }

            @Override
            public Unit getUnit(Caller caller, long unitId) {
                return fake.getUnit(caller, unitId);
            }

            @Override
            public ImportResult importUnits(Caller caller, String jurisdictionCode, List<UnitDraft> drafts, ImportMode mode) {
                calls.add("units " + jurisdictionCode);
                return new ImportResult(jurisdictionCode, List.of(), List.of(), List.of());
            }
        };
    }

    private PowerListService service = lists;
    private final ContributionProcessor processor = new ContributionProcessor(registry, null, "cn.supervision.city.dongying",
            "370500", () -> null, () -> service);

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String row(String code, String name, String type, Integer duty) {
        return "{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"type\":\"" + type + "\",\"basis\":\"《中华人民共和国食品安全法》第三十五条\","
                + "\"subject\":\"利津县市场监督管理局（执法大队）\",\"responsibilities\":\"1.受理责任…\",\"accountability\":\"因不履行或不正确履行行政职责…\","
                + "\"dutyNumber\":" + duty + "}";
    }

    /** The county's units file: LJSCJ's new mandate has 3 duties (the registered one has 12). */
    private static final String UNITS = "{\"jurisdictionCode\":\"370522\",\"units\":[{\"code\":\"LJSCJ\",\"name\":\"利津县市场监督管理局\","
            + "\"kind\":\"GOVERNMENT_DEPARTMENT\",\"mandate\":{\"duties\":["
            + "{\"number\":1,\"text\":\"负责食品生产经营许可。\",\"type\":\"LICENSING\"},"
            + "{\"number\":2,\"text\":\"负责市场监管综合执法。\",\"type\":\"PENALTY\",\"links\":[{\"unitCode\":\"LJCZJ\",\"dutyNumber\":1,\"role\":\"ASSIST\"}]},"
            + "{\"number\":3,\"text\":\"完成县委、县政府交办的其他任务。\",\"type\":\"INTERNAL_MANAGEMENT\"}],"
            + "\"internalBodies\":[\"执法大队\"]}}]}";

    private ContributionProcessor.Outcome county(Map<String, String> files, boolean apply) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        files.forEach((k, v) -> bytes.put(k, b(v)));
        return processor.process(COUNTY, "370522", BundleContent.read(bytes), Caller.system("deploy"), null, apply);
    }

    @Test
    void listsAreReadFromTheirFolderAndMalformedOnesAreReasons() {
        BundleContent c = BundleContent.read(Map.of("power-lists/LJSCJ.json", b("[" + row("A1", "食品生产许可", "行政许可", 1) + "]")));
        assertEquals(List.of(), c.problems());
        assertEquals("LJSCJ", c.powerLists().get(0).unitCode());
        assertEquals(1, (int) c.powerLists().get(0).rows().get(0).dutyNumber());
        BundleContent bad = BundleContent.read(Map.of("power-lists/x/LJSCJ.json", b("[]"),
                "power-lists/LJCZJ.json", b("[{\"code\":\"A\",\"surprise\":1}]"), "power-lists/CZJ.json", b("{\"rows\":[]}")));
        assertEquals(3, bad.problems().size(), bad.problems().toString());
        assertTrue(bad.problems().stream().anyMatch(p -> p.startsWith("power-lists/x/LJSCJ.json：权责清单文件应为")), bad.problems().toString());
        assertTrue(bad.problems().stream().anyMatch(p -> p.startsWith("power-lists/LJCZJ.json：JSON 无效")), bad.problems().toString());
    }

    @Test
    void aCountysListIsImportedAfterItsUnitsByThePlatformWithRowsNumberedFromOne() {
        ContributionProcessor.Outcome o = county(Map.of("units/u.json", UNITS, "power-lists/LJSCJ.json", "["
                + row("LJ-XK-001", "食品生产许可", "行政许可", 1) + "," + row("LJ-CF-001", "对未取得许可从事食品生产的处罚", "行政处罚", 2) + ","
                + row("LJ-JC-001", "对食品生产者的监督检查", "行政检查", null) + "]"), true);
        assertTrue(o.accepted(), o.reasons().toString());
        assertEquals(List.of("units 370522", "list bundle:" + COUNTY + " 7 " + COUNTY + "/power-lists/LJSCJ.json 3"), calls);
        List<PowerItemDraft> rows = imported.get(0);
        assertEquals(new PowerItemDraft(2, "LJ-CF-001", "对未取得许可从事食品生产的处罚", "行政处罚", "《中华人民共和国食品安全法》第三十五条",
                "利津县市场监督管理局（执法大队）", "1.受理责任…", "因不履行或不正确履行行政职责…", 2), rows.get(1));
        assertEquals(null, rows.get(2).dutyNumber());
        // a restart of the same content imports no list again (it would supersede the list by itself)
        calls.clear();
        service = null;
        assertTrue(county(Map.of("units/u.json", UNITS, "power-lists/LJSCJ.json", "[" + row("LJ-XK-001", "食品生产许可", "行政许可", 1) + "]"),
                false).accepted());
        assertEquals(List.of(), calls);
    }

    @Test
    void aListForAUnitOfAnotherJurisdictionOrNoUnitIsRefusedAndNothingIsWritten() {
        ContributionProcessor.Outcome o = county(Map.of("units/u.json", UNITS,
                "power-lists/CZJ.json", "[" + row("A1", "财政事项", "行政检查", 1) + "]",
                "power-lists/NOPE.json", "[" + row("A1", "某事项", "行政检查", null) + "]"), true);
        assertFalse(o.accepted());
        assertEquals(List.of(
                "power-lists/CZJ.json：行政区划 370522 没有编码为 CZJ 的存续单位（贡献包只能携带本行政区划单位的权责清单）",
                "power-lists/NOPE.json：行政区划 370522 没有编码为 NOPE 的存续单位（贡献包只能携带本行政区划单位的权责清单）"), o.reasons());
        assertEquals(List.of(), calls);
    }

    @Test
    void withoutAServiceEveryBadRowIsStillNamedBeforeAnythingIsWrittenAgainstTheMandateTheBundleBrings() {
        service = null;
        ContributionProcessor.Outcome o = county(Map.of("units/u.json", UNITS, "power-lists/LJSCJ.json", "["
                + row("A1", "食品生产许可", "行政许可", 1) + "," + row("A1", "", "行政许可证", 2) + ","
                + row(" ", "职责本身", "政策规划", 9) + ",null]"), true);
        assertFalse(o.accepted());
        assertEquals(List.of(
                "power-lists/LJSCJ.json 第2行：事项编码 A1 与第1行重复",
                "power-lists/LJSCJ.json 第2行：事项名称不能为空",
                "power-lists/LJSCJ.json 第2行：事项类型“行政许可证”不是权责清单的事项类型",
                "power-lists/LJSCJ.json 第3行：事项编码不能为空",
                "power-lists/LJSCJ.json 第3行：“政策规划”只用于主要职责，不能作为事项类型",
                "power-lists/LJSCJ.json 第3行：对应职责序号 9 不是单位 LJSCJ 三定规定中的主要职责",
                "power-lists/LJSCJ.json 第4行：事项为空"), o.reasons());
        assertEquals(List.of(), calls);
        // without a units file the registered mandate (12 duties) is the one in force: duty 9 exists there
        service = lists;
        assertTrue(county(Map.of("power-lists/LJSCJ.json", "[" + row("A1", "食品生产许可", "行政许可", 9) + "]"), true).accepted());
    }

    @Test
    void theServiceChecksEveryListBeforeTheUnitsAreWrittenAgainstTheUnitAsTheBundleMakesIt() {
        ContributionProcessor.Outcome o = county(Map.of("units/u.json", UNITS, "power-lists/LJSCJ.json", "["
                + row("A1", "食品生产许可", "行政许可", 1) + "," + row("A2", "REFUSE 财政事项", "行政检查", 2) + ","
                + row("A3", "检查", "行政检查", 9) + "]"), true);
        assertFalse(o.accepted());
        assertEquals(List.of(
                "power-lists/LJSCJ.json 第2行：实施主体“利津县财政局”是本行政区划的另一单位（利津县财政局），不能列入本单位清单",
                "power-lists/LJSCJ.json 第3行：对应职责序号 9 不是本单位现行三定规定中的主要职责"), o.reasons());
        assertEquals(List.of("LJSCJ as pending with 3 duties"), checked);
        // refused before anything was written: the units were not imported
        assertEquals(List.of(), calls);
    }

    @Test
    void aListForARegisteredUnitThatIsNotActiveIsAReasonBeforeAnythingIsWritten() {
        ContributionProcessor.Outcome o = county(Map.of("units/u.json", UNITS,
                "power-lists/LJWJJ.json", "[" + row("A1", "价格检查", "行政检查", 1) + "]"), true);
        assertFalse(o.accepted());
        assertEquals(List.of("power-lists/LJWJJ.json：行政区划 370522 没有编码为 LJWJJ 的存续单位（贡献包只能携带本行政区划单位的权责清单）"),
                o.reasons());
        // the bundle describing the abolished unit does not revive it: the service's 409 is the reason
        String revived = "{\"jurisdictionCode\":\"370522\",\"units\":[{\"code\":\"LJWJJ\",\"name\":\"利津县物价局\","
                + "\"kind\":\"GOVERNMENT_DEPARTMENT\",\"mandate\":{\"duties\":[{\"number\":1,\"text\":\"负责价格监督检查。\"}]}}]}";
        o = county(Map.of("units/u.json", revived, "power-lists/LJWJJ.json", "[" + row("A1", "价格检查", "行政检查", 1) + "]"), true);
        assertFalse(o.accepted());
        assertEquals(List.of("power-lists/LJWJJ.json：单位“利津县物价局”已撤销，不能导入权责清单"), o.reasons());
        assertEquals(List.of(), calls);
    }

    @Test
    void theServicesRefusalBecomesTheBundlesReasonsEachNamingFileAndRow() {
        ContributionProcessor.Outcome o = county(Map.of("power-lists/LJSCJ.json", "["
                + row("A1", "食品生产许可", "行政许可", 1) + "," + row("A2", "REFUSE 财政事项", "行政检查", 2) + "]"), true);
        assertFalse(o.accepted());
        assertEquals(List.of("power-lists/LJSCJ.json 第2行：实施主体“利津县财政局”是本行政区划的另一单位（利津县财政局），不能列入本单位清单"),
                o.reasons());
    }

    @Test
    void withoutAPowerListServiceTheListsCannotBeAppliedSoTheExtenderRetries() {
        service = null;
        assertThrows(IllegalStateException.class, () -> county(Map.of("power-lists/LJSCJ.json",
                "[" + row("A1", "食品生产许可", "行政许可", 1) + "]"), true));
        assertEquals(List.of(), calls);
    }
}
