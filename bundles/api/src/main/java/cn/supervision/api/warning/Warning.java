package cn.supervision.api.warning;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of the warning ledger (预警台账): its number (预警编号), the unit, level and rule, what it is about
 * ({@code subject}: the campaign, metric period or finding that triggered it; with unit and rule it identifies the
 * warning, so an open one is never raised twice), the values that triggered it, and its state. {@code findingId} is
 * the finding it was converted into.
 */
public record Warning(long id, String number, String jurisdictionCode, long unitId, String unitCode, String unitName,
                      WarningLevel level, WarningRule rule, String subject, String description, Map<String, String> values,
                      WarningState state, Instant raisedAt, Instant updatedAt, String updatedBy, Instant lastRemindedAt,
                      Long findingId) {
}
