package cn.supervision.api.assessment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A mapping as submitted by the office. {@code method} LINEAR or GRADE; {@code scaleMax} the indicator's full points
 * on the assessment's scale (0 &lt; scaleMax ≤ 1000); {@code floor} optional lowest points of LINEAR (0 ≤ floor ≤
 * scaleMax); {@code decimals} 0–4 (default 2) and {@code rounding} HALF_UP (default), HALF_EVEN, DOWN or UP say how
 * computed points are rounded; {@code gradePoints} every grade's points for GRADE; {@code routineCampaignId}
 * optionally pins the routine campaign; {@code specialRules} derive bonus and deduction items from special campaigns.
 * Every amount given has at most {@code decimals} decimals.
 */
public record MappingDraft(String method, BigDecimal scaleMax, BigDecimal floor, Integer decimals, String rounding,
                           Map<String, BigDecimal> gradePoints, Long routineCampaignId, List<SpecialRuleDraft> specialRules,
                           String note) {
}
