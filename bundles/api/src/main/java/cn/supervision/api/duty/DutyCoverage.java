package cn.supervision.api.duty;

import java.util.List;

/**
 * Coverage of the main duties (art. 13: routine supervision covers all main duties) for one campaign (its target
 * units, {@code campaignId} set) or for one year (every active unit of the jurisdiction against every campaign whose
 * period falls in that year, {@code year} set). {@code duties} and {@code assessed} are the totals.
 */
public record DutyCoverage(String jurisdictionCode, Long campaignId, Integer year, int duties, int assessed,
                           List<UnitCoverage> units) {

    public DutyCoverage {
        units = List.copyOf(units);
    }
}
