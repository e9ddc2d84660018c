package cn.supervision.registry.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import com.fasterxml.jackson.core.type.TypeReference;

import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.DutyDirectory;
import cn.supervision.api.registry.DutyLink;
import cn.supervision.api.registry.DutyRecord;
import cn.supervision.api.registry.DutyStatus;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.security.Access;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.security.Target;
import cn.supervision.registry.internal.model.DutyEntity;
import cn.supervision.registry.internal.model.UnitEntity;

/**
 * Reads the duty records the {@link DutyLedger} keeps. Authority is the registry's: READ_REGISTRY on each unit, so a
 * unit user reads its own unit's duties and no listing of a whole jurisdiction. Links show the linked duty's current
 * unit code and number: the id is what was kept, so a renumbered duty is still found.
 */
public class JpaDutyDirectory implements DutyDirectory {
    private static final TypeReference<List<DutyLink>> LINKS = new TypeReference<>() { };
    private static final String ORDER = " order by d.unitId, d.number, d.status, d.id";

    private final JpaTemplate jpa;
    private final RegistryService registry;

    public JpaDutyDirectory(JpaTemplate jpa, RegistryService registry) {
        this.jpa = jpa;
        this.registry = registry;
    }

    @Override
    public List<DutyRecord> duties(Caller caller, long unitId, boolean includeRetired) {
        registry.getUnit(caller, unitId);
        return jpa.txExpr(TransactionType.Supports, em -> records(em, em.createQuery(
                        "select d from DutyEntity d where d.unitId = :u" + (includeRetired ? "" : " and d.status = :s") + ORDER,
                        DutyEntity.class).setParameter("u", unitId), includeRetired));
    }

    @Override
    public List<DutyRecord> dutiesOf(Caller caller, String jurisdictionCode, boolean includeRetired) {
        Access access = registry.access();
        access.require(caller, Operation.READ_REGISTRY, jurisdictionCode);
        return jpa.txExpr(TransactionType.Supports, em -> {
            for (UnitEntity u : em.createQuery("select u from UnitEntity u where u.jurisdictionCode = :j", UnitEntity.class)
                    .setParameter("j", jurisdictionCode).getResultList()) {
                Target t = Target.unit(u.getJurisdictionCode(), u.getCode());
                if (!access.may(caller, Operation.READ_REGISTRY, t)) {
                    throw SupervisionException.forbidden("当前用户只能查看本单位的职责，不能查看整个行政区划的职责");
                }
            }
            return records(em, em.createQuery("select d from DutyEntity d where d.jurisdictionCode = :j"
                    + (includeRetired ? "" : " and d.status = :s") + ORDER, DutyEntity.class)
                    .setParameter("j", jurisdictionCode), includeRetired);
        });
    }

    @Override
    public DutyRecord duty(Caller caller, long dutyId) {
        Access access = registry.access();
        return jpa.txExpr(TransactionType.Supports, em -> {
            DutyEntity d = em.find(DutyEntity.class, dutyId);
            UnitEntity u = d == null ? null : em.find(UnitEntity.class, d.getUnitId());
            if (u != null && access.may(caller, Operation.READ_REGISTRY, Target.unit(u.getJurisdictionCode(), u.getCode()))) {
                return toRecord(em, d, new HashMap<>());
            }
            // refused like getUnit refuses another's unit, and a missing id the same way: ids are sequential, so a
            // county must not learn which of them are other counties' duties; only who reads every unit hears 404
            if (u == null && readsEveryUnit(em, access, caller)) {
                throw SupervisionException.notFound("职责 " + dutyId + " 不存在");
            }
            throw SupervisionException.forbidden("无权访问职责 " + dutyId + "，或该职责不存在");
        });
    }

    private static boolean readsEveryUnit(EntityManager em, Access access, Caller caller) {
        // per unit, not per jurisdiction: a unit user may read its jurisdiction's record, not its other units
        return em.createQuery("select u.jurisdictionCode, u.code from UnitEntity u", Object[].class).getResultList().stream()
                .allMatch(u -> access.may(caller, Operation.READ_REGISTRY, Target.unit((String) u[0], (String) u[1])));
    }

    private List<DutyRecord> records(EntityManager em, javax.persistence.TypedQuery<DutyEntity> query, boolean includeRetired) {
        if (!includeRetired) {
            query.setParameter("s", DutyStatus.ACTIVE);
        }
        Map<Long, UnitEntity> units = new HashMap<>();
        List<DutyRecord> out = new ArrayList<>();
        for (DutyEntity d : query.getResultList()) {
            out.add(toRecord(em, d, units));
        }
        return out;
    }

    private static DutyRecord toRecord(EntityManager em, DutyEntity d, Map<Long, UnitEntity> units) {
        UnitEntity u = units.computeIfAbsent(d.getUnitId(), id -> em.find(UnitEntity.class, id));
        List<DutyLink> links = d.getLinksJson() == null ? List.of() : RegistryJson.read(d.getLinksJson(), LINKS).stream()
                .map(l -> current(em, l, units)).toList();
        return new DutyRecord(d.getId(), u.getId(), u.getCode(), u.getName(), u.getStatus(), d.getJurisdictionCode(),
                d.getNumber(), d.getText(), d.getType(), d.getStatus(), links, d.getSinceRevision(),
                d.getRetiredRevision(), d.getRetiredAt() == null ? null : Instant.ofEpochMilli(d.getRetiredAt()));
    }

    private static DutyLink current(EntityManager em, DutyLink l, Map<Long, UnitEntity> units) {
        DutyEntity target = l.dutyId() == null ? null : em.find(DutyEntity.class, l.dutyId());
        if (target == null) {
            return l;
        }
        UnitEntity owner = units.computeIfAbsent(target.getUnitId(), id -> em.find(UnitEntity.class, id));
        return new DutyLink(owner.getCode(), target.getNumber(), target.getId(), l.role());
    }
}
