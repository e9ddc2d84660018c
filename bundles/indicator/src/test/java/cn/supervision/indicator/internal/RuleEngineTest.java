package cn.supervision.indicator.internal;

import static cn.supervision.indicator.internal.Rules.band;
import static cn.supervision.indicator.internal.Rules.bands;
import static cn.supervision.indicator.internal.Rules.bonus;
import static cn.supervision.indicator.internal.Rules.d;
import static cn.supervision.indicator.internal.Rules.deduct;
import static cn.supervision.indicator.internal.Rules.grade;
import static cn.supervision.indicator.internal.Rules.level;
import static cn.supervision.indicator.internal.Rules.linear;
import static cn.supervision.indicator.internal.Rules.ratio;
import static cn.supervision.indicator.internal.Rules.state;
import static cn.supervision.indicator.internal.Rules.tiers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.supervision.api.indicator.IndicatorInput;
import cn.supervision.api.indicator.IndicatorInput.Grade;
import cn.supervision.api.indicator.Rounding;
import cn.supervision.api.indicator.RuleResult;
import cn.supervision.api.indicator.RuleSpec;
import cn.supervision.api.indicator.RuleSpec.BandMode;
import cn.supervision.api.indicator.RuleSpec.Tier;
import cn.supervision.api.indicator.ScoringRule;

/** Expectations computed by hand, at and around every boundary. */
class RuleEngineTest {
    /** These cases check each rule's own score to 2 decimals, as a system that rounds every node sees it. */
    private static final Rounding RULES_ROUND = new Rounding(2, java.math.RoundingMode.HALF_UP, Rounding.At.EVERY_NODE);
    private final RuleEngine engine = new RuleEngine(id -> null);

    private BigDecimal score(RuleSpec rule, IndicatorInput input, String max) {
        return engine.score(rule, input, d(max), RULES_ROUND).score();
    }

    @ParameterizedTest(name = "{0} cases of 25 from 100 -> {1}")
    @CsvSource({"0,100.00", "1,75.00", "3,25.00", "4,0.00", "5,0.00"})
    void deductPerCaseFloorsAtZero(int cases, String expected) {
        assertEquals(d(expected), score(deduct("25"), IndicatorInput.occurrences(cases), "100"));
    }

    @ParameterizedTest(name = "tiers 1:-50, 2+:-100 with {0} cases -> {1}")
    @CsvSource({"0,100.00", "1,50.00", "2,0.00", "7,0.00"})
    void deductByTiers(int cases, String expected) {
        RuleSpec rule = tiers(new Tier(1, d("50")), new Tier(2, d("100")));
        assertEquals(d(expected), score(rule, IndicatorInput.occurrences(cases), "100"));
    }

    @Test
    void deductionNeedsACountAndRefusesNegatives() {
        RuleResult none = engine.score(deduct("2"), IndicatorInput.value(d("3")), d("10"), RULES_ROUND);
        assertNull(none.score());
        assertThrows(RuleEngine.InputException.class, () -> engine.score(deduct("2"), IndicatorInput.occurrences(-1), d("10"), RULES_ROUND));
    }

    @ParameterizedTest(name = "bonus 2 per case, cap 5: {0} -> {1}")
    @CsvSource({"0,0.00", "1,2.00", "2,4.00", "3,5.00", "10,5.00"})
    void bonusPerCaseIsCapped(int cases, String expected) {
        assertEquals(d(expected), score(bonus("2", "5"), IndicatorInput.occurrences(cases), "10"));
    }

    @Test
    void bonusCapDefaultsToTheIndicatorsMaximum() {
        assertEquals(d("3.00"), score(bonus("1.5", null), IndicatorInput.occurrences(9), "3"));
    }

    /** The office's completion-rate bands: 100 → 0 off; 90 < r < 100 → −20; 80 < r ≤ 90 → −50; r ≤ 80 → −100. */
    @ParameterizedTest(name = "completion {0}% -> {1}")
    @CsvSource({"100,100.00", "99.99,80.00", "90.01,80.00", "90,50.00", "80.01,50.00", "80,0.00", "0,0.00"})
    void deductionBandsWithExplicitBounds(String rate, String expected) {
        RuleSpec rule = bands(BandMode.DEDUCTION,
                band("100", true, null, false, "0"),
                band("90", false, "100", false, "20"),
                band("80", false, "90", true, "50"),
                band(null, false, "80", true, "100"));
        assertEquals(d(expected), score(rule, IndicatorInput.value(d(rate)), "100"));
    }

    @ParameterizedTest(name = "satisfaction {0}% -> {1} of 10")
    @CsvSource({"95,10.00", "94.99,8.00", "85,8.00", "84.9,5.00", "0,5.00"})
    void scoreBands(String rate, String expected) {
        RuleSpec rule = bands(BandMode.SCORE,
                band("95", true, "100", true, "10"),
                band("85", true, "95", false, "8"),
                band("0", true, "85", false, "5"));
        assertEquals(d(expected), score(rule, IndicatorInput.value(d(rate)), "10"));
    }

    @Test
    void aValueOutsideEveryBandIsAnInputError() {
        RuleSpec rule = bands(BandMode.SCORE, band("0", true, "100", true, "10"));
        RuleEngine.InputException e = assertThrows(RuleEngine.InputException.class,
                () -> engine.score(rule, IndicatorInput.value(d("100.5")), d("10"), RULES_ROUND));
        assertTrue(e.getMessage().contains("100.5"));
    }

    /** 12345 on-time rate: 60% → 0, 100% → 8, proportional between, clamped outside. */
    @ParameterizedTest(name = "on-time {0}% -> {1}")
    @CsvSource({"50,0.00", "60,0.00", "70,2.00", "95,7.00", "99.5,7.90", "100,8.00", "120,8.00"})
    void linearBetweenAnchorsClamped(String rate, String expected) {
        assertEquals(d(expected), score(linear("60", "0", "100", "8"), IndicatorInput.value(d(rate)), "8"));
    }

    @Test
    void linearMayDescend() {
        // complaints per 10 000 tickets: 0 → 5 points, 20 → 0 points
        RuleSpec rule = linear("0", "5", "20", "0");
        assertEquals(d("5.00"), score(rule, IndicatorInput.value(d("0")), "5"));
        assertEquals(d("3.75"), score(rule, IndicatorInput.value(d("5")), "5"));
        assertEquals(d("0.00"), score(rule, IndicatorInput.value(d("25")), "5"));
    }

    @ParameterizedTest(name = "ratio {0}/40 of 10 -> {1}")
    @CsvSource({"0,0.00", "10,2.50", "39,9.75", "40,10.00", "55,10.00"})
    void ratioCappedAtFullMarks(String actual, String expected) {
        assertEquals(d(expected), score(ratio("40", null), IndicatorInput.value(d(actual)), "10"));
    }

    @Test
    void ratioRoundsHalfUpToTwoDecimals() {
        // 1/3 × 10 = 3.3333… → 3.33; 2/3 × 10 = 6.6666… → 6.67
        assertEquals(d("3.33"), score(ratio("3", null), IndicatorInput.value(d("1")), "10"));
        assertEquals(d("6.67"), score(ratio("3", null), IndicatorInput.value(d("2")), "10"));
        assertEquals(d("8.00"), score(ratio("3", "8"), IndicatorInput.value(d("3")), "10"));
    }

    private static final RuleSpec.Level[] RECOGNITION = {level("非常高", "100"), level("较高", "80"), level("一般", "60"), level("较差", "0")};

    private static IndicatorInput grades(String... labels) {
        return IndicatorInput.grades(java.util.Arrays.stream(labels).map(l -> new Grade("专家", l, "理由")).toList());
    }

    @Test
    void gradesAreAveraged() {
        RuleSpec rule = grade(RuleSpec.Combine.MEAN, null, RECOGNITION);
        assertEquals(d("80.00"), score(rule, grades("较高"), "100"));
        assertEquals(d("80.00"), score(rule, grades("非常高", "一般"), "100"));
        assertEquals(d("46.67"), score(rule, grades("较高", "一般", "较差"), "100"), "140/3 = 46.666… → 46.67");
    }

    @Test
    void trimmedMeanDropsHighestAndLowest() {
        RuleSpec rule = grade(RuleSpec.Combine.TRIMMED_MEAN, 1, RECOGNITION);
        // 100, 80, 80, 60, 0 → drop 100 and 0 → (80+80+60)/3 = 73.33
        assertEquals(d("73.33"), score(rule, grades("非常高", "较高", "较高", "一般", "较差"), "100"));
        // two evaluators: too few to trim → plain mean
        assertEquals(d("50.00"), score(rule, grades("非常高", "较差"), "100"));
        // three: drop one each side → the middle one
        assertEquals(d("60.00"), score(rule, grades("非常高", "一般", "较差"), "100"));
    }

    @Test
    void unknownGradeLabelsAreInputErrors() {
        RuleSpec rule = grade(RuleSpec.Combine.MEAN, null, RECOGNITION);
        RuleEngine.InputException e = assertThrows(RuleEngine.InputException.class, () -> engine.score(rule, grades("优秀"), d("100"), RULES_ROUND));
        assertTrue(e.getMessage().contains("非常高"), e.getMessage());
    }

    @ParameterizedTest(name = "rectification {0} -> {1}")
    @CsvSource({"未整改,0.00", "进展缓慢,4.00", "初见成效,8.00", "整改完成,10.00"})
    void statesMapToScores(String state, String expected) {
        RuleSpec rule = state(level("未整改", "0"), level("进展缓慢", "4"), level("初见成效", "8"), level("整改完成", "10"));
        assertEquals(d(expected), score(rule, IndicatorInput.state(state), "10"));
    }

    @Test
    void missingInputIsNoDataNotZero() {
        assertNull(engine.score(linear("0", "0", "100", "10"), null, d("10"), RULES_ROUND).score());
        assertNull(engine.score(grade(RuleSpec.Combine.MEAN, null, RECOGNITION), IndicatorInput.grades(List.of()), d("100"), RULES_ROUND).score());
    }

    @Test
    void customRulesComeFromTheRegistryAndAreClamped() {
        ScoringRule doubling = new ScoringRule() {
            @Override
            public String id() {
                return "double";
            }

            @Override
            public List<String> validate(Map<String, String> params) {
                return List.of();
            }

            @Override
            public RuleResult score(Map<String, String> params, IndicatorInput input, BigDecimal max) {
                return new RuleResult(input.value().multiply(d(params.get("factor"))), "乘以系数", List.of("x"));
            }
        };
        RuleEngine withCustom = new RuleEngine(id -> id.equals("double") ? doubling : null);
        RuleSpec rule = Rules.custom("double", Map.of("factor", "2"));
        assertEquals(d("6.00"), withCustom.score(rule, IndicatorInput.value(d("3")), d("10"), RULES_ROUND).score());
        RuleResult clamped = withCustom.score(rule, IndicatorInput.value(d("8")), d("10"), RULES_ROUND);
        assertEquals(d("10.00"), clamped.score());
        assertTrue(clamped.steps().get(1).contains("超出"));
        assertNull(engine.score(rule, IndicatorInput.value(d("3")), d("10"), RULES_ROUND).score(), "absent provider → no score");
    }
}
