package cn.supervision.registry.internal;

import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.Jurisdiction;
import cn.supervision.api.security.Access;
import cn.supervision.registry.internal.model.JurisdictionEntity;

/**
 * The jurisdiction tree as loaded from the database and the access policy built over it. Both are replaced together
 * whenever a jurisdiction is registered, so a decision never mixes an old tree with a new policy.
 */
final class RegistryAccess {
    private static final Logger LOG = LoggerFactory.getLogger(JpaRegistryService.class);

    private final JpaTemplate jpa;
    private final DutyLedger ledger;
    private volatile Access access;
    private volatile JurisdictionTree tree;
    private volatile String problem = "registry is starting";

    RegistryAccess(JpaTemplate jpa, DutyLedger ledger) {
        this.jpa = jpa;
        this.ledger = ledger;
    }

    void start() {
        try {
            reload();
            DutyBackfill.run(jpa, ledger);
            problem = null;
            LOG.info("Registry ready: {} jurisdictions", tree.all().size());
        } catch (RuntimeException e) {
            problem = "registry failed to start: " + e.getMessage();
            LOG.error("Registry failed to start", e);
        }
    }

    void reload() {
        List<Jurisdiction> all = jpa.txExpr(TransactionType.Supports, em ->
                em.createQuery("select j from JurisdictionEntity j", JurisdictionEntity.class).getResultList()
                        .stream().map(JurisdictionEntity::toValue).toList());
        JurisdictionTree t = new JurisdictionTree(all);
        tree = t;
        access = new Access(t);
    }

    /** The start's problem while the tree is still unreadable, else whether any jurisdiction is registered. */
    String problem() {
        if (problem != null) {
            try {
                access();
            } catch (SupervisionException e) {
                return problem;
            }
        }
        try {
            long n = jpa.txExpr(TransactionType.Supports, em ->
                    em.createQuery("select count(j) from JurisdictionEntity j", Long.class).getSingleResult());
            return n > 0 ? null : "no jurisdictions yet: the city's contribution bundle has not been processed";
        } catch (RuntimeException e) {
            return "database not reachable: " + e.getMessage();
        }
    }

    /** The tree is loaded at start; if that failed (e.g. the datasource was being replaced), every call retries it. */
    Access access() {
        Access a = access;
        if (a == null) {
            synchronized (this) {
                if (access == null) {
                    try {
                        reload();
                        DutyBackfill.run(jpa, ledger);
                        problem = null;
                    } catch (RuntimeException e) {
                        LOG.warn("Registry still not ready: {}", e.getMessage());
                        throw new SupervisionException(ProblemKind.BUSY, "服务未就绪", "单位库正在启动，请稍后再试", null);
                    }
                }
                a = access;
            }
        }
        return a;
    }

    JurisdictionTree tree() {
        return tree;
    }
}
