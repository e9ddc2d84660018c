package cn.supervision.assessment.internal;

import java.math.BigDecimal;
import java.util.List;

import cn.supervision.api.assessment.AssessmentItem;
import cn.supervision.api.assessment.ItemKind;
import cn.supervision.api.assessment.ItemState;
import cn.supervision.api.assessment.Mapping;
import cn.supervision.api.assessment.MappingMethod;
import cn.supervision.api.problem.SupervisionException;

/**
 * The mapping's arithmetic, exact (BigDecimal) with one rounding at the end:
 * <ul>
 * <li>LINEAR: total × scaleMax / 100 (exact), raised to {@code floor} when below it, capped at scaleMax, never below 0,
 * then rounded to {@code decimals} with {@code rounding};</li>
 * <li>GRADE: the grade's points (given with at most {@code decimals} decimals), shown with {@code decimals};</li>
 * <li>final: points + confirmed bonuses − confirmed deductions, never below 0, shown with {@code decimals} (item points
 * have at most {@code decimals} decimals, so the sum needs no rounding).</li>
 * </ul>
 */
final class Points {
    private Points() {
    }

    static BigDecimal routine(Mapping m, String unitName, BigDecimal total, String grade) {
        BigDecimal raw;
        if (m.method() == MappingMethod.LINEAR) {
            if (total == null) {
                return null;
            }
            raw = total.multiply(m.scaleMax()).movePointLeft(2);
            if (m.floor() != null && raw.compareTo(m.floor()) < 0) {
                raw = m.floor();
            }
            if (raw.compareTo(m.scaleMax()) > 0) {
                raw = m.scaleMax();
            }
            if (raw.signum() < 0) {
                raw = BigDecimal.ZERO;
            }
        } else {
            raw = grade == null ? null : m.gradePoints().get(grade);
            if (raw == null) {
                throw SupervisionException.conflict("单位“" + unitName + "”的等次“" + grade + "”在折算规则（第 " + m.revision()
                        + " 版）中没有对应分值，请更新折算规则");
            }
        }
        return raw.setScale(m.decimals(), m.rounding());
    }

    static BigDecimal finalPoints(Mapping m, BigDecimal points, List<AssessmentItem> items) {
        if (points == null) {
            return null;
        }
        BigDecimal sum = points;
        for (AssessmentItem i : items) {
            if (i.state() == ItemState.CONFIRMED) {
                sum = i.kind() == ItemKind.BONUS ? sum.add(i.points()) : sum.subtract(i.points());
            }
        }
        if (sum.signum() < 0) {
            sum = BigDecimal.ZERO;
        }
        return sum.setScale(m.decimals(), m.rounding());
    }
}
