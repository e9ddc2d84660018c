package cn.supervision.duty.analysis.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.supervision.api.duty.DutyRef;
import cn.supervision.api.duty.PowerItem;
import cn.supervision.api.duty.PowerListService;
import cn.supervision.api.registry.DutyDirectory;
import cn.supervision.api.registry.DutyRecord;
import cn.supervision.api.registry.DutyStatus;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitStatus;
import cn.supervision.api.security.Caller;

/**
 * The texts of one jurisdiction, read with the caller's own authority. An active duty of an active unit is its
 * wording, read with the names of the current power-list items that implement it as context (an item names what the
 * duty means in practice); an item no active duty covers stands alone. The last mandate of a merged or abolished unit and
 * the retired duties of active units are the gap sources.
 */
final class CorpusLoader {
    /** The texts, and how many duties and items they hold. */
    record Corpus(List<AnalysisDoc> docs, int duties, int items) { }

    private final RegistryService registry;
    private final DutyDirectory duties;
    private final PowerListService powerLists;

    CorpusLoader(RegistryService registry, DutyDirectory duties, PowerListService powerLists) {
        this.registry = registry;
        this.duties = duties;
        this.powerLists = powerLists;
    }

    Corpus load(Caller caller, String jurisdictionCode) {
        List<DutyRecord> records = duties.dutiesOf(caller, jurisdictionCode, true);
        List<PowerItem> items = powerLists.itemsOf(caller, jurisdictionCode);
        Map<Long, String> activeUnits = registry.listUnits(caller, jurisdictionCode, false).stream()
                .filter(u -> u.status() == UnitStatus.ACTIVE).collect(Collectors.toMap(Unit::id, Unit::name, (a, b) -> a, HashMap::new));
        Set<Long> heldDuties = new HashSet<>();
        for (DutyRecord r : records) {
            if (r.unitStatus() == UnitStatus.ACTIVE && r.status() == DutyStatus.ACTIVE) {
                heldDuties.add(r.id());
            }
        }
        Map<Long, List<PowerItem>> itemsByDuty = items.stream().filter(i -> i.dutyId() != null && heldDuties.contains(i.dutyId()))
                .collect(Collectors.groupingBy(PowerItem::dutyId, HashMap::new, Collectors.toList()));
        List<AnalysisDoc> docs = new ArrayList<>(records.size() + items.size());
        for (DutyRecord r : records) {
            boolean activeUnit = r.unitStatus() == UnitStatus.ACTIVE;
            boolean activeDuty = r.status() == DutyStatus.ACTIVE;
            if (!activeUnit && !activeDuty) {
                continue; // dropped before the unit went: the revision that dropped it already said who took it
            }
            DutyRef ref = new DutyRef(r.unitId(), r.unitName(), r.id(), r.number(), null, null, r.text());
            StringBuilder context = new StringBuilder();
            for (PowerItem i : itemsByDuty.getOrDefault(r.id(), List.of())) {
                context.append(i.name()).append('\n');
            }
            docs.add(new AnalysisDoc("D" + r.id(), r.unitId(), r.unitCode(),
                    activeUnit && activeDuty ? AnalysisDoc.Role.DUTY : AnalysisDoc.Role.GAP_SOURCE, ref, r.text(), context.toString()));
        }
        int standalone = 0;
        for (PowerItem i : items) {
            if (activeUnits.containsKey(i.unitId()) && (i.dutyId() == null || !heldDuties.contains(i.dutyId()))) {
                DutyRef ref = new DutyRef(i.unitId(), activeUnits.get(i.unitId()), i.dutyId(), i.dutyNumber(), i.id(), i.code(), i.name());
                docs.add(new AnalysisDoc("I" + i.id(), i.unitId(), i.unitCode(), AnalysisDoc.Role.ITEM, ref, i.name()));
                standalone++;
            }
        }
        return new Corpus(docs, docs.size() - standalone, items.size());
    }
}
