package cn.supervision.indicator.internal;

import cn.supervision.api.problem.ProblemKind;

import static cn.supervision.indicator.internal.Rules.band;
import static cn.supervision.indicator.internal.Rules.bands;
import static cn.supervision.indicator.internal.Rules.bonus;
import static cn.supervision.indicator.internal.Rules.d;
import static cn.supervision.indicator.internal.Rules.deduct;
import static cn.supervision.indicator.internal.Rules.grade;
import static cn.supervision.indicator.internal.Rules.group;
import static cn.supervision.indicator.internal.Rules.leaf;
import static cn.supervision.indicator.internal.Rules.level;
import static cn.supervision.indicator.internal.Rules.linear;
import static cn.supervision.indicator.internal.Rules.ratio;
import static cn.supervision.indicator.internal.Rules.specificLeaf;
import static cn.supervision.indicator.internal.Rules.state;
import static cn.supervision.indicator.internal.Rules.veto;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.supervision.api.indicator.Adjustment;
import cn.supervision.api.indicator.AdjustmentKind;
import cn.supervision.api.indicator.Aggregation;
import cn.supervision.api.indicator.Category;
import cn.supervision.api.indicator.Evaluation;
import cn.supervision.api.indicator.IndicatorInput;
import cn.supervision.api.indicator.IndicatorInput.Grade;
import cn.supervision.api.indicator.RuleSpec;
import cn.supervision.api.indicator.RuleSpec.BandMode;
import cn.supervision.api.indicator.SystemDefinition;
import cn.supervision.api.indicator.VetoEffect;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.UnitKind;

class EvaluatorTest {
    private final Evaluator evaluator = new Evaluator(new RuleEngine(id -> null));
    private final SystemValidator validator = new SystemValidator(id -> null);

    /**
     * A three-level percentage system as one province writes it (total = Σ leaf × w3 × w2 × w1):
     * <pre>
     * A 职责履行 60%            A1 核心职责 70%   A1.1 重点任务完成率 60% (bands)   A1.2 问题整改 40% (state)
     *                          A2 辅助职责 30%   A2.1 权责清单动态调整 100% (deduct 20/case)
     * B 印证评价 40%            B1 部门互评 30%   B1.1 协作配合 100% (grade, trimmed mean)
     *                          B2 社会评议 30%   B2.1 满意率 100% (linear 60→0, 100→100)
     *                          B3 平台数据 40%   B3.1 12345 按期办结率 50% (ratio, target 98)
     *                                            B3.2 差评次数 50% (deduct 10/case)
     * </pre>
     */
    static SystemDefinition threeLevelPercent() {
        return new SystemDefinition("某省职能运行评估（测试）", 2026, Set.of(UnitKind.GOVERNMENT_DEPARTMENT), Aggregation.PERCENT,
                d("100"), null, d("5"), d("10"),
                List.of(group("A", "60",
                                group("A1", "70",
                                        leaf("A1.1", "60", Category.CORE, bands(BandMode.DEDUCTION,
                                                band("100", true, null, false, "0"),
                                                band("90", false, "100", false, "20"),
                                                band("80", false, "90", true, "50"),
                                                band(null, false, "80", true, "100"))),
                                        leaf("A1.2", "40", Category.CORE, state(level("未整改", "0"), level("进展缓慢", "40"),
                                                level("初见成效", "80"), level("整改完成", "100")))),
                                group("A2", "30",
                                        leaf("A2.1", "100", Category.AUXILIARY, deduct("20")))),
                        group("B", "40",
                                group("B1", "30",
                                        leaf("B1.1", "100", Category.PEER_REVIEW, grade(RuleSpec.Combine.TRIMMED_MEAN, 1,
                                                level("非常高", "100"), level("较高", "80"), level("一般", "60"), level("较差", "0")))),
                                group("B2", "30",
                                        leaf("B2.1", "100", Category.PUBLIC_EVALUATION, linear("60", "0", "100", "100"))),
                                group("B3", "40",
                                        leaf("B3.1", "50", Category.PLATFORM_DATA, ratio("98", null)),
                                        leaf("B3.2", "50", Category.PLATFORM_DATA, deduct("10"))))),
                List.of(new Adjustment("X1", "获得省级以上表彰", AdjustmentKind.BONUS, null, bonus("2", null), d("4"), null),
                        new Adjustment("X2", "被通报批评", AdjustmentKind.DEDUCTION, null, bonus("3", null), null, null),
                        new Adjustment("V1", "发生重大责任事故", AdjustmentKind.VETO, null, veto(), null, VetoEffect.ZERO_TOTAL),
                        new Adjustment("V2", "年度考核问责", AdjustmentKind.VETO, null, veto(), null, VetoEffect.BAR_TOP_GRADE)));
    }

    static Map<String, IndicatorInput> inputs() {
        Map<String, IndicatorInput> in = new HashMap<>();
        in.put("A1.1", IndicatorInput.value(d("95")));          // (90,100) → −20 → 80
        in.put("A1.2", IndicatorInput.state("初见成效"));         // 80
        in.put("A2.1", IndicatorInput.occurrences(1));           // 100 − 20 = 80
        in.put("B1.1", IndicatorInput.grades(List.of(new Grade("甲", "非常高", "r"), new Grade("乙", "较高", "r"),
                new Grade("丙", "较高", "r"), new Grade("丁", "较差", "r"))));   // drop 100 and 0 → (80+80)/2 = 80
        in.put("B2.1", IndicatorInput.value(d("90")));          // (90−60)/40 × 100 = 75
        in.put("B3.1", IndicatorInput.value(d("93.1")));        // 93.1/98 × 100 = 95
        in.put("B3.2", IndicatorInput.occurrences(3));           // 100 − 30 = 70
        return in;
    }

    @Test
    void threeLevelPercentageSystemScoredByHand() {
        SystemDefinition d = threeLevelPercent();
        assertEquals(List.of(), validator.validate(d, true));
        Evaluation e = evaluator.evaluate(d, inputs());
        // A1 = 80×0.6 + 80×0.4 = 80;  A2 = 80;  A = 80×0.7 + 80×0.3 = 80
        // B1 = 80; B2 = 75; B3 = 95×0.5 + 70×0.5 = 82.5;  B = 80×0.3 + 75×0.3 + 82.5×0.4 = 79.5
        // base = (80×0.6 + 79.5×0.4) × 100/100 = 48 + 31.8 = 79.8
        assertEquals(d("79.80"), e.baseScore());
        assertEquals(d("80.00"), e.indicators().get(0).score());
        assertEquals(d("79.50"), e.indicators().get(1).score());
        assertEquals(d("82.50"), e.indicators().get(1).children().get(2).score());
        assertEquals(d("79.80"), e.total());
        // categories (contribution to the total): CORE = (80×.6 + 80×.4) × .7 × .6 = 33.6 of 42
        Map<Category, Evaluation.CategoryScore> byCategory = new HashMap<>();
        e.categories().forEach(c -> byCategory.put(c.category(), c));
        assertEquals(d("33.60"), byCategory.get(Category.CORE).score());
        assertEquals(d("42.00"), byCategory.get(Category.CORE).max());
        assertEquals(d("14.40"), byCategory.get(Category.AUXILIARY).score());      // 80 × .3 × .6
        assertEquals(d("9.60"), byCategory.get(Category.PEER_REVIEW).score());    // 80 × .3 × .4
        assertEquals(d("9.00"), byCategory.get(Category.PUBLIC_EVALUATION).score()); // 75 × .3 × .4
        assertEquals(d("13.20"), byCategory.get(Category.PLATFORM_DATA).score());  // 82.5 × .4 × .4
        assertEquals(d("16.00"), byCategory.get(Category.PLATFORM_DATA).max());
        assertTrue(e.warnings().isEmpty(), e.warnings().toString());
    }

    @Test
    void bonusAndDeductionAreCappedAndVetoesApply() {
        SystemDefinition d = threeLevelPercent();
        Map<String, IndicatorInput> in = inputs();
        in.put("X1", IndicatorInput.occurrences(3));  // 6, item cap 4 → 4; total bonus cap 5 → 4
        in.put("X2", IndicatorInput.occurrences(5));  // 15, no item cap → deduction cap 10 → 10 (item), total 10
        Evaluation e = evaluator.evaluate(d, in);
        assertEquals(d("4.00"), e.bonus());
        assertEquals(d("10.00"), e.deduction());
        assertEquals(d("73.80"), e.total(), "79.8 + 4 − 10");
        assertFalse(e.vetoed());

        in.put("V2", IndicatorInput.triggered(true));
        Evaluation barred = evaluator.evaluate(d, in);
        assertTrue(barred.topGradeBarred());
        assertEquals(d("73.80"), barred.total(), "一票否优 keeps the score");

        in.put("V1", IndicatorInput.triggered(true));
        Evaluation vetoed = evaluator.evaluate(d, in);
        assertTrue(vetoed.vetoed());
        assertEquals(d("0.00"), vetoed.total());
        assertTrue(vetoed.warnings().stream().anyMatch(w -> w.contains("73.8")));
    }

    @Test
    void totalNeverGoesBelowZero() {
        SystemDefinition d = threeLevelPercent();
        Map<String, IndicatorInput> in = new HashMap<>();
        in.put("X2", IndicatorInput.occurrences(100));
        Evaluation e = evaluator.evaluate(d, in);   // every leaf without data counts 0
        assertEquals(d("0.00"), e.total());
        assertEquals(7, e.warnings().stream().filter(w -> w.contains("按 0 分计")).count());
    }

    @Test
    void pointsSystemWithUnitSpecificPart() {
        // 100 common points + 20 unit-specific points
        SystemDefinition d = new SystemDefinition("分值制", 2026, Set.of(), Aggregation.POINTS, d("100"), d("20"), null, null,
                List.of(group("D", "60", leaf("D1", "40", Category.CORE, deduct("5")), leaf("D2", "20", Category.AUXILIARY, deduct("2"))),
                        group("C", "40", leaf("C1", "40", Category.PLATFORM_DATA, linear("60", "0", "100", "40"))),
                        specificLeaf("S1", "20", Category.CORE, ratio("10", null))),
                List.of());
        assertEquals(List.of(), validator.validate(d, true));
        Map<String, IndicatorInput> in = Map.of("D1", IndicatorInput.occurrences(2), "D2", IndicatorInput.occurrences(0),
                "C1", IndicatorInput.value(d("85")), "S1", IndicatorInput.value(d("7")));
        Evaluation e = evaluator.evaluate(d, in);
        assertEquals(d("75.00"), e.baseScore(), "(40 − 2×5) + 20 + (85−60)/40 × 40 = 30 + 20 + 25");
        assertEquals(d("14.00"), e.specificScore(), "7/10 × 20");
        assertEquals(d("89.00"), e.total());
    }

    @Test
    void inputsTheRulesCannotReadAreReportedByCode() {
        Map<String, IndicatorInput> in = inputs();
        in.put("A1.2", IndicatorInput.state("不存在的状态"));
        in.put("B1.1", IndicatorInput.grades(List.of(new Grade("甲", "优秀", "r"))));
        SupervisionException ex = assertThrows(SupervisionException.class, () -> evaluator.evaluate(threeLevelPercent(), in));
        assertEquals(ProblemKind.INVALID, ex.kind());
        assertEquals(List.of("A1.2", "B1.1"), ex.errors().stream().map(cn.supervision.api.problem.FieldError::field).sorted().toList());
    }

    @Test
    void everyLeafExplainsItsScore() {
        Evaluation e = evaluator.evaluate(threeLevelPercent(), inputs());
        Evaluation.NodeScore a11 = e.indicators().get(0).children().get(0).children().get(0);
        assertEquals("A1.1", a11.code());
        assertTrue(a11.steps().get(0).contains("(90, 100)"), a11.steps().toString());
        assertTrue(e.indicators().get(0).explanation().contains("80×70%"), e.indicators().get(0).explanation());
    }
}
