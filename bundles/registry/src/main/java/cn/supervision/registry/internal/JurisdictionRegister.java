package cn.supervision.registry.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.persistence.EntityExistsException;
import javax.persistence.RollbackException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.Jurisdiction;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.security.Role;
import cn.supervision.api.tx.LockRetry;
import cn.supervision.registry.internal.model.JurisdictionEntity;

/**
 * Registers jurisdictions: GB/T 2260 codes keep their registered name and parent (a second registration only
 * confirms), the platform alone places the single top, and anything below needs the parent's administrator.
 */
final class JurisdictionRegister {
    private static final Logger LOG = LoggerFactory.getLogger(JpaRegistryService.class);

    private final JpaTemplate jpa;
    private final RegistryAccess access;
    private final LockRetry retry;

    JurisdictionRegister(JpaTemplate jpa, RegistryAccess access, LockRetry retry) {
        this.jpa = jpa;
        this.access = access;
        this.retry = retry;
    }

    Jurisdiction register(Caller caller, Jurisdiction j) {
        if (!caller.isSystem() && !caller.has(Role.CITY_ADMIN)) {
            throw SupervisionException.forbidden("只有市级管理员可以登记行政区划");
        }
        List<FieldError> errors = new ArrayList<>();
        if (j == null || j.code() == null || !j.code().matches("[0-9A-Za-z]{6,12}")) {
            errors.add(new FieldError("code", "行政区划代码应为 6–12 位字母或数字"));
        }
        if (j == null || j.name() == null || j.name().isBlank() || j.name().length() > 100) {
            errors.add(new FieldError("name", "必须填写名称（不超过 100 个字符）"));
        }
        if (j == null || j.kind() == null) {
            errors.add(new FieldError("kind", "必须指定类型"));
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("行政区划信息无效", errors);
        }
        access.refresh(); // another node may have registered it (or its parent) since this node last looked
        JurisdictionTree t = access.tree();
        Jurisdiction existing = t.get(j.code());
        if (existing != null) {
            return confirmed(existing, j);
        }
        if (j.parentCode() == null) {
            if (!caller.isSystem() || t.all().stream().anyMatch(x -> x.parentCode() == null)) {
                throw SupervisionException.conflict("平台已有顶级行政区划，新的行政区划必须登记在其下级");
            }
        } else {
            access.access().require(caller, Operation.ADMINISTER_REGISTRY, j.parentCode());
        }
        Jurisdiction clean = new Jurisdiction(j.code(), j.name().trim(), j.kind(), j.parentCode(), j.localCode());
        try {
            retry.run(() -> jpa.tx(TransactionType.Required, em -> em.persist(new JurisdictionEntity(clean))));
        } catch (EntityExistsException | RollbackException e) {
            // another node registered the same code since the refresh above: confirm against what it registered
            access.refresh();
            Jurisdiction meanwhile = JpaRegistryService.duplicateKey(e) ? access.tree().get(clean.code()) : null;
            if (meanwhile == null) {
                throw e;
            }
            return confirmed(meanwhile, j);
        }
        access.reload();
        LOG.info("Jurisdiction {} {} registered by {}", clean.code(), clean.name(), caller.username());
        return clean;
    }

    /** A second registration of a code only confirms the first: same name and parent, or a conflict. */
    private static Jurisdiction confirmed(Jurisdiction existing, Jurisdiction j) {
        if (!existing.name().equals(j.name().trim()) || !Objects.equals(existing.parentCode(), j.parentCode())) {
            throw SupervisionException.conflict("行政区划 " + j.code() + " 已登记为“" + existing.name() + "”（上级 "
                    + existing.parentCode() + "），与提交的不一致");
        }
        return existing;
    }
}
