package cn.supervision.indicator.internal;

import static cn.supervision.indicator.internal.Rules.d;
import static cn.supervision.indicator.internal.Rules.deduct;
import static cn.supervision.indicator.internal.Rules.group;
import static cn.supervision.indicator.internal.Rules.leaf;
import static cn.supervision.indicator.internal.Rules.linear;
import static cn.supervision.indicator.internal.Rules.ratio;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.supervision.api.indicator.Aggregation;
import cn.supervision.api.indicator.Category;
import cn.supervision.api.indicator.Evaluation;
import cn.supervision.api.indicator.Evaluation.NodeScore;
import cn.supervision.api.indicator.IndicatorInput;
import cn.supervision.api.indicator.Rounding;
import cn.supervision.api.indicator.SystemDefinition;
import cn.supervision.api.indicator.ValidationProblem;

/**
 * A three-level percentage system as an office keeps it in a spreadsheet: each cell is Σ child × weight, nothing is
 * rounded until the published total, =ROUND(total, 2).
 * <pre>
 * A 职责指标 60%   A1 核心职责 45%   A1.1 35% 99    A1.2 35% 94.5   A1.3 30% 89.5     → A1 = 94.575
 *                 A2 辅助职责 35%   A2.1 50% 95    A2.2 50% 94                       → A2 = 94.5
 *                 A3 重点工作 20%   A3.1 60% 95.5  A3.2 40% 100                      → A3 = 97.3
 *                                                   A = 42.55875 + 33.075 + 19.46       = 95.09375
 * B 印证指标 40%   B1 平台数据 55%   B1.1 40% 85.5  B1.2 35% 95.5   B1.3 25% 71       → B1 = 85.375
 *                 B2 社会评议 45%   B2.1 55% 97    B2.2 45% 92                       → B2 = 94.75
 *                                                   B = 46.95625 + 42.6375              = 89.59375
 * total = 95.09375 × 60% + 89.59375 × 40% = 57.05625 + 35.8375 = 92.89375 → ROUND(…, 2) = 92.89
 * </pre>
 * Rounding every node instead: A1 94.58, B1 85.38 → A = 95.096 → 95.10, B = 89.5965 → 89.60 → 57.06 + 35.84 = 92.90.
 */
class SpreadsheetRoundingTest {
    private final Evaluator evaluator = new Evaluator(new RuleEngine(id -> null));
    private final SystemValidator validator = new SystemValidator(id -> null);

    static SystemDefinition office(Rounding rounding) {
        return new SystemDefinition("某县职能运行评估（表格核对）", 2026, Set.of(), Aggregation.PERCENT, d("100"), null, null, null,
                List.of(group("A", "60",
                                group("A1", "45", leaf("A1.1", "35", Category.CORE, rate()), leaf("A1.2", "35", Category.CORE, rate()),
                                        leaf("A1.3", "30", Category.CORE, rate())),
                                group("A2", "35", leaf("A2.1", "50", Category.AUXILIARY, deduct("5")),
                                        leaf("A2.2", "50", Category.AUXILIARY, deduct("3"))),
                                group("A3", "20", leaf("A3.1", "60", Category.CORE, rate()),
                                        leaf("A3.2", "40", Category.CORE, deduct("10")))),
                        group("B", "40",
                                group("B1", "55", leaf("B1.1", "40", Category.PLATFORM_DATA, rate()),
                                        leaf("B1.2", "35", Category.PLATFORM_DATA, ratio("98", null)),
                                        leaf("B1.3", "25", Category.PLATFORM_DATA, ratio("100", null))),
                                group("B2", "45", leaf("B2.1", "55", Category.PUBLIC_EVALUATION, rate()),
                                        leaf("B2.2", "45", Category.PUBLIC_EVALUATION, rate())))),
                List.of(), rounding);
    }

    /** 得分率: the leaf scores its measured percentage. */
    private static cn.supervision.api.indicator.RuleSpec rate() {
        return linear("0", "0", "100", "100");
    }

    static Map<String, IndicatorInput> sheet() {
        return Map.ofEntries(
                Map.entry("A1.1", IndicatorInput.value(d("99"))),
                Map.entry("A1.2", IndicatorInput.value(d("94.5"))),
                Map.entry("A1.3", IndicatorInput.value(d("89.5"))),
                Map.entry("A2.1", IndicatorInput.occurrences(1)),          // 100 − 5
                Map.entry("A2.2", IndicatorInput.occurrences(2)),          // 100 − 2 × 3
                Map.entry("A3.1", IndicatorInput.value(d("95.5"))),
                Map.entry("A3.2", IndicatorInput.occurrences(0)),          // 100
                Map.entry("B1.1", IndicatorInput.value(d("85.5"))),
                Map.entry("B1.2", IndicatorInput.value(d("93.59"))),       // 93.59 / 98 = 95.5 %
                Map.entry("B1.3", IndicatorInput.value(d("71"))),          // 71 / 100
                Map.entry("B2.1", IndicatorInput.value(d("97"))),
                Map.entry("B2.2", IndicatorInput.value(d("92"))));
    }

    private static NodeScore node(List<NodeScore> nodes, String code) {
        for (NodeScore n : nodes) {
            NodeScore found = n.code().equals(code) ? n : node(n.children(), code);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    @Test
    void byDefaultTheTotalIsTheSpreadsheetsToTheLastDigit() {
        SystemDefinition d = office(null);
        assertEquals(List.<ValidationProblem>of(), validator.validate(d, true));
        Evaluation e = evaluator.evaluate(d, sheet());
        assertEquals(d("92.89"), e.total());
        assertEquals(d("92.89"), e.baseScore());
        assertEquals(0, d("92.89375").compareTo(e.exact().total()), e.exact().total().toPlainString());
        assertEquals(Rounding.DEFAULT, e.rounding());
        // nodes are shown rounded; their parents added up the exact values
        assertEquals(d("94.58"), node(e.indicators(), "A1").score(), "94.575 shown");
        assertEquals(d("95.09"), node(e.indicators(), "A").score(), "95.09375, not 95.10 from a rounded A1");
        assertEquals(d("85.38"), node(e.indicators(), "B1").score());
        assertEquals(d("89.59"), node(e.indicators(), "B").score(), "89.59375, not 89.60 from a rounded B1");
        assertEquals(d("95.50"), node(e.indicators(), "B1.2").score());
        assertTrue(node(e.indicators(), "A").explanation().contains("94.58×45%"), node(e.indicators(), "A").explanation());
        // categories: their exact contributions add up to the exact total
        assertEquals(0, e.exact().total().compareTo(e.exact().categories().values().stream()
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)));
    }

    @Test
    void aCountyThatRoundsEveryNodeGetsItsOwnMethod() {
        Evaluation e = evaluator.evaluate(office(new Rounding(2, RoundingMode.HALF_UP, Rounding.At.EVERY_NODE)), sheet());
        assertEquals(d("92.90"), e.total());
        assertEquals(d("95.10"), node(e.indicators(), "A").score());
        assertEquals(d("89.60"), node(e.indicators(), "B").score());
    }

    @Test
    void scaleAndModeAreThePolicys() {
        assertEquals(d("92.894"), evaluator.evaluate(office(new Rounding(3, null, null)), sheet()).total());
        assertEquals(d("92.8"), evaluator.evaluate(office(new Rounding(1, RoundingMode.DOWN, null)), sheet()).total());
        assertEquals(d("93"), evaluator.evaluate(office(new Rounding(0, RoundingMode.UP, null)), sheet()).total());
    }

    @Test
    void aPolicyWeCannotApplyIsRefused() {
        List<String> paths = validator.validate(office(new Rounding(7, RoundingMode.UNNECESSARY, null)), true).stream()
                .map(ValidationProblem::path).toList();
        assertEquals(List.of("rounding.scale", "rounding.mode"), paths);
    }
}
