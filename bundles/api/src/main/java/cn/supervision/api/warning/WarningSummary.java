package cn.supervision.api.warning;

import java.util.Map;

/** Counts of the warnings a caller sees in a jurisdiction, by level and by state, for the dashboard. */
public record WarningSummary(String jurisdictionCode, long total, Map<WarningLevel, Long> byLevel,
                             Map<WarningState, Long> byState, Map<WarningLevel, Map<WarningState, Long>> byLevelAndState) {
}
