package cn.supervision.powerlist.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import cn.supervision.api.duty.PowerItemDraft;
import cn.supervision.api.registry.Duty;
import cn.supervision.api.registry.DutyType;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitStatus;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.testing.LocalJpaTemplate;

/**
 * The city contribution's power lists as a first start imports them: 11 units' lists of 105 items each (1 155 items, the
 * city's 1 161), every item carrying ~1.9 KB of text like the real lists, into an on-disk Derby database with durable
 * commits, one import per unit as the contribution extender calls it; each round on a fresh database. The first
 * round is the cold one a first start pays; the median is of the others. And the implementing-body rule over a full
 * list against a province's units. Not a timed test: {@code mvn -P bench -pl bundles/power-list -am test}; figures appended to target/bench.txt.
 */
@Tag("bench")
class PowerListImportBench {
    static final int LISTS = 11;
    static final int ITEMS = 105;
    static final int ROUNDS = 6;

    @Test
    void theCityListsAtAFirstStart() throws Exception {
        List<Unit> units = new ArrayList<>();
        for (int u = 1; u <= LISTS; u++) {
            units.add(PowerListServiceTest.unit(u, "U" + u, "东营市第" + u + "局", null, "370500", UnitStatus.ACTIVE, List.of(
                    new Duty(null, 1, "负责本行业行政许可工作。", DutyType.LICENSING, List.of()),
                    new Duty(null, 2, "负责本行业行政执法工作，查处违法行为。", DutyType.PENALTY, List.of()),
                    new Duty(null, 3, "负责本行业监督检查。", DutyType.INSPECTION, List.of())), List.of()));
        }
        FakeRegistry registry = new FakeRegistry(FakeRegistry.DONGYING, units);
        List<Long> millis = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            Path dir = Path.of("target", "bench-db-" + round).toAbsolutePath();
            deleteTree(dir);
            try (LocalJpaTemplate jpa = new LocalJpaTemplate("power-list-test", "META-INF/power-list-test-persistence.xml",
                    "jdbc:derby:" + dir + ";create=true")) {
                JpaPowerListService lists = new JpaPowerListService(jpa.jdbcInTransaction(), registry, registry,
                        Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC));
                long start = System.nanoTime();
                for (Unit u : units) {
                    assertEquals(ITEMS, lists.importList(PowerListServiceTest.CITY, u.id(), u.code() + ".json", list()).items());
                }
                millis.add((System.nanoTime() - start) / 1_000_000);
            } finally {
                deleteTree(dir);
            }
        }
        List<Long> counted = millis.subList(1, millis.size()).stream().sorted().toList();
        String report = String.format("power-list import, %d lists of %d items (~1.9 KB each), on-disk Derby, durable commits: "
                + "median %d ms, min %d ms, max %d ms over %d rounds (all rounds %s ms, the first warms up)%n", LISTS, ITEMS,
                counted.get(counted.size() / 2), counted.get(0), counted.get(counted.size() - 1), counted.size(), millis);
        Files.writeString(Path.of("target", "bench.txt"), report, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.print(report);
    }

    /** A full list (5 000 rows) of bodies the unit does not know, each checked against 3 000 units. */
    @Test
    void aFullListAgainstAProvinceOfUnits() throws Exception {
        Unit self = PowerListServiceTest.unit(1, "SCJGJ", "东营市市场监督管理局", "市市场监管局", "370500", UnitStatus.ACTIVE,
                List.of(), List.of("执法支队"));
        List<Unit> registry = SubjectRuleTest.registry(self);
        List<Long> millis = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            SubjectRule rule = new SubjectRule(self, () -> registry);
            long start = System.nanoTime();
            for (int row = 0; row < 5_000; row++) {
                assertTrue(rule.check("某某检测有限公司" + row).contains("不是本单位"));
            }
            millis.add((System.nanoTime() - start) / 1_000_000);
        }
        String report = String.format("implementing bodies (实施主体), 5 000 rows against 3 000 units: rounds %s ms%n", millis);
        Files.writeString(Path.of("target", "bench.txt"), report, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.print(report);
    }

    static List<PowerItemDraft> list() {
        String basis = "《中华人民共和国行政许可法》第二十九条、第三十条；《山东省行政程序规定》第五十二条。".repeat(5);
        String responsibilities = "1.受理责任：公示依法应当提交的材料，一次性告知补正材料，依法受理或不予受理。".repeat(5);
        String accountability = "因不履行或不正确履行行政职责，有下列情形的，行政机关及其工作人员应当承担相应责任。".repeat(4);
        List<PowerItemDraft> rows = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            String type = switch (i % 3) {
                case 0 -> "行政许可";
                case 1 -> "行政处罚";
                default -> "行政检查";
            };
            rows.add(new PowerItemDraft(i + 2, "SX-" + i, "事项名称" + i, type, basis, "", responsibilities, accountability, i % 3 + 1));
        }
        return rows;
    }

    static void deleteTree(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
