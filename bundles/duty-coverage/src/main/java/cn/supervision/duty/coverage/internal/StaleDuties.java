package cn.supervision.duty.coverage.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.supervision.api.campaign.DutyLeaf;
import cn.supervision.api.duty.StaleDuty;
import cn.supervision.api.registry.DutyRecord;

/** Duties no campaign assessed in a window of years, with the last year one did before it. */
final class StaleDuties {
    private StaleDuties() {
    }

    /**
     * {@code duties}: the active duties looked at, in the order to answer; {@code read}: campaigns of years up to
     * {@code untilYear}. A duty is stale when no campaign of {@code [untilYear - years + 1, untilYear]} scored a leaf of it.
     */
    static List<StaleDuty> find(List<DutyRecord> duties, List<CampaignLeaves> read, int years, int untilYear) {
        int from = untilYear - years + 1;
        Map<Long, Integer> lastYear = new HashMap<>();
        for (CampaignLeaves cl : read) {
            int year = cl.campaign().period().year();
            if (year > untilYear) {
                continue;
            }
            for (DutyLeaf l : cl.leaves()) {
                if (l.assessed()) {
                    lastYear.merge(l.dutyId(), year, Math::max);
                }
            }
        }
        List<StaleDuty> out = new ArrayList<>();
        for (DutyRecord d : duties) {
            Integer last = lastYear.get(d.id());
            if (last == null || last < from) {
                out.add(new StaleDuty(d.id(), d.unitId(), d.unitName(), d.number(), d.text(), last));
            }
        }
        return out;
    }
}
