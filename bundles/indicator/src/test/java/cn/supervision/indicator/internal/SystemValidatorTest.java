package cn.supervision.indicator.internal;

import static cn.supervision.indicator.internal.Rules.band;
import static cn.supervision.indicator.internal.Rules.bands;
import static cn.supervision.indicator.internal.Rules.d;
import static cn.supervision.indicator.internal.Rules.deduct;
import static cn.supervision.indicator.internal.Rules.grade;
import static cn.supervision.indicator.internal.Rules.group;
import static cn.supervision.indicator.internal.Rules.leaf;
import static cn.supervision.indicator.internal.Rules.level;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.supervision.api.indicator.Adjustment;
import cn.supervision.api.indicator.AdjustmentKind;
import cn.supervision.api.indicator.Aggregation;
import cn.supervision.api.indicator.Category;
import cn.supervision.api.indicator.Indicator;
import cn.supervision.api.indicator.IndicatorScope;
import cn.supervision.api.indicator.RuleSpec;
import cn.supervision.api.indicator.RuleSpec.BandMode;
import cn.supervision.api.indicator.SystemDefinition;
import cn.supervision.api.indicator.ValidationProblem;
import cn.supervision.api.indicator.ValidationProblem.Severity;

class SystemValidatorTest {
    private final SystemValidator validator = new SystemValidator(id -> null);

    private static String line(ValidationProblem p) {
        return p.severity() + " " + p.path() + ": " + p.message();
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsPath() {
        SystemDefinition bad = new SystemDefinition("", 1999, Set.of(), Aggregation.POINTS, d("100"), null, null, null,
                List.of(group("A", "60",
                                leaf("A1", "30", Category.CORE, deduct("5")),
                                leaf("A1", "20", Category.CORE, deduct("5")),                       // duplicate code
                                new Indicator("A3", "无规则", null, null, d("10"), null, IndicatorScope.COMMON, null, null)),
                        group("B", "30",
                                leaf("B1", "10", Category.PLATFORM_DATA, bands(BandMode.SCORE,
                                        band("0", true, "60", true, "2"),
                                        band("60", true, "90", false, "6"),                           // overlaps at 60
                                        band("95", true, "100", true, "12"))),                        // gap 90..95, 12 > 10
                                leaf("B2", "20", Category.PEER_REVIEW, grade(RuleSpec.Combine.MEAN, null, level("", "10"), level("好", "30"))),
                                leaf("B3", "0", Category.PUBLIC_EVALUATION, Rules.custom("nobody.provides", Map.of())))),
                List.of(new Adjustment("V1", "否决", AdjustmentKind.VETO, null, Rules.veto(), null, null)));
        List<String> problems = validator.validate(bad, true).stream().map(SystemValidatorTest::line).toList();
        assertEquals(List.of(
                "ERROR name: 必须填写名称",
                "ERROR year: 年度应在 2000–2100 之间",
                "ERROR A/A1: 编码 A1 重复",
                "ERROR A/A3: 末级指标必须归入五类二级指标之一（CORE、AUXILIARY、PEER_REVIEW、PUBLIC_EVALUATION、PLATFORM_DATA）",
                "ERROR A/A3: 末级指标必须有评分规则",
                "ERROR B/B1: 区间 [95, 100] 的分值 12 超过满分 10",
                "ERROR B/B1: 区间 [0, 60] 与 [60, 90) 重叠",
                "ERROR B/B1: 区间 [60, 90) 与 [95, 100] 之间有空档",
                "ERROR B/B2: 等次必须有名称",
                "ERROR B/B2: 等次“好”的分值 30 超过满分 20",
                "ERROR B/B3: 分值必须大于 0",
                "ERROR B/B3: 自定义规则 nobody.provides 当前没有任何插件提供",
                "ERROR indicators: 共性指标一级指标分值合计 90，应等于满分 100",
                "ERROR adjustments/V1: 否决项必须指定效果（ZERO_TOTAL 一票否决 / BAR_TOP_GRADE 一票否优）"), problems);
    }

    @Test
    void draftsAreBoundedInNodesDepthAndTextWhateverElseIsMissing() {
        List<Indicator> many = new java.util.ArrayList<>();
        for (int i = 0; i < SystemValidator.MAX_NODES + 1; i++) {
            many.add(leaf("N" + i, "1", Category.CORE, null));
        }
        SystemDefinition wide = new SystemDefinition("x", 2026, Set.of(), null, null, null, null, null, many, List.of());
        assertEquals(List.of("ERROR indicators: 指标不能超过 2000 个（当前 2001 个）"),
                validator.bounds(wide).stream().map(SystemValidatorTest::line).toList());
        assertEquals(List.of(), validator.bounds(new SystemDefinition("x", 2026, Set.of(), null, null, null, null, null,
                many.subList(0, SystemValidator.MAX_NODES), List.of())));

        Indicator deep = leaf("L9", "1", Category.CORE, null);
        for (int level = 8; level >= 1; level--) {
            deep = group("L" + level, "1", deep);
        }
        String text = "字".repeat(SystemValidator.MAX_TEXT + 1);
        SystemDefinition d = new SystemDefinition("x", 2026, Set.of(), null, null, null, null, null,
                List.of(deep, new Indicator("T", "长", text, null, null, null, IndicatorScope.COMMON, null, null)),
                List.of(new Adjustment("B", "加分", AdjustmentKind.BONUS, text, null, null, null)));
        assertEquals(List.of("ERROR L1/L2/L3/L4/L5/L6/L7/L8/L9: 指标层级不能超过 8 级",
                        "ERROR T: 评估要点不能超过 4000 个字符",
                        "ERROR adjustments/B: 说明不能超过 4000 个字符"),
                validator.bounds(d).stream().map(SystemValidatorTest::line).toList());
    }

    @Test
    void whatTheServiceCallsValidIsNeverRefusedForItsSizeAndAProblemBothFindComesOnce() {
        List<Adjustment> adjustments = new java.util.ArrayList<>();
        for (int i = 0; i <= SystemValidator.MAX_ADJUSTMENTS; i++) {
            adjustments.add(new Adjustment("B" + i, "加分" + i, AdjustmentKind.BONUS, null, null, d("1"), null));
        }
        String name = "名".repeat(SystemValidator.MAX_NAME + 1);
        Indicator a = leaf("A", "100", Category.CORE, deduct("5"));
        Indicator longName = new Indicator(a.code(), name, a.assessmentPoints(), a.evidence(), a.weight(), a.category(), a.scope(),
                a.rule(), a.children());
        SystemDefinition d = new SystemDefinition("x", 2026, Set.of(), Aggregation.POINTS, d("100"), null, null, null,
                List.of(longName), adjustments);
        List<String> problems = validator.checkAll(d, false).stream().map(SystemValidatorTest::line).toList();
        assertTrue(problems.contains("ERROR adjustments: 加分、扣分和否决项不能超过 200 个"), problems.toString());
        assertEquals(1, problems.stream().filter(p -> p.equals("ERROR A: 指标名称不能超过 200 个字符")).count(), problems.toString());
        assertTrue(validator.validate(d, false).stream().noneMatch(p -> p.path().equals("adjustments")),
                "the validator alone does not count them: the service adds the bounds");
    }

    @Test
    void sumsAreCheckedAgainstTheParent() {
        SystemDefinition d = new SystemDefinition("x", 2026, Set.of(), Aggregation.POINTS, d("100"), null, null, null,
                List.of(group("A", "60", leaf("A1", "30", Category.CORE, deduct("5")), leaf("A2", "20", Category.CORE, deduct("5"))),
                        leaf("B", "40", Category.PLATFORM_DATA, deduct("5"))), List.of());
        assertEquals(List.of("ERROR A: 下级指标分值合计 50，应等于本指标分值 60"),
                validator.validate(d, true).stream().map(SystemValidatorTest::line).toList());
        SystemDefinition pct = new SystemDefinition("x", 2026, Set.of(), Aggregation.PERCENT, d("100"), null, null, null,
                List.of(group("A", "60", leaf("A1", "50", Category.CORE, deduct("5")), leaf("A2", "40", Category.CORE, deduct("5"))),
                        leaf("B", "30", Category.PLATFORM_DATA, deduct("5"))), List.of());
        assertEquals(List.of("ERROR A: 下级指标权重合计 90%，应为 100%", "ERROR indicators: 共性指标一级指标权重合计 90%，应为 100%"),
                validator.validate(pct, true).stream().map(SystemValidatorTest::line).toList());
    }

    @Test
    void aMissingCustomRuleIsAWarningInDraftAndAnErrorOnPublish() {
        SystemDefinition d = new SystemDefinition("x", 2026, Set.of(), Aggregation.POINTS, d("100"), null, null, null,
                List.of(leaf("A", "100", Category.CORE, Rules.custom("later.plugin", Map.of()))), List.of());
        assertEquals(Severity.WARNING, validator.validate(d, false).get(0).severity());
        assertEquals(Severity.ERROR, validator.validate(d, true).get(0).severity());
    }

    @Test
    void halfOpenBandsThatMeetAreFine() {
        SystemDefinition d = new SystemDefinition("x", 2026, Set.of(), Aggregation.PERCENT, d("100"), null, null, null,
                List.of(leaf("A", "100", Category.CORE, bands(BandMode.DEDUCTION, band(null, false, "80", true, "100"),
                        band("80", false, "90", true, "50"), band("90", false, "100", false, "20"), band("100", true, null, false, "0")))),
                List.of());
        assertEquals(List.of(), validator.validate(d, true));
    }
}
