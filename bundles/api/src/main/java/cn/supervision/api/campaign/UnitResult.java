package cn.supervision.api.campaign;

import java.math.BigDecimal;

import cn.supervision.api.indicator.Evaluation;

/**
 * One unit's result in a campaign. {@code total} is renormalised to the categories in use:
 * total = Σ_c∈used score(c) × base / Σ_c∈used max(c) + bonus − deductions (never below 0; 0 when vetoed).
 * {@code dutyView} and {@code corroborationView} are each view's used categories on 0–100; {@code gap} is their
 * difference, {@code flagged} when it exceeds the threshold (印证式: the views do not corroborate each other);
 * {@code gapDrivers} names the indicators of the weaker view that lost the most points, for the working group.
 */
public record UnitResult(long unitId, String unitName, String unitKind, long systemId, BigDecimal total, String grade,
                         BigDecimal dutyView, BigDecimal corroborationView, BigDecimal gap, boolean flagged,
                         int rank, int rankInKind, int missingInputs, java.util.List<String> gapDrivers, Evaluation evaluation) {
}
