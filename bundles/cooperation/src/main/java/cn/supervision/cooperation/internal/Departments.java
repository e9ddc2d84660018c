package cn.supervision.cooperation.internal;

import static cn.supervision.cooperation.internal.Inputs.jurisdiction;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.cooperation.Department;
import cn.supervision.api.cooperation.DepartmentDraft;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.security.Access;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.security.Target;
import cn.supervision.cooperation.internal.model.DepartmentEntity;

/**
 * The office's register of cooperating departments: one code per jurisdiction, never deleted (a department that no
 * longer cooperates is deactivated and keeps what it received). Also answers other bundles' lookups, without a caller.
 */
final class Departments {
    private static final Logger LOG = LoggerFactory.getLogger(Departments.class);

    private final JpaTemplate jpa;
    private final RegistryService registry;
    private final StoredJson json;
    private final Values values;
    private final Clock clock;

    Departments(JpaTemplate jpa, RegistryService registry, StoredJson json, Values values, Clock clock) {
        this.jpa = jpa;
        this.registry = registry;
        this.json = json;
        this.values = values;
        this.clock = clock;
    }

    Optional<Department> find(String jurisdictionCode, String code) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "select d from DepartmentEntity d where d.jurisdictionCode = :j and d.code = :c", DepartmentEntity.class)
                .setParameter("j", jurisdictionCode).setParameter("c", code).getResultList().stream().findFirst().map(values::department));
    }

    List<Department> active(String jurisdictionCode) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "select d from DepartmentEntity d where d.jurisdictionCode = :j and d.active = true order by d.code",
                        DepartmentEntity.class)
                .setParameter("j", jurisdictionCode).getResultList().stream().map(values::department).toList());
    }

    List<Department> list(Caller caller, String jurisdictionCode, boolean includeInactive) {
        String j = jurisdiction(caller, jurisdictionCode);
        Access access = registry.access();
        if (j != null) {
            access.require(caller, Operation.READ_COOPERATION, Target.department(j, caller.departmentCode()));
        }
        List<DepartmentEntity> rows = jpa.txExpr(TransactionType.Supports, em -> {
            var q = em.createQuery("select d from DepartmentEntity d where 1 = 1" + (j == null ? "" : " and d.jurisdictionCode = :j")
                    + (includeInactive ? "" : " and d.active = true") + " order by d.jurisdictionCode, d.code", DepartmentEntity.class);
            if (j != null) {
                q.setParameter("j", j);
            }
            return q.getResultList();
        });
        return rows.stream().filter(d -> access.may(caller, Operation.READ_COOPERATION, Target.department(d.getJurisdictionCode(), d.getCode())))
                .map(values::department).toList();
    }

    Department get(Caller caller, long id) {
        DepartmentEntity d = load(id);
        registry.access().require(caller, Operation.READ_COOPERATION, Target.department(d.getJurisdictionCode(), d.getCode()));
        return values.department(d);
    }

    Department register(Caller caller, String jurisdictionCode, DepartmentDraft draft) {
        String j = jurisdiction(caller, jurisdictionCode);
        if (j == null) {
            throw SupervisionException.invalid("jurisdictionCode", "必填");
        }
        registry.access().require(caller, Operation.MANAGE_COOPERATION, j);
        DepartmentDraftCheck.check(draft, null);
        String code = draft.code().trim();
        String contacts = json.write(DepartmentDraftCheck.contacts(draft));
        long now = clock.millis();
        DepartmentEntity saved = unique(j, code, () -> jpa.txExpr(TransactionType.Required, em -> {
            if (!em.createQuery("select d.id from DepartmentEntity d where d.jurisdictionCode = :j and d.code = :c", Long.class)
                    .setParameter("j", j).setParameter("c", code).getResultList().isEmpty()) {
                throw SupervisionException.conflict("行政区划 " + j + " 已有代码为 " + code + " 的协作部门");
            }
            DepartmentEntity d = new DepartmentEntity();
            d.setJurisdictionCode(j);
            d.setCode(code);
            d.setName(draft.name().trim());
            d.setKind(draft.kind());
            d.setContactsJson(contacts);
            d.setActive(true);
            d.setCreatedBy(caller.username());
            d.setCreatedAt(now);
            d.setUpdatedBy(caller.username());
            d.setUpdatedAt(now);
            em.persist(d);
            return d;
        }));
        LOG.info("Cooperating department {}/{} registered by {}", j, code, caller.username());
        return values.department(saved);
    }

    Department update(Caller caller, long id, DepartmentDraft draft) {
        DepartmentEntity current = load(id);
        registry.access().require(caller, Operation.MANAGE_COOPERATION, current.getJurisdictionCode());
        DepartmentDraftCheck.check(draft, current.getCode());
        String contacts = json.write(DepartmentDraftCheck.contacts(draft));
        long now = clock.millis();
        return values.department(jpa.txExpr(TransactionType.Required, em -> {
            DepartmentEntity d = em.find(DepartmentEntity.class, id);
            d.setName(draft.name().trim());
            d.setKind(draft.kind());
            d.setContactsJson(contacts);
            d.setUpdatedBy(caller.username());
            d.setUpdatedAt(now);
            return d;
        }));
    }

    Department deactivate(Caller caller, long id, String reason) {
        DepartmentEntity current = load(id);
        registry.access().require(caller, Operation.MANAGE_COOPERATION, current.getJurisdictionCode());
        String why = reason == null ? "" : reason.trim();
        if (why.isEmpty() || why.length() > 500) {
            throw SupervisionException.invalid("reason", "停用须说明理由（不超过 500 字）");
        }
        if (!current.isActive()) {
            throw SupervisionException.conflict("协作部门 " + current.getName() + " 已停用");
        }
        long now = clock.millis();
        return values.department(jpa.txExpr(TransactionType.Required, em -> {
            DepartmentEntity d = em.find(DepartmentEntity.class, id);
            d.setActive(false);
            d.setDeactivationReason(why);
            d.setUpdatedBy(caller.username());
            d.setUpdatedAt(now);
            return d;
        }));
    }

    /** Two registrations of one code at once: the unique key decides, the loser gets the same 409 as a late one. */
    private static <T> T unique(String j, String code, Supplier<T> write) {
        try {
            return write.get();
        } catch (SupervisionException e) {
            throw e;
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof java.sql.SQLIntegrityConstraintViolationException
                        || (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState()))) {
                    throw SupervisionException.conflict("行政区划 " + j + " 已有代码为 " + code + " 的协作部门");
                }
            }
            throw e;
        }
    }

    private DepartmentEntity load(long id) {
        DepartmentEntity d = jpa.txExpr(TransactionType.Supports, em -> em.find(DepartmentEntity.class, id));
        if (d == null) {
            throw SupervisionException.notFound("协作部门 " + id + " 不存在");
        }
        return d;
    }
}
