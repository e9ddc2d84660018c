package cn.supervision.api.duty;

import java.util.List;

/** One unit's main duties and which of them were assessed. */
public record UnitCoverage(long unitId, String unitCode, String unitName, int duties, int assessed,
                           List<DutyAssessment> items) {

    public UnitCoverage {
        items = List.copyOf(items);
    }
}
