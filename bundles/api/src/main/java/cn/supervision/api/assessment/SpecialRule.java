package cn.supervision.api.assessment;

import java.math.BigDecimal;
import java.util.List;

/**
 * A rule turning a unit's result in a published SPECIAL campaign into a proposed item: it applies when every condition
 * given holds (the grade is one of {@code grades}; the total is below {@code totalBelow}; the total is at least
 * {@code totalAtLeast}); {@code campaignId} restricts it to one special campaign (null: every special campaign of the
 * jurisdiction and year). {@code points} are positive; the kind says whether they are added or taken off.
 */
public record SpecialRule(ItemKind kind, BigDecimal points, List<String> grades, BigDecimal totalBelow, BigDecimal totalAtLeast,
                          Long campaignId) {
    public SpecialRule {
        grades = grades == null ? List.of() : List.copyOf(grades);
    }
}
