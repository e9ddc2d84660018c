package cn.supervision.api.duty;

import java.time.Instant;

/**
 * What one analysis of a jurisdiction did: documents read (duties and power items), new proposals, proposals already
 * known (a pair is never proposed twice, whatever was decided), and how long it took.
 */
public record AnalysisRun(String jurisdictionCode, int duties, int items, int newOverlaps, int newGaps, int known,
                          long millis, Instant at, String by) {
}
