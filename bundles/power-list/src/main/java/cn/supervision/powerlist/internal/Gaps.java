package cn.supervision.powerlist.internal;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import cn.supervision.api.duty.PowerItem;
import cn.supervision.api.duty.PowerListGaps;
import cn.supervision.api.registry.DutyRecord;
import cn.supervision.api.registry.DutyStatus;

/** What does not line up between a unit's current items and its active main duties. */
final class Gaps {
    private Gaps() {
    }

    /**
     * Items count as without a duty when unmapped or mapped to a duty that is no longer active (a later mandate
     * revision retired it). A duty counts as without items unless its type is one no power item may carry (政策规划,
     * 统筹协调, 内部管理): those are exercised without a listed power, so listing them would bury the real gaps.
     */
    static PowerListGaps of(long unitId, List<PowerItem> currentItems, List<DutyRecord> duties) {
        List<DutyRecord> active = duties.stream().filter(d -> d.status() == DutyStatus.ACTIVE).toList();
        Set<Long> activeIds = active.stream().map(DutyRecord::id).collect(Collectors.toSet());
        Set<Long> implemented = currentItems.stream().map(PowerItem::dutyId).filter(id -> id != null)
                .collect(Collectors.toSet());
        List<PowerItem> withoutDuty = currentItems.stream()
                .filter(i -> i.dutyId() == null || !activeIds.contains(i.dutyId())).toList();
        List<DutyRecord> withoutItems = active.stream()
                .filter(d -> d.type() == null || d.type().powerItemType())
                .filter(d -> !implemented.contains(d.id())).toList();
        return new PowerListGaps(unitId, currentItems.size(), active.size(), withoutDuty, withoutItems);
    }
}
