package cn.supervision.registry.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.persistence.EntityManager;

import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.Mandate;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitChange;
import cn.supervision.api.registry.UnitDraft;
import cn.supervision.api.registry.UnitRevision;
import cn.supervision.api.registry.UnitStatus;
import cn.supervision.api.security.Caller;
import cn.supervision.registry.internal.model.UnitEntity;
import cn.supervision.registry.internal.model.UnitRevisionEntity;

/**
 * Units as stored: finding rows, resolving parents, applying a draft, and the revision every write leaves behind
 * (a full snapshot, so history never depends on later changes). Shared by the unit commands, status changes and
 * import, which differ in what they allow, not in how a unit is written.
 */
final class UnitRecords {
    private final Clock clock;

    UnitRecords(Clock clock) {
        this.clock = clock;
    }

    List<UnitEntity> ofJurisdiction(EntityManager em, String jurisdictionCode, boolean includeInactive) {
        String q = "select u from UnitEntity u where u.jurisdictionCode = :j"
                + (includeInactive ? "" : " and u.status = :active") + " order by u.id";
        var query = em.createQuery(q, UnitEntity.class).setParameter("j", jurisdictionCode);
        if (!includeInactive) {
            query.setParameter("active", UnitStatus.ACTIVE);
        }
        return query.getResultList();
    }

    List<UnitRevision> history(EntityManager em, long unitId) {
        return em.createQuery("select r from UnitRevisionEntity r where r.unitId = :u order by r.revision",
                        UnitRevisionEntity.class)
                .setParameter("u", unitId).getResultList().stream()
                .map(r -> new UnitRevision(r.getRevision(), r.getChange(), r.getStatus(), r.getReason(),
                        r.getSuccessorUnitId(), r.getChangedBy(), Instant.ofEpochMilli(r.getChangedAt()),
                        RegistryJson.read(r.getSnapshotJson(), Unit.class)))
                .toList();
    }

    static UnitEntity find(EntityManager em, long id) {
        UnitEntity e = em.find(UnitEntity.class, id);
        if (e == null) {
            throw SupervisionException.notFound("单位 " + id + " 不存在");
        }
        return e;
    }

    static UnitEntity findByCode(EntityManager em, String jurisdictionCode, String code) {
        List<UnitEntity> found = em.createQuery(
                        "select u from UnitEntity u where u.jurisdictionCode = :j and u.code = :c", UnitEntity.class)
                .setParameter("j", jurisdictionCode).setParameter("c", code).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    static SupervisionException duplicateCode(String code, String field) {
        return new SupervisionException(ProblemKind.CONFLICT, "状态冲突", "编码 " + code + " 已被本行政区划的其他单位使用",
                List.of(new FieldError(field, "编码已存在")));
    }

    /** The parent's id; it must be a unit of the same jurisdiction and must not make a cycle. */
    Long resolveParent(EntityManager em, String jurisdictionCode, UnitDraft d, Long self,
                       Map<String, Long> idsByCode, String field) {
        Long parentId = d.parentUnitId();
        if (d.parentUnitCode() != null) {
            parentId = idsByCode.get(d.parentUnitCode());
            if (parentId == null) {
                UnitEntity p = findByCode(em, jurisdictionCode, d.parentUnitCode());
                if (p == null) {
                    throw SupervisionException.invalid(field, "上级单位编码 " + d.parentUnitCode() + " 在本行政区划中不存在");
                }
                parentId = p.getId();
            }
        }
        if (parentId == null) {
            return null;
        }
        Long cursor = parentId;
        for (int depth = 0; cursor != null; depth++) {
            if (cursor.equals(self) || depth > 32) {
                throw SupervisionException.invalid(field, "上级单位不能是本单位或其下级单位");
            }
            UnitEntity p = em.find(UnitEntity.class, cursor);
            if (p == null || !p.getJurisdictionCode().equals(jurisdictionCode)) {
                throw SupervisionException.invalid(field, "上级单位 " + cursor + " 不是本行政区划的单位");
            }
            cursor = p.getParentUnitId();
        }
        return parentId;
    }

    /** A new, active unit of the jurisdiction, not yet persisted. */
    UnitEntity newUnit(String jurisdictionCode, Caller caller) {
        UnitEntity e = new UnitEntity();
        e.setJurisdictionCode(jurisdictionCode);
        e.setStatus(UnitStatus.ACTIVE);
        e.setCreatedAt(clock.millis());
        e.setCreatedBy(caller.username());
        return e;
    }

    boolean sameContent(UnitEntity e, UnitDraft d, Long parent) {
        return e.getCode().equals(d.code()) && e.getName().equals(d.name())
                && Objects.equals(e.getShortName(), d.shortName()) && e.getKind() == d.kind()
                && Objects.equals(e.getParentUnitId(), parent)
                && DutyLedger.sameDuties(RegistryJson.read(e.getMandateJson(), Mandate.class), d.mandate());
    }

    void apply(UnitEntity e, UnitDraft d, Long parent, Caller caller) {
        e.setCode(d.code());
        e.setName(d.name());
        e.setShortName(d.shortName());
        e.setKind(d.kind());
        e.setParentUnitId(parent);
        e.setMandateJson(RegistryJson.write(d.mandate()));
        touch(e, caller);
    }

    /** One more revision, by the caller, now. */
    void touch(UnitEntity e, Caller caller) {
        e.setRevision(e.getRevision() + 1);
        e.setUpdatedAt(clock.millis());
        e.setUpdatedBy(caller.username());
    }

    Unit recordRevision(EntityManager em, UnitEntity e, UnitChange change, String reason, Long successor) {
        Unit u = toUnit(e);
        em.persist(new UnitRevisionEntity(e.getId(), e.getRevision(), change, e.getStatus(), reason, successor,
                e.getUpdatedBy(), e.getUpdatedAt(), RegistryJson.write(u)));
        return u;
    }

    static Unit toUnit(UnitEntity e) {
        return new Unit(e.getId(), e.getCode(), e.getName(), e.getShortName(), e.getKind(), e.getJurisdictionCode(),
                e.getParentUnitId(), e.getStatus(), Mandates.of(e.getMandateJson()), e.getRevision(),
                Instant.ofEpochMilli(e.getCreatedAt()), e.getCreatedBy(), Instant.ofEpochMilli(e.getUpdatedAt()),
                e.getUpdatedBy());
    }
}
