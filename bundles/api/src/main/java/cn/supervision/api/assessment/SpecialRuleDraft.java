package cn.supervision.api.assessment;

import java.math.BigDecimal;
import java.util.List;

/** A {@link SpecialRule} as submitted: {@code kind} is BONUS or DEDUCTION (checked, naming the field). */
public record SpecialRuleDraft(String kind, BigDecimal points, List<String> grades, BigDecimal totalBelow, BigDecimal totalAtLeast,
                               Long campaignId) {
}
