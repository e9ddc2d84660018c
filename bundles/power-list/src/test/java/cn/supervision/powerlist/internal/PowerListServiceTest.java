package cn.supervision.powerlist.internal;

import cn.supervision.api.problem.ProblemKind;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import cn.supervision.api.duty.PowerItem;
import cn.supervision.api.duty.PowerItemDraft;
import cn.supervision.api.duty.PowerItemStatus;
import cn.supervision.api.duty.PowerListGaps;
import cn.supervision.api.duty.PowerListImport;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.Duty;
import cn.supervision.api.registry.DutyRecord;
import cn.supervision.api.registry.DutyType;
import cn.supervision.api.registry.Mandate;
import cn.supervision.api.registry.Staffing;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitKind;
import cn.supervision.api.registry.UnitStatus;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Role;
import cn.supervision.testing.CommitGate;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.testing.LocalJpaTemplate;
import cn.supervision.testing.MutableClock;

class PowerListServiceTest {
    static final Caller CITY = new Caller("city-admin", Set.of(Role.CITY_ADMIN), "370500", null);
    static final Caller LIJIN = new Caller("lijin-admin", Set.of(Role.COUNTY_ADMIN), "370522", null);
    static final Caller LEADER = new Caller("city-leader", Set.of(Role.LEADER), "370500", null);
    static final Caller CZJ_USER = new Caller("czj-user", Set.of(Role.UNIT_USER), "370500", "CZJ");
    static final Caller SCJ_USER = new Caller("scj-user", Set.of(Role.UNIT_USER), "370500", "SCJGJ");
    static final long SCJ = 1;
    static final long CZJ = 2;
    static final long LIJIN_SCJ = 3;
    static final long ABOLISHED = 4;
    static final long NO_DUTIES = 5;
    static final String SCJ_NAME = "东营市市场监督管理局";

    private LocalJpaTemplate jpa;
    private FakeRegistry registry;
    private JpaPowerListService lists;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));

    static Unit unit(long id, String code, String name, String shortName, String jurisdiction, UnitStatus status,
                     List<Duty> duties, List<String> bodies) {
        return new Unit(id, code, name, shortName, UnitKind.GOVERNMENT_DEPARTMENT, jurisdiction, null, status,
                new Mandate(duties, bodies, Staffing.NONE), 1, Instant.EPOCH, "t", Instant.EPOCH, "t");
    }

    static final List<Unit> UNITS = List.of(
            unit(SCJ, "SCJGJ", SCJ_NAME, "市市场监管局", "370500", UnitStatus.ACTIVE, List.of(
                    new Duty(null, 1, "负责市场主体登记注册工作。", DutyType.LICENSING, List.of()),
                    new Duty(null, 2, "负责市场监管综合执法工作，查处违法行为。", DutyType.PENALTY, List.of()),
                    new Duty(null, 3, "负责特种设备安全监督检查。", DutyType.INSPECTION, List.of()),
                    new Duty(null, 4, "负责机关和所属单位的财务、人事管理。", DutyType.INTERNAL_MANAGEMENT, List.of())),
                    List.of("执法支队", "登记注册科")),
            unit(CZJ, "CZJ", "东营市财政局", "市财政局", "370500", UnitStatus.ACTIVE, List.of(
                    new Duty(null, 1, "负责政府采购监督管理。", DutyType.INSPECTION, List.of())), List.of("政府采购监督管理科")),
            unit(LIJIN_SCJ, "LJSCJ", "利津县市场监督管理局", "县市场监管局", "370522", UnitStatus.ACTIVE, List.of(), List.of("执法大队")),
            unit(ABOLISHED, "WJJ", "东营市物价局", "市物价局", "370500", UnitStatus.ABOLISHED, List.of(
                    new Duty(null, 1, "负责价格监督检查。", DutyType.INSPECTION, List.of())), List.of()),
            unit(NO_DUTIES, "TJJ", "东营市统计局", "市统计局", "370500", UnitStatus.ACTIVE, List.of(), List.of()));

    @BeforeEach
    void start() {
        jpa = new LocalJpaTemplate("power-list-test", "META-INF/power-list-test-persistence.xml");
        registry = new FakeRegistry(FakeRegistry.DONGYING, UNITS);
        lists = new JpaPowerListService(jpa.jdbcInTransaction(), registry, registry, clock);
    }

    @AfterEach
    void stop() {
        jpa.close();
    }

    static PowerItemDraft row(int row, String code, String type, String subject, Integer duty) {
        return new PowerItemDraft(row, code, "事项" + code, type, "《中华人民共和国行政许可法》", subject, "受理、审查、决定", "不履行职责的", duty);
    }

    static List<PowerItemDraft> goodList() {
        return List.of(
                row(2, "XK-001", "行政许可", "", 1),
                row(3, "CF-001", "行政处罚", SCJ_NAME + "（执法支队）", 2),
                row(4, "CF-002", "PENALTY", "市市场监管局(执法支队)", 2),
                row(5, "JC-001", "行政检查", " 东营市市场监督管理局 ", null),
                row(6, "FW-001", "公共服务", "登记注册科", null),
                row(7, "XK-002", "行政许可", "东营市市场监督管理局登记注册科", 1));
    }

    private static List<FieldError> refused(Runnable call) {
        SupervisionException e = assertThrows(SupervisionException.class, call::run);
        assertEquals(ProblemKind.INVALID, e.kind(), e.getMessage());
        return e.errors();
    }

    private void assertNothingWritten(long unitId) {
        assertEquals(List.of(), lists.items(CITY, unitId, true));
        assertEquals(List.of(), lists.imports(CITY, unitId));
    }

    @Test
    void anImportKeepsEveryRowMappedToTheStableIdOfItsDuty() {
        PowerListImport imp = lists.importList(CITY, SCJ, "scj.xlsx", goodList());
        assertEquals(6, imp.items());
        assertEquals(0, imp.superseded());
        assertEquals("scj.xlsx", imp.fileName());
        assertEquals("city-admin", imp.importedBy());
        assertEquals(clock.instant(), imp.importedAt());

        List<PowerItem> items = lists.items(CITY, SCJ, false);
        assertEquals(List.of("XK-001", "CF-001", "CF-002", "JC-001", "FW-001", "XK-002"), items.stream().map(PowerItem::code).toList());
        PowerItem first = items.get(0);
        assertEquals(FakeRegistry.dutyId(SCJ, 1), first.dutyId());
        assertEquals(1, first.dutyNumber());
        assertEquals(DutyType.LICENSING, first.type());
        assertEquals(PowerItemStatus.CURRENT, first.status());
        assertEquals(imp.id(), first.importId());
        assertEquals("370500", first.jurisdictionCode());
        assertEquals("SCJGJ", first.unitCode());
        assertNull(first.subject());
        // every column as written (the items go in as JDBC batches, by column name)
        assertEquals("事项XK-001", first.name());
        assertEquals("《中华人民共和国行政许可法》", first.basis());
        assertEquals("受理、审查、决定", first.responsibilities());
        assertEquals("不履行职责的", first.accountability());
        assertEquals(SCJ, first.unitId());
        assertEquals(clock.instant(), first.importedAt());
        assertEquals("city-admin", first.importedBy());
        assertEquals(DutyType.PENALTY, items.get(2).type());
        assertEquals(FakeRegistry.dutyId(SCJ, 2), items.get(2).dutyId());
        assertEquals("东营市市场监督管理局", items.get(3).subject());
        assertNull(items.get(3).dutyId());
    }

    /**
     * The office and a contribution import the unit's list on two nodes at once (the first's transaction paused before
     * commit): the second supersedes the first's list, so one list is current, not two.
     */
    @ParameterizedTest(name = "a list current before: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void twoNodesImportingOneUnitAtOnceLeaveOneCurrentList(boolean listBefore) throws Exception {
        if (listBefore) {
            lists.importList(CITY, SCJ, "v0.xlsx", goodList());
        }
        CommitGate gate = new CommitGate(jpa.jdbcInTransaction());
        PowerListImport first;
        PowerListImport second;
        try (LocalJpaTemplate otherNode = jpa.secondNode()) {
            JpaPowerListService a = new JpaPowerListService(gate, registry, registry, clock);
            JpaPowerListService b = new JpaPowerListService(otherNode.jdbcInTransaction(), registry, registry, clock);
            gate.holdNext();
            CompletableFuture<PowerListImport> one = CompletableFuture.supplyAsync(() -> a.importList(CITY, SCJ, "a.xlsx", goodList()));
            gate.awaitHeld();
            CompletableFuture<PowerListImport> two = CompletableFuture.supplyAsync(() -> b.importList(CITY, SCJ, "b.xlsx",
                    List.of(row(2, "XK-001", "行政许可", "", 1), row(3, "JC-009", "行政检查", "", 3))));
            jpa.database().awaitLockWait("SV_LOCK", Duration.ofSeconds(5)); // none on the code before: the race goes ahead
            gate.open();
            first = one.get(30, TimeUnit.SECONDS);
            second = two.get(30, TimeUnit.SECONDS);
        } finally {
            gate.open();
        }
        assertEquals(6, second.superseded(), "the second import superseded the first's list");
        List<PowerItem> current = lists.items(CITY, SCJ, false);
        assertEquals(List.of(second.id()), current.stream().map(PowerItem::importId).distinct().toList(), "one current list");
        assertEquals(List.of("XK-001", "JC-009"), current.stream().map(PowerItem::code).toList());
        assertEquals(List.of(second.id(), first.id()), lists.imports(CITY, SCJ).subList(0, 2).stream().map(PowerListImport::id).toList());
    }

    @Test
    void aNewImportSupersedesTheWholeCurrentListAndKeepsIt() {
        PowerListImport first = lists.importList(CITY, SCJ, "v1.xlsx", goodList());
        clock.advance(java.time.Duration.ofDays(30));
        PowerListImport second = lists.importList(CITY, SCJ, "v2.xlsx", List.of(row(2, "XK-001", "行政许可", "", 1), row(3, "JC-009", "行政检查", "", 3)));
        assertEquals(6, second.superseded());
        assertEquals(2, second.items());

        assertEquals(List.of("XK-001", "JC-009"), lists.items(CITY, SCJ, false).stream().map(PowerItem::code).toList());
        List<PowerItem> all = lists.items(CITY, SCJ, true);
        assertEquals(8, all.size());
        assertEquals(2, all.stream().filter(i -> i.status() == PowerItemStatus.CURRENT && i.importId() == second.id()).count());
        assertEquals(6, all.stream().filter(i -> i.status() == PowerItemStatus.SUPERSEDED && i.importId() == first.id()).count());
        assertEquals(List.of(second.id(), first.id()), lists.imports(CITY, SCJ).stream().map(PowerListImport::id).toList());
        // another unit's list is not touched by this unit's imports
        lists.importList(CITY, CZJ, null, List.of(row(2, "JC-001", "行政检查", "市财政局", 1)));
        assertEquals(2, lists.items(CITY, SCJ, false).size());
    }

    /** Each rule on its own: the one bad row is named with its reason and nothing is written. */
    static Stream<Arguments> badRows() {
        return Stream.of(
                Arguments.of(row(3, "  ", "行政许可", "", 1), "事项编码不能为空"),
                Arguments.of(new PowerItemDraft(3, "XK-9", " ", "行政许可", null, null, null, null, 1), "事项名称不能为空"),
                Arguments.of(row(3, "XK-001", "行政许可", "", 1), "事项编码“XK-001”在清单中重复（第2、3行）"),
                Arguments.of(row(3, "XK-9", "行政审批", "", 1), "事项类型“行政审批”不存在"),
                Arguments.of(row(3, "XK-9", "", "", 1), "事项类型不能为空"),
                Arguments.of(row(3, "XK-9", "内部管理", "", 4), "“内部管理”只用于主要职责，不能作为权责事项的类型"),
                Arguments.of(row(3, "XK-9", "行政许可", "", 9), "对应职责序号 9 不是本单位现行三定规定中的主要职责（现有序号 1、2、3、4）"),
                Arguments.of(row(3, "XK-9", "行政许可", "东营市财政局", 1), "实施主体“东营市财政局”是本行政区划的另一单位（东营市财政局），不能列入本单位清单"),
                Arguments.of(row(3, "XK-9", "行政许可", "市财政局（政府采购监督管理科）", 1), "是本行政区划的另一单位（东营市财政局）"),
                Arguments.of(row(3, "XK-9", "行政许可", "东营市物价局", 1), "是本行政区划的另一单位（东营市物价局）"),
                Arguments.of(row(3, "XK-9", "行政许可", "利津县市场监督管理局（执法大队）", 1),
                        "实施主体“利津县市场监督管理局（执法大队）”属于其他行政区划，不能跨行政区划映射"),
                Arguments.of(row(3, "XK-9", "行政许可", "利津县市场监督管理局执法大队", 1), "不能跨行政区划映射"),
                Arguments.of(row(3, "XK-9", "行政许可", "县市场监管局", 1), "不能跨行政区划映射"),
                Arguments.of(row(3, "XK-9", "行政许可", SCJ_NAME + "（财务科）", 1), "中的“财务科”不是本单位的内设机构"),
                Arguments.of(row(3, "XK-9", "行政许可", "某某检测有限公司", 1), "实施主体“某某检测有限公司”不是本单位"),
                Arguments.of(new PowerItemDraft(3, "XK-9", "名".repeat(501), "行政许可", null, null, null, null, 1), "事项名称超过 500 字"),
                Arguments.of(new PowerItemDraft(3, "XK-9", "名", "行政许可", "依".repeat(8001), null, null, null, 1), "设定依据超过 8000 字"));
    }

    @ParameterizedTest
    @MethodSource("badRows")
    void eachBadRowIsNamedWithItsReasonAndNothingIsWritten(PowerItemDraft bad, String reason) {
        List<FieldError> errors = refused(() -> lists.importList(CITY, SCJ, "bad.xlsx", List.of(row(2, "XK-001", "行政许可", "", 1), bad)));
        List<FieldError> third = errors.stream().filter(e -> e.field().equals("第3行")).toList();
        assertEquals(1, third.size(), errors.toString());
        assertTrue(third.get(0).message().contains(reason), third.get(0).message());
        // only a duplicate code also names the other row carrying it
        assertEquals(reason.contains("重复") ? 2 : 1, errors.size(), errors.toString());
        assertNothingWritten(SCJ);
    }

    @Test
    void everyProblemOfEveryRowIsReportedAtOnceAndTheCurrentListStays() {
        PowerListImport current = lists.importList(CITY, SCJ, "v1.xlsx", goodList());
        List<PowerItemDraft> bad = new ArrayList<>(List.of(
                row(2, "XK-001", "行政许可", "", 1),
                row(3, "", "行政审批", "东营市财政局", 99),
                row(4, "XK-001", "统筹协调", "利津县市场监督管理局", 2),
                row(5, "CF-001", "行政处罚", "", 2)));
        List<FieldError> errors = refused(() -> lists.importList(CITY, SCJ, "bad.xlsx", bad));
        assertEquals(List.of("第2行", "第3行", "第3行", "第3行", "第3行", "第4行", "第4行", "第4行"),
                errors.stream().map(FieldError::field).toList(), errors.toString());
        assertTrue(errors.get(0).message().contains("重复（第2、4行）"));
        assertTrue(errors.get(1).message().contains("事项编码不能为空"));
        assertTrue(errors.get(2).message().contains("“行政审批”不存在"));
        assertTrue(errors.get(3).message().contains("对应职责序号 99"));
        assertTrue(errors.get(4).message().contains("本行政区划的另一单位"));
        assertTrue(errors.get(6).message().contains("“统筹协调”只用于主要职责"));
        assertTrue(errors.get(7).message().contains("跨行政区划"));
        // all or nothing: the previous list is still the current one, no import recorded
        assertEquals(6, lists.items(CITY, SCJ, false).size());
        assertEquals(6, lists.items(CITY, SCJ, true).size());
        assertEquals(List.of(current.id()), lists.imports(CITY, SCJ).stream().map(PowerListImport::id).toList());
    }

    @Test
    void atMostFiveThousandRowsAndAtLeastOne() {
        List<PowerItemDraft> rows = new ArrayList<>();
        for (int i = 0; i < 5_001; i++) {
            rows.add(row(i + 2, "JC-" + i, "行政检查", "", 3));
        }
        SupervisionException tooMany = assertThrows(SupervisionException.class, () -> lists.importList(CITY, SCJ, "big.xlsx", rows));
        assertEquals(ProblemKind.INVALID, tooMany.kind());
        assertTrue(tooMany.getMessage().contains("5001") || tooMany.getMessage().contains("5 001"), tooMany.getMessage());
        assertNothingWritten(SCJ);
        assertEquals(ProblemKind.INVALID, assertThrows(SupervisionException.class, () -> lists.importList(CITY, SCJ, "empty.xlsx", List.of())).kind());
        assertNothingWritten(SCJ);

        assertEquals(5_000, lists.importList(CITY, SCJ, "full.xlsx", rows.subList(0, 5_000)).items());
        assertEquals(5_000, lists.items(CITY, SCJ, false).size());
    }

    @Test
    void aDutyNumberNeedsAnActiveMandateDuty() {
        List<FieldError> errors = refused(() -> lists.importList(CITY, NO_DUTIES, null, List.of(
                new PowerItemDraft(2, "FW-1", "统计数据发布", "公共服务", null, "市统计局", null, null, 1))));
        assertEquals(List.of(new FieldError("第2行", "对应职责序号 1 不是本单位现行三定规定中的主要职责（本单位尚无主要职责）")), errors);
        assertEquals(1, lists.importList(CITY, NO_DUTIES, null, List.of(
                new PowerItemDraft(2, "FW-1", "统计数据发布", "公共服务", null, "市统计局", null, null, null))).items());
    }

    @Test
    void anAbolishedUnitTakesNoNewList() {
        SupervisionException e = assertThrows(SupervisionException.class,
                () -> lists.importList(CITY, ABOLISHED, null, List.of(row(2, "JC-1", "行政检查", "", 1))));
        assertEquals(ProblemKind.CONFLICT, e.kind());
        assertNothingWritten(ABOLISHED);
    }

    @Test
    void onlyTheOfficesInScopeImportAndUnitUsersReadTheirOwnUnitOnly() {
        // who may read the unit learns it may not import; who may not read it is told it does not exist
        for (Caller c : List.of(SCJ_USER, LEADER)) {
            SupervisionException e = assertThrows(SupervisionException.class, () -> lists.importList(c, SCJ, null, goodList()), c.username());
            assertEquals(ProblemKind.FORBIDDEN, e.kind(), c.username());
        }
        for (Caller c : List.of(LIJIN, CZJ_USER)) {
            SupervisionException e = assertThrows(SupervisionException.class, () -> lists.importList(c, SCJ, null, goodList()), c.username());
            assertEquals(ProblemKind.NOT_FOUND, e.kind(), c.username());
        }
        assertNothingWritten(SCJ);
        assertEquals(ProblemKind.NOT_FOUND, assertThrows(SupervisionException.class, () -> lists.importList(CITY, 999, null, goodList())).kind());
        // the city office administers its counties' units too
        assertEquals(1, lists.importList(CITY, LIJIN_SCJ, null, List.of(row(2, "JC-1", "行政检查", "利津县市场监督管理局（执法大队）", null))).items());
        assertEquals(1, lists.importList(LIJIN, LIJIN_SCJ, null, List.of(row(2, "JC-2", "行政检查", "县市场监管局", null))).superseded());

        lists.importList(CITY, SCJ, null, goodList());
        lists.importList(CITY, CZJ, null, List.of(row(2, "JC-001", "行政检查", "市财政局", 1)));
        assertEquals(6, lists.items(SCJ_USER, SCJ, false).size());
        assertEquals(6, lists.items(LEADER, SCJ, false).size());
        for (Caller c : List.of(CZJ_USER, LIJIN)) {
            assertEquals(ProblemKind.NOT_FOUND, assertThrows(SupervisionException.class, () -> lists.items(c, SCJ, false)).kind(), c.username());
            assertEquals(ProblemKind.NOT_FOUND, assertThrows(SupervisionException.class, () -> lists.gaps(c, SCJ)).kind(), c.username());
            assertEquals(ProblemKind.NOT_FOUND, assertThrows(SupervisionException.class, () -> lists.imports(c, SCJ)).kind(), c.username());
        }
        assertEquals(7, lists.itemsOf(CITY, "370500").size());
        assertEquals(List.of("CZJ"), lists.itemsOf(CZJ_USER, "370500").stream().map(PowerItem::unitCode).distinct().toList());
        assertEquals(ProblemKind.FORBIDDEN, assertThrows(SupervisionException.class, () -> lists.itemsOf(LIJIN, "370500")).kind());
        assertEquals(1, lists.itemsOf(CITY, "370522").size());
        assertEquals(1, lists.itemsOf(LIJIN, "370522").size());
    }

    @Test
    void gapsAreItemsWithoutADutyAndPowerDutiesWithoutItems() {
        lists.importList(CITY, SCJ, null, goodList());
        PowerListGaps gaps = lists.gaps(CITY, SCJ);
        assertEquals(6, gaps.items());
        assertEquals(4, gaps.duties());
        assertEquals(List.of("JC-001", "FW-001"), gaps.itemsWithoutDuty().stream().map(PowerItem::code).toList());
        // duty 3 (行政检查) has no item; duty 4 is internal management, which no power item can carry
        assertEquals(List.of(3), gaps.dutiesWithoutItems().stream().map(DutyRecord::number).toList());
        assertEquals(FakeRegistry.dutyId(SCJ, 3), gaps.dutiesWithoutItems().get(0).id());

        lists.importList(CITY, SCJ, null, List.of(row(2, "JC-9", "行政检查", "", 3)));
        PowerListGaps after = lists.gaps(SCJ_USER, SCJ);
        assertEquals(List.of(), after.itemsWithoutDuty());
        assertEquals(List.of(1, 2), after.dutiesWithoutItems().stream().map(DutyRecord::number).toList());

        PowerListGaps empty = lists.gaps(CITY, CZJ);
        assertEquals(0, empty.items());
        assertEquals(List.of(1), empty.dutiesWithoutItems().stream().map(DutyRecord::number).toList());
    }

    @Test
    void anOutsiderCannotTellAnExistingUnitFromAMissingOne() {
        for (Caller c : List.of(CZJ_USER, LIJIN)) {
            SupervisionException existing = assertThrows(SupervisionException.class, () -> lists.items(c, SCJ, false));
            SupervisionException missing = assertThrows(SupervisionException.class, () -> lists.items(c, 999, false));
            assertEquals(ProblemKind.NOT_FOUND, existing.kind(), c.username());
            assertEquals(List.of(existing.kind(), "单位 999 不存在"), List.of(missing.kind(), missing.getMessage()), c.username());
            assertEquals(ProblemKind.NOT_FOUND, assertThrows(SupervisionException.class, () -> lists.importList(c, 999, null, goodList())).kind());
            assertEquals(ProblemKind.NOT_FOUND, assertThrows(SupervisionException.class, () -> lists.importList(c, SCJ, null, goodList())).kind());
        }
    }

    @Test
    void checkingNamesEveryReasonTheImportWouldGiveAndWritesNothing() {
        List<PowerItemDraft> rows = List.of(row(2, "XK-001", "行政许可", "东营市财政局", 1),
                row(3, "JC-001", "行政检查", "利津县市场监督管理局", 9),
                new PowerItemDraft(4, "X".repeat(65), "事项", "行政检查", null, null, null, null, null),
                row(5, "JC-002", "行政检查", "", 3));
        List<FieldError> errors = lists.check(CITY, "370500", "SCJGJ", null, rows);
        assertEquals(refused(() -> lists.importList(CITY, SCJ, null, rows)), errors);
        assertEquals(List.of("第2行", "第3行", "第3行", "第4行"), errors.stream().map(FieldError::field).toList(), errors.toString());
        assertTrue(errors.get(3).message().contains("事项编码超过 64 字"), errors.toString());
        assertEquals(List.of(), lists.check(CITY, "370500", "SCJGJ", null, goodList()));
        assertEquals(List.of(new FieldError("rows", "权责清单中没有事项")), lists.check(CITY, "370500", "SCJGJ", null, List.of()));
        assertNothingWritten(SCJ);
    }

    @Test
    void checkingAgainstAPendingUnitUsesItsNamesBodiesAndDuties() {
        cn.supervision.api.registry.UnitDraft revised = new cn.supervision.api.registry.UnitDraft("SCJGJ", SCJ_NAME, "市市场监管局",
                UnitKind.GOVERNMENT_DEPARTMENT, null, null, new Mandate(List.of(new Duty(7, "新职责")), List.of("网络交易监管科"), Staffing.NONE));
        List<FieldError> errors = lists.check(CITY, "370500", "SCJGJ", revised, List.of(
                row(2, "XK-001", "行政许可", SCJ_NAME + "（网络交易监管科）", 7), row(3, "XK-002", "行政许可", "", 1)));
        assertEquals(List.of("第3行"), errors.stream().map(FieldError::field).toList(), errors.toString());
        cn.supervision.api.registry.UnitDraft fresh = new cn.supervision.api.registry.UnitDraft("NEW", "东营市新设局", null,
                UnitKind.GOVERNMENT_DEPARTMENT, null, null, new Mandate(List.of(new Duty(1, "职责")), List.of(), Staffing.NONE));
        List<FieldError> other = lists.check(CITY, "370500", "NEW", fresh, List.of(row(2, "A", "行政检查", "东营市新设局", 1),
                row(3, "B", "行政检查", "市财政局", 1), row(4, "C", "行政检查", "县市场监管局", null)));
        assertEquals(List.of("第3行", "第4行"), other.stream().map(FieldError::field).toList(), other.toString());
        assertTrue(other.get(1).message().endsWith("属于其他行政区划，不能跨行政区划映射"), other.toString());
    }

    @Test
    void checkingRefusesLikeImporting() {
        assertEquals(ProblemKind.CONFLICT, assertThrows(SupervisionException.class,
                () -> lists.check(CITY, "370500", "WJJ", null, List.of(row(2, "JC-1", "行政检查", "", 1)))).kind());
        assertEquals(ProblemKind.NOT_FOUND, assertThrows(SupervisionException.class,
                () -> lists.check(CITY, "370500", "NOPE", null, goodList())).kind());
        for (Caller c : List.of(LIJIN, CZJ_USER, SCJ_USER, LEADER)) {
            assertEquals(ProblemKind.FORBIDDEN, assertThrows(SupervisionException.class, () -> lists.check(c, "370500", "SCJGJ", null, goodList())).kind());
        }
    }

    @Test
    void aMandateRevisedWhileTheListIsCheckedLeavesNoItemOnARetiredDuty() {
        FakeRegistry registry = new FakeRegistry(FakeRegistry.DONGYING, UNITS);
        int[] reads = {0};
        cn.supervision.api.registry.DutyDirectory revisedAfterFirstRead = new cn.supervision.api.registry.DutyDirectory() {
            @Override
            public List<DutyRecord> duties(Caller caller, long unitId, boolean includeRetired) {
                List<DutyRecord> all = registry.duties(caller, unitId, includeRetired);
                if (reads[0]++ == 0) {
                    return all;
                }
                // the revision between the first check and the write retired duty 1
                return all.stream().map(d -> d.number() != 1 ? d : new DutyRecord(d.id(), d.unitId(), d.unitCode(), d.unitName(),
                        d.unitStatus(), d.jurisdictionCode(), d.number(), d.text(), d.type(), cn.supervision.api.registry.DutyStatus.RETIRED,
                        d.links(), d.sinceRevision(), 2, Instant.EPOCH)).toList();
            }

            @Override
            public List<DutyRecord> dutiesOf(Caller caller, String jurisdictionCode, boolean includeRetired) {
                return registry.dutiesOf(caller, jurisdictionCode, includeRetired);
            }

            @Override
            public DutyRecord duty(Caller caller, long dutyId) {
                return registry.duty(caller, dutyId);
            }
        };
        JpaPowerListService racing = new JpaPowerListService(jpa, registry, revisedAfterFirstRead, clock);
        List<FieldError> errors = refused(() -> racing.importList(CITY, SCJ, null, List.of(row(2, "XK-001", "行政许可", "", 1))));
        assertEquals(List.of("第2行"), errors.stream().map(FieldError::field).toList());
        assertNothingWritten(SCJ);
    }
}
