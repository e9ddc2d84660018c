package cn.supervision.api.duty;

import java.util.List;

import cn.supervision.api.registry.DutyRecord;

/** What does not line up between a unit's current power list and its active main duties. */
public record PowerListGaps(long unitId, int items, int duties, List<PowerItem> itemsWithoutDuty,
                            List<DutyRecord> dutiesWithoutItems) {

    public PowerListGaps {
        itemsWithoutDuty = List.copyOf(itemsWithoutDuty);
        dutiesWithoutItems = List.copyOf(dutiesWithoutItems);
    }
}
