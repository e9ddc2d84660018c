package cn.supervision.api.indicator;

import java.math.BigDecimal;
import java.util.List;

/**
 * The evidence for one indicator or adjustment item: a measured {@code value} (e.g. a rate in percent), a number
 * of {@code occurrences}, a chosen {@code state}, evaluators' {@code grades}, or {@code triggered} for a veto.
 * {@code source} says where it came from (a system, a record, a person), for provenance.
 */
public record IndicatorInput(BigDecimal value, Integer occurrences, String state, List<Grade> grades, Boolean triggered,
                             String source) {

    public IndicatorInput {
        grades = grades == null ? List.of() : List.copyOf(grades);
    }

    public static IndicatorInput value(BigDecimal value) {
        return new IndicatorInput(value, null, null, null, null, null);
    }

    public static IndicatorInput occurrences(int n) {
        return new IndicatorInput(null, n, null, null, null, null);
    }

    public static IndicatorInput state(String state) {
        return new IndicatorInput(null, null, state, null, null, null);
    }

    public static IndicatorInput grades(List<Grade> grades) {
        return new IndicatorInput(null, null, null, grades, null, null);
    }

    public static IndicatorInput triggered(boolean triggered) {
        return new IndicatorInput(null, null, null, null, triggered, null);
    }

    /** One evaluator's grade; the justification is mandatory in campaigns. */
    public record Grade(String evaluator, String label, String justification) { }
}
