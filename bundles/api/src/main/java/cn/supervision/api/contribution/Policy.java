package cn.supervision.api.contribution;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import cn.supervision.api.indicator.Category;

/**
 * What the city lets its counties change (measures art. 28: "within their authority, with reference to these").
 * Carried by the city's own bundle in {@code SUPERVISION-INF/policy.json}. Shares are percentages of the common
 * base, whatever the tree's shape or aggregation.
 */
public record Policy(BigDecimal requiredBaseMax, List<Category> mandatoryCategories, Map<Category, Bounds> categoryShare,
                     Integer maxDepth, BigDecimal maxSpecific, BigDecimal maxBonusCap) {

    public Policy {
        mandatoryCategories = mandatoryCategories == null ? List.of() : List.copyOf(mandatoryCategories);
        categoryShare = categoryShare == null ? Map.of() : Map.copyOf(categoryShare);
    }

    /** Inclusive bounds, in percent of the base. */
    public record Bounds(BigDecimal min, BigDecimal max) { }
}
