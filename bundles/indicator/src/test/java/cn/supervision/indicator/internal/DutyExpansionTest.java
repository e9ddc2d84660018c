package cn.supervision.indicator.internal;

import static cn.supervision.indicator.internal.Rules.band;
import static cn.supervision.indicator.internal.Rules.bands;
import static cn.supervision.indicator.internal.Rules.d;
import static cn.supervision.indicator.internal.Rules.leaf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.supervision.api.indicator.Aggregation;
import cn.supervision.api.indicator.Category;
import cn.supervision.api.indicator.DutyPart;
import cn.supervision.api.indicator.Evaluation;
import cn.supervision.api.indicator.Evaluation.NodeScore;
import cn.supervision.api.indicator.Indicator;
import cn.supervision.api.indicator.IndicatorInput;
import cn.supervision.api.indicator.IndicatorScope;
import cn.supervision.api.indicator.RuleSpec;
import cn.supervision.api.indicator.SystemDefinition;
import cn.supervision.api.registry.DutyRecord;
import cn.supervision.api.registry.DutyStatus;
import cn.supervision.api.registry.DutyType;
import cn.supervision.api.registry.UnitStatus;

class DutyExpansionTest {
    private final DutyExpander expander = new DutyExpander();
    private final Evaluator evaluator = new Evaluator(new RuleEngine(id -> null));
    private final SystemValidator validator = new SystemValidator(id -> null);

    /** 完成率 100% → 0 deducted of 12; 90–100 → 3; ≤ 90 → 12. */
    private static final RuleSpec COMPLETION = bands(RuleSpec.BandMode.DEDUCTION,
            band("100", true, null, false, "0"), band("90", false, "100", false, "3"), band(null, false, "90", true, "12"));

    private static SystemDefinition system(DutyPart part) {
        Indicator duties = new Indicator("D1.1", "三定规定主要职责履行", null, null, d("12"), Category.CORE,
                IndicatorScope.COMMON, COMPLETION, null, part, null);
        Indicator d1 = new Indicator("D1", "核心职责", null, null, d("20"), null, IndicatorScope.COMMON, null,
                List.of(duties, leaf("D1.2", "8", Category.CORE, COMPLETION_8)));
        return new SystemDefinition("按职责考核", 2026, Set.of(), Aggregation.POINTS, d("20"), null, null, null,
                List.of(d1), List.of());
    }

    private static final RuleSpec COMPLETION_8 = bands(RuleSpec.BandMode.DEDUCTION,
            band("100", true, null, false, "0"), band(null, false, "100", false, "8"));

    private static DutyRecord duty(long id, int number, DutyType type, DutyStatus status) {
        return new DutyRecord(id, 7, "SCJGJ", "东营市市场监督管理局", UnitStatus.ACTIVE, "370500", number,
                "负责第" + number + "项职责。", type, status, List.of(), 1, null, null);
    }

    private static final List<DutyRecord> DUTIES = List.of(
            duty(503, 3, DutyType.PENALTY, DutyStatus.ACTIVE),
            duty(501, 1, DutyType.LICENSING, DutyStatus.ACTIVE),
            duty(502, 2, DutyType.INTERNAL_MANAGEMENT, DutyStatus.ACTIVE),
            duty(509, 4, DutyType.PENALTY, DutyStatus.RETIRED));

    private static Indicator d11(SystemDefinition d) {
        return d.indicators().get(0).children().get(0);
    }

    @Test
    void aDutyDrivenLeafBecomesOneLeafPerActiveDutyInNumberOrderWithSharesAddingUpTo100() {
        SystemDefinition expanded = expander.expand(system(new DutyPart(null, null, null)), DUTIES);

        Indicator node = d11(expanded);
        assertTrue(node.expanded());
        assertEquals(List.of("D1.1-1", "D1.1-2", "D1.1-3"), node.children().stream().map(Indicator::code).toList());
        assertEquals(List.of(501L, 502L, 503L), node.children().stream().map(Indicator::dutyId).toList());
        assertEquals(List.of(d("33.33"), d("33.33"), d("33.34")), node.children().stream().map(Indicator::weight).toList());
        assertEquals("职责1：负责第1项职责。", node.children().get(0).name());
        assertSame(COMPLETION, node.children().get(2).rule());
        assertEquals(expanded, expander.expand(system(new DutyPart(null, null, null)), List.copyOf(DUTIES)), "same duties, same leaves");
    }

    @Test
    void typesFilterAndTypeWeightsShapeTheShares() {
        DutyPart part = new DutyPart(DutyPart.Weighting.BY_TYPE, Map.of(DutyType.PENALTY, d("3")),
                Set.of(DutyType.LICENSING, DutyType.PENALTY));
        Indicator node = d11(expander.expand(system(part), DUTIES));

        assertEquals(List.of("D1.1-1", "D1.1-3"), node.children().stream().map(Indicator::code).toList());
        assertEquals(List.of(d("25.00"), d("75.00")), node.children().stream().map(Indicator::weight).toList());
    }

    @Test
    void aUnitWithoutMatchingDutiesKeepsTheLeafAsItIs() {
        SystemDefinition d = system(new DutyPart(null, null, Set.of(DutyType.RULING)));
        assertSame(d, expander.expand(d, List.of()));
        assertTrue(d11(expander.expand(d, DUTIES)).leaf());
    }

    @Test
    void eachDutyIsScoredOnTheLeafsScaleAndTheLeafIsTheirWeightedMean() {
        SystemDefinition expanded = expander.expand(system(new DutyPart(null, null, null)), DUTIES);
        Evaluation e = evaluator.evaluate(expanded, Map.of(
                "D1.1-1", IndicatorInput.value(d("100")),
                "D1.1-2", IndicatorInput.value(d("95")),
                "D1.1-3", IndicatorInput.value(d("80")),
                "D1.2", IndicatorInput.value(d("100"))));

        NodeScore node = e.indicators().get(0).children().get(0);
        assertEquals(List.of(d("12.00"), d("9.00"), d("0.00")), node.children().stream().map(NodeScore::score).toList());
        assertEquals(List.of(501L, 502L, 503L), node.children().stream().map(NodeScore::dutyId).toList());
        assertEquals(d("12"), node.children().get(1).max(), "a duty is scored on the template's scale");
        // 12 × 33.33% + 9 × 33.33% + 0 × 33.34% = 6.9993
        assertEquals(d("7.00"), node.score());
        assertNull(node.dutyId());
        assertEquals(d("15.00"), e.total(), "7.00 + 8 of D1.2");
        Evaluation.CategoryScore core = e.categories().get(0);
        assertEquals(0, core.max().compareTo(new BigDecimal("20")), "the duties together weigh what the leaf weighs");
    }

    @Test
    void theValidatorRefusesADutyPartOnAParentAndCodesReservedForTheExpansion() {
        SystemDefinition d = system(new DutyPart(DutyPart.Weighting.BY_TYPE, Map.of(DutyType.PENALTY, d("0")), null));
        Indicator d1 = d.indicators().get(0);
        Indicator clash = leaf("D1.1-2", "8", Category.CORE, COMPLETION_8);
        Indicator badParent = new Indicator("D1", "核心职责", null, null, d("20"), null, IndicatorScope.COMMON, null,
                List.of(d1.children().get(0), clash), new DutyPart(null, null, null), null);
        SystemDefinition bad = new SystemDefinition(d.name(), d.year(), d.unitKinds(), d.aggregation(), d.baseMax(),
                null, null, null, List.of(badParent), List.of());

        List<String> problems = validator.validate(bad, true).stream().map(p -> p.path() + " " + p.message()).toList();
        assertTrue(problems.contains("D1 只有末级指标才能按职责逐项考核"), problems::toString);
        assertTrue(problems.contains("D1/D1.1 按职责类型分配权重时，每种类型的权重必须大于 0"), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("D1.1-2 编码 D1.1-2 留给")), problems::toString);
        assertTrue(validator.validate(system(new DutyPart(null, null, null)), true).isEmpty());
    }
}
