package cn.supervision.registry.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;

import com.fasterxml.jackson.core.type.TypeReference;

import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.Duty;
import cn.supervision.api.registry.DutyLink;
import cn.supervision.api.registry.DutyStatus;
import cn.supervision.api.registry.Mandate;
import cn.supervision.api.registry.UnitStatus;
import cn.supervision.registry.internal.model.DutyEntity;
import cn.supervision.registry.internal.model.UnitEntity;

/**
 * Resolves the links of duties just recorded to the ids of the duties they name, once every unit of the write has its
 * ids (so an import may link to a unit it creates). A link reaches only an ACTIVE duty of another living unit of the
 * same jurisdiction; the id it resolves to is kept in the unit's mandate and in the duty record. A link the unit already
 * had is kept even when its target has since been retired or its unit merged or abolished: another unit's change must
 * not make this unit impossible to edit.
 */
final class DutyLinker {
    private static final TypeReference<List<DutyLink>> LINKS = new TypeReference<>() { };

    private DutyLinker() {
    }

    /**
     * All-or-nothing: every unresolvable link is named (unit, duty, link) and nothing is resolved. {@code fields} gives
     * each unit's field path (e.g. {@code rows[3].mandate}); {@code kept} the links each unit had before the write
     * ({@link #stored}), which stay as they were when their target no longer resolves; {@code strict} false leaves
     * any unresolvable link as it is, for mandates written before links were checked.
     */
    static List<FieldError> resolve(EntityManager em, List<UnitEntity> units, Map<Long, String> fields,
                                    Map<Long, Map<String, DutyLink>> kept, boolean strict) {
        List<FieldError> errors = new ArrayList<>();
        List<Runnable> writes = new ArrayList<>();
        Lookup lookup = new Lookup(em, units);
        for (UnitEntity unit : units) {
            Mandate m = RegistryJson.read(unit.getMandateJson(), Mandate.class);
            if (m.duties().stream().allMatch(d -> d.links().isEmpty())) {
                continue;
            }
            List<Duty> duties = new ArrayList<>();
            for (int i = 0; i < m.duties().size(); i++) {
                Duty d = m.duties().get(i);
                List<DutyLink> links = new ArrayList<>();
                for (int k = 0; k < d.links().size(); k++) {
                    DutyLink l = d.links().get(k);
                    String field = fields.getOrDefault(unit.getId(), "mandate") + ".duties[" + i + "].links[" + k + "]";
                    String where = "单位 " + unit.getCode() + " 第 " + d.number() + " 条职责的关联：";
                    Outcome r = target(em, lookup, unit, l);
                    DutyLink had = r.link() == null ? stored(kept.getOrDefault(unit.getId(), Map.of()), d, l) : null;
                    if (r.link() != null) {
                        links.add(r.link());
                    } else if (had != null) {
                        links.add(new DutyLink(had.unitCode(), had.dutyNumber(), had.dutyId(), l.role()));
                    } else {
                        errors.add(new FieldError(field, where + r.problem()));
                        links.add(l);
                    }
                }
                duties.add(new Duty(d.id(), d.number(), d.text(), d.type(), links));
            }
            writes.add(() -> {
                unit.setMandateJson(RegistryJson.write(new Mandate(duties, m.internalBodies(), m.staffing())));
                for (Duty d : duties) {
                    em.find(DutyEntity.class, d.id()).setLinksJson(RegistryJson.write(d.links()));
                }
            });
        }
        if (strict && !errors.isEmpty()) {
            throw SupervisionException.invalid("职责关联有 " + errors.size() + " 处错误，未保存任何修改", errors);
        }
        writes.forEach(Runnable::run);
        return errors;
    }

    /**
     * The links the unit's current duties have now, before the write changes them: keyed by the duty record they start
     * from (its id survives rewording and renumbering) and the duty they reached, or the unit code and number they were
     * written with (a sheet re-imports links without ids).
     */
    static Map<String, DutyLink> stored(List<DutyEntity> duties) {
        Map<String, DutyLink> out = new HashMap<>();
        for (DutyEntity d : duties) {
            if (d.getStatus() != DutyStatus.ACTIVE || d.getLinksJson() == null) {
                continue;
            }
            for (DutyLink l : RegistryJson.read(d.getLinksJson(), LINKS)) {
                if (l.dutyId() != null) {
                    out.put(d.getId() + "/id:" + l.dutyId(), l);
                }
                if (l.unitCode() != null) {
                    out.putIfAbsent(d.getId() + "/code:" + l.unitCode().trim() + "#" + l.dutyNumber(), l);
                }
            }
        }
        return out;
    }

    private static DutyLink stored(Map<String, DutyLink> kept, Duty from, DutyLink l) {
        if (l.dutyId() != null) {
            return kept.get(from.id() + "/id:" + l.dutyId());
        }
        return l.unitCode() == null ? null : kept.get(from.id() + "/code:" + l.unitCode().trim() + "#" + l.dutyNumber());
    }

    /**
     * Units by code and their active duties by number. A write of many units (an import, the upgrade) reads them for the
     * whole jurisdiction in two queries: a query per link would walk every object of the transaction (quadratic).
     */
    private static final class Lookup {
        private final EntityManager em;
        private final boolean preloaded;
        private final Map<String, UnitEntity> units = new HashMap<>();
        private final Map<Long, Map<Integer, DutyEntity>> duties = new HashMap<>();

        Lookup(EntityManager em, List<UnitEntity> writing) {
            this.em = em;
            this.preloaded = writing.size() > 1;
            if (preloaded) {
                String j = writing.get(0).getJurisdictionCode();
                em.createQuery("select u from UnitEntity u where u.jurisdictionCode = :j", UnitEntity.class)
                        .setParameter("j", j).getResultList().forEach(u -> units.put(j + "/" + u.getCode(), u));
                em.createQuery("select d from DutyEntity d where d.jurisdictionCode = :j and d.status = :active", DutyEntity.class)
                        .setParameter("j", j).setParameter("active", DutyStatus.ACTIVE).getResultList()
                        .forEach(d -> duties.computeIfAbsent(d.getUnitId(), k -> new HashMap<>()).put(d.getNumber(), d));
            }
        }

        UnitEntity unit(String jurisdictionCode, String code) {
            String key = jurisdictionCode + "/" + code;
            if (preloaded || units.containsKey(key)) {
                return units.get(key);
            }
            UnitEntity found = em.createQuery(
                            "select u from UnitEntity u where u.jurisdictionCode = :j and u.code = :c", UnitEntity.class)
                    .setParameter("j", jurisdictionCode).setParameter("c", code).getResultList().stream()
                    .findFirst().orElse(null);
            units.put(key, found);
            return found;
        }

        Map<Integer, DutyEntity> activeDuties(long unitId) {
            if (preloaded) {
                return duties.getOrDefault(unitId, Map.of());
            }
            return duties.computeIfAbsent(unitId, id -> {
                Map<Integer, DutyEntity> byNumber = new HashMap<>();
                em.createQuery("select d from DutyEntity d where d.unitId = :u and d.status = :active", DutyEntity.class)
                        .setParameter("u", id).setParameter("active", DutyStatus.ACTIVE).getResultList()
                        .forEach(d -> byNumber.put(d.getNumber(), d));
                return byNumber;
            });
        }
    }

    /** The resolved link, or why it cannot be (never saying whether a duty of another jurisdiction exists). */
    private record Outcome(DutyLink link, String problem) {
        static Outcome refused(String problem) {
            return new Outcome(null, problem);
        }
    }

    private static Outcome target(EntityManager em, Lookup lookup, UnitEntity from, DutyLink l) {
        DutyEntity duty;
        UnitEntity owner;
        if (l.dutyId() != null) {
            duty = em.find(DutyEntity.class, l.dutyId());
            if (duty == null || !duty.getJurisdictionCode().equals(from.getJurisdictionCode())) {
                return Outcome.refused("职责编号 " + l.dutyId() + " 在本行政区划中不存在");
            }
            owner = em.find(UnitEntity.class, duty.getUnitId());
            if (l.unitCode() != null && !l.unitCode().equals(owner.getCode())) {
                return Outcome.refused("职责编号 " + l.dutyId() + " 不是单位 " + l.unitCode() + " 的职责");
            }
        } else {
            if (l.unitCode() == null || l.unitCode().isBlank()) {
                return Outcome.refused("必须指定关联的单位编码和职责序号");
            }
            owner = lookup.unit(from.getJurisdictionCode(), l.unitCode().trim());
            if (owner == null) {
                return Outcome.refused("单位 " + l.unitCode() + " 在本行政区划中不存在");
            }
            duty = lookup.activeDuties(owner.getId()).get(l.dutyNumber());
            if (duty == null) {
                return Outcome.refused("单位 " + owner.getCode() + " 没有第 " + l.dutyNumber() + " 条现行职责");
            }
        }
        if (owner.getId() == from.getId()) {
            return Outcome.refused("只能关联其他单位的职责");
        }
        if (duty.getStatus() != DutyStatus.ACTIVE) {
            return Outcome.refused("单位 " + owner.getCode() + " 的职责编号 " + duty.getId() + " 已取消");
        }
        if (owner.getStatus() != UnitStatus.ACTIVE) {
            return Outcome.refused("单位 " + owner.getCode() + " 状态为“" + owner.getStatus().label() + "”，不能再关联其职责");
        }
        return new Outcome(new DutyLink(owner.getCode(), duty.getNumber(), duty.getId(), l.role()), null);
    }
}
