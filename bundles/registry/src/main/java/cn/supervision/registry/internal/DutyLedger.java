package cn.supervision.registry.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;

import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.Duty;
import cn.supervision.api.registry.DutyLink;
import cn.supervision.api.registry.DutyStatus;
import cn.supervision.api.registry.Mandate;
import cn.supervision.registry.internal.model.DutyEntity;
import cn.supervision.registry.internal.model.UnitEntity;

/**
 * Keeps a unit's duty records (SV_DUTY) in step with its mandate, inside the transaction that writes the unit. A drafted
 * duty is the record it names by id, else the current duty with identical text (renumbered), else the current duty with
 * the same number (reworded), else a new record; current duties left unmatched are retired, never deleted.
 */
final class DutyLedger {
    private final Clock clock;

    DutyLedger(Clock clock) {
        this.clock = clock;
    }

    /**
     * Records the mandates the units now have (their revisions already counted, all of one jurisdiction) and stores each
     * with its duties' ids; then resolves the links, once every unit of the write has its ids. Every bad duty id and every
     * unresolvable link of every unit is named; {@code strict} false keeps such links as they are and returns them.
     */
    List<FieldError> record(EntityManager em, List<UnitEntity> units, Map<Long, String> fields, Map<Long, Mandate> drafts,
                            boolean strict) {
        if (units.isEmpty()) {
            return List.of();
        }
        // one read for the write, and no flush per unit: a bulk import stays linear
        Map<Long, List<DutyEntity>> existing = new HashMap<>();
        (units.size() == 1
                ? em.createQuery("select d from DutyEntity d where d.unitId = :k order by d.id", DutyEntity.class)
                        .setParameter("k", units.get(0).getId())
                : em.createQuery("select d from DutyEntity d where d.jurisdictionCode = :k order by d.id", DutyEntity.class)
                        .setParameter("k", units.get(0).getJurisdictionCode()))
                .getResultList().forEach(d -> existing.computeIfAbsent(d.getUnitId(), k -> new ArrayList<>()).add(d));
        // read before matching rewrites the records' links: only a new or changed link must reach a current duty
        Map<Long, Map<String, DutyLink>> kept = new HashMap<>();
        for (UnitEntity unit : units) {
            kept.put(unit.getId(), DutyLinker.stored(existing.getOrDefault(unit.getId(), List.of())));
        }
        List<FieldError> errors = new ArrayList<>();
        Map<UnitEntity, DutyEntity[]> matched = new LinkedHashMap<>();
        for (UnitEntity unit : units) {
            try {
                matched.put(unit, match(em, unit, existing.getOrDefault(unit.getId(), List.of()), drafts.get(unit.getId()),
                        fields.get(unit.getId())));
            } catch (SupervisionException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("主要职责有 " + errors.size() + " 处错误，未保存任何修改", errors);
        }
        em.flush();
        matched.forEach((unit, records) -> unit.setMandateJson(RegistryJson.write(withIds(drafts.get(unit.getId()), records))));
        return DutyLinker.resolve(em, units, fields, kept, strict);
    }

    private static Mandate withIds(Mandate drafted, DutyEntity[] records) {
        List<Duty> out = new ArrayList<>(records.length);
        for (int i = 0; i < records.length; i++) {
            Duty d = drafted.duties().get(i);
            out.add(new Duty(records[i].getId(), d.number(), d.text(), d.type(), d.links()));
        }
        return new Mandate(out, drafted.internalBodies(), drafted.staffing());
    }

    /** The record each drafted duty is (new ones persisted, ids to come with the flush); unmatched current ones retired. */
    private DutyEntity[] match(EntityManager em, UnitEntity unit, List<DutyEntity> all, Mandate drafted, String field) {
        List<Duty> duties = drafted.duties();
        DutyEntity[] match = new DutyEntity[duties.size()];
        Set<Long> taken = new HashSet<>();
        byId(unit, all, duties, match, taken, field);
        List<DutyEntity> current = all.stream().filter(d -> d.getStatus() == DutyStatus.ACTIVE).toList();
        for (int i = 0; i < duties.size(); i++) {
            if (match[i] == null) {
                match[i] = claim(current, taken, duties.get(i), true);
            }
        }
        for (int i = 0; i < duties.size(); i++) {
            if (match[i] == null) {
                match[i] = claim(current, taken, duties.get(i), false);
            }
        }
        int revision = unit.getRevision();
        for (int i = 0; i < duties.size(); i++) {
            Duty d = duties.get(i);
            DutyEntity e = match[i];
            if (e == null) {
                e = new DutyEntity();
                e.setUnitId(unit.getId());
                e.setJurisdictionCode(unit.getJurisdictionCode());
                e.setSinceRevision(revision);
                em.persist(e);
                match[i] = e;
            } else if (e.getStatus() == DutyStatus.RETIRED) {
                // named by id: the revision restores a duty an earlier one dropped, and it counts from now
                e.setSinceRevision(revision);
                e.setRetiredRevision(null);
                e.setRetiredAt(null);
            }
            e.setStatus(DutyStatus.ACTIVE);
            e.setNumber(d.number());
            e.setText(d.text());
            e.setType(d.type());
            e.setLinksJson(RegistryJson.write(d.links()));
        }
        for (DutyEntity e : current) {
            if (!taken.contains(e.getId())) {
                e.setStatus(DutyStatus.RETIRED);
                e.setRetiredRevision(revision);
                e.setRetiredAt(clock.millis());
            }
        }
        return match;
    }

    /** Ids given by the draft must be this unit's duties, each at most once; every wrong one is named. */
    private static void byId(UnitEntity unit, List<DutyEntity> all, List<Duty> duties, DutyEntity[] match,
                             Set<Long> taken, String field) {
        Map<Long, DutyEntity> byId = new HashMap<>();
        all.forEach(d -> byId.put(d.getId(), d));
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < duties.size(); i++) {
            Long id = duties.get(i).id();
            if (id == null) {
                continue;
            }
            String f = field + ".duties[" + i + "].id";
            DutyEntity e = byId.get(id);
            if (e == null) {
                errors.add(new FieldError(f, "单位 " + unit.getCode() + " 第 " + duties.get(i).number() + " 条职责的编号 "
                        + id + " 不是本单位的职责"));
            } else if (!taken.add(id)) {
                errors.add(new FieldError(f, "单位 " + unit.getCode() + " 的职责编号 " + id + " 重复"));
            } else {
                match[i] = e;
            }
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("主要职责有 " + errors.size() + " 处错误，未保存任何修改", errors);
        }
    }

    private static DutyEntity claim(List<DutyEntity> current, Set<Long> taken, Duty d, boolean byText) {
        for (DutyEntity e : current) {
            if (!taken.contains(e.getId()) && (byText ? e.getText().equals(d.text()) : e.getNumber() == d.number())) {
                taken.add(e.getId());
                return e;
            }
        }
        return null;
    }

    /** The stored mandate and a draft say the same, ids aside unless the draft gives them (then they must agree). */
    static boolean sameDuties(Mandate stored, Mandate draft) {
        if (stored.duties().size() != draft.duties().size()) {
            return false;
        }
        for (int i = 0; i < stored.duties().size(); i++) {
            Duty s = stored.duties().get(i);
            Duty d = draft.duties().get(i);
            if (s.number() != d.number() || !s.text().equals(d.text()) || s.type() != d.type()
                    || (d.id() != null && !d.id().equals(s.id())) || s.links().size() != d.links().size()) {
                return false;
            }
            for (int k = 0; k < s.links().size(); k++) {
                var sl = s.links().get(k);
                var dl = d.links().get(k);
                boolean sameTarget = dl.dutyId() != null ? dl.dutyId().equals(sl.dutyId())
                        : java.util.Objects.equals(sl.unitCode(), dl.unitCode()) && sl.dutyNumber() == dl.dutyNumber();
                if (!sameTarget || sl.role() != dl.role()) {
                    return false;
                }
            }
        }
        return stored.internalBodies().equals(draft.internalBodies()) && stored.staffing().equals(draft.staffing());
    }
}
