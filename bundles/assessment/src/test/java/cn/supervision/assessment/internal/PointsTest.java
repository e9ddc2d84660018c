package cn.supervision.assessment.internal;

import cn.supervision.api.problem.ProblemKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.supervision.api.assessment.AssessmentItem;
import cn.supervision.api.assessment.ItemKind;
import cn.supervision.api.assessment.ItemState;
import cn.supervision.api.assessment.Mapping;
import cn.supervision.api.assessment.MappingMethod;
import cn.supervision.api.problem.SupervisionException;

/** The mapping's arithmetic to the last digit. */
class PointsTest {

    static Mapping linear(String scaleMax, String floor, int decimals, RoundingMode rounding) {
        return new Mapping("370500", 2026, 1, MappingMethod.LINEAR, new BigDecimal(scaleMax), floor == null ? null : new BigDecimal(floor),
                decimals, rounding, Map.of(), null, List.of(), null, "city-admin", Instant.EPOCH);
    }

    static Mapping grade() {
        Map<String, BigDecimal> points = new LinkedHashMap<>();
        points.put("优秀", new BigDecimal("5"));
        points.put("良好", new BigDecimal("4"));
        points.put("一般", new BigDecimal("2.5"));
        points.put("较差", new BigDecimal("0"));
        return new Mapping("370500", 2026, 1, MappingMethod.GRADE, new BigDecimal("5"), null, 1, RoundingMode.HALF_UP, points, null,
                List.of(), null, "city-admin", Instant.EPOCH);
    }

    static BigDecimal points(Mapping m, String total) {
        return Points.routine(m, "东营市财政局", new BigDecimal(total), null);
    }

    @Test
    void linearIsExactThenRoundedOnceAsConfigured() {
        // 14.72 × 10 / 100 = 1.472
        assertEquals(new BigDecimal("1.47"), points(linear("10", null, 2, RoundingMode.HALF_UP), "14.72"));
        assertEquals(new BigDecimal("1.5"), points(linear("10", null, 1, RoundingMode.HALF_UP), "14.72"));
        assertEquals(new BigDecimal("1.4"), points(linear("10", null, 1, RoundingMode.DOWN), "14.72"));
        assertEquals(new BigDecimal("2"), points(linear("10", null, 0, RoundingMode.UP), "14.72"));
        // 87.65 × 15 / 100 = 13.1475: half up at 3 decimals 13.148, half even 13.148 (7 odd), at 2: 13.15
        assertEquals(new BigDecimal("13.148"), points(linear("15", null, 3, RoundingMode.HALF_UP), "87.65"));
        assertEquals(new BigDecimal("13.15"), points(linear("15", null, 2, RoundingMode.HALF_UP), "87.65"));
        // 82.50 × 3 / 100 = 2.475: half even to 2 decimals keeps 2.48 (7 odd → up), 82.50 × 5 / 100 = 4.125 → 4.12 half even
        assertEquals(new BigDecimal("2.48"), points(linear("3", null, 2, RoundingMode.HALF_EVEN), "82.50"));
        assertEquals(new BigDecimal("4.12"), points(linear("5", null, 2, RoundingMode.HALF_EVEN), "82.50"));
        assertEquals(new BigDecimal("4.13"), points(linear("5", null, 2, RoundingMode.HALF_UP), "82.50"));
        // a full score is the indicator's full points, whatever the decimals
        assertEquals(new BigDecimal("10.00"), points(linear("10", null, 2, RoundingMode.HALF_UP), "100.00"));
    }

    @Test
    void linearFloorAndCap() {
        Mapping m = linear("10", "3.5", 2, RoundingMode.HALF_UP);
        assertEquals(new BigDecimal("3.50"), points(m, "0.00"), "a vetoed unit (total 0) gets the floor");
        assertEquals(new BigDecimal("3.50"), points(m, "34.99"), "3.499 is below the floor");
        assertEquals(new BigDecimal("3.51"), points(m, "35.05"), "3.505 half up");
        assertEquals(new BigDecimal("10.00"), points(m, "103.00"), "bonus points above 100 do not pass the full points");
    }

    @Test
    void gradesMapToTheirPointsAndAnUnmappedGradeIsRefused() {
        Mapping m = grade();
        assertEquals(new BigDecimal("5.0"), Points.routine(m, "x", new BigDecimal("91.00"), "优秀"));
        assertEquals(new BigDecimal("2.5"), Points.routine(m, "x", new BigDecimal("61.00"), "一般"));
        assertEquals(new BigDecimal("0.0"), Points.routine(m, "x", new BigDecimal("14.72"), "较差"));
        SupervisionException e = assertThrows(SupervisionException.class, () -> Points.routine(m, "东营市财政局", BigDecimal.ONE, "好"));
        assertEquals(ProblemKind.CONFLICT, e.kind());
        assertEquals(true, e.getMessage().contains("“好”"), e.getMessage());
    }

    static AssessmentItem item(ItemKind kind, String points, ItemState state) {
        return new AssessmentItem(1, "370500", 2026, 11, "东营市财政局", 9, "专项", 1, 1, 1, kind, new BigDecimal(points), "理由", state,
                null, null, null);
    }

    @Test
    void finalPointsCountOnlyConfirmedItemsAndNeverGoBelowZero() {
        Mapping m = linear("10", null, 2, RoundingMode.HALF_UP);
        BigDecimal base = new BigDecimal("1.47");
        assertEquals(new BigDecimal("2.97"), Points.finalPoints(m, base, List.of(item(ItemKind.BONUS, "1.5", ItemState.CONFIRMED),
                item(ItemKind.DEDUCTION, "2", ItemState.PROPOSED), item(ItemKind.DEDUCTION, "1", ItemState.DROPPED))));
        assertEquals(new BigDecimal("0.97"), Points.finalPoints(m, base, List.of(item(ItemKind.DEDUCTION, "0.5", ItemState.CONFIRMED))));
        assertEquals(new BigDecimal("0.00"), Points.finalPoints(m, base, List.of(item(ItemKind.DEDUCTION, "3", ItemState.CONFIRMED))));
        assertEquals(null, Points.finalPoints(m, null, List.of(item(ItemKind.BONUS, "1", ItemState.CONFIRMED))));
    }
}
