package cn.supervision.api.assessment;

import java.math.BigDecimal;
import java.util.List;

/**
 * One unit's line of the mapped view: its routine result (null fields when no published routine campaign of the year
 * scored it), the points the mapping gives, the items in force from special campaigns, and
 * finalPoints = max(0, assessmentPoints + confirmed bonuses − confirmed deductions) (null without a routine result).
 */
public record UnitAssessment(long unitId, String unitCode, String unitName, Long routineCampaignId, Integer resultRevision,
                             BigDecimal total, String grade, BigDecimal assessmentPoints, List<AssessmentItem> items,
                             BigDecimal finalPoints) {
    public UnitAssessment {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
