package cn.supervision.api.indicator;

import java.math.BigDecimal;
import java.util.List;

/** A rule's score (null when there was no input) and how it got there, step by step, in Chinese. */
public record RuleResult(BigDecimal score, String explanation, List<String> steps) {
    public RuleResult {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }
}
