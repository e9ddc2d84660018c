package cn.supervision.registry.internal;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

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
 * The jurisdiction tree as loaded from the database and the access policy built over it, replaced together (one
 * {@link Loaded}), so a decision never mixes an old tree with a new policy.
 *
 * <p>Another node on the same database may register a jurisdiction. Jurisdictions are only ever added, so their number
 * tells whether this node's tree is behind: at most once every {@link #RECHECK_MILLIS} a call counts the rows (one
 * query on a table of tens of rows) and reloads when the count moved; every other call answers from memory. The count
 * is not taken inside a caller's transaction (it would add the registry to that transaction, a second XA branch);
 * the next call outside one takes it. Registering asks the database first in any case ({@link #refresh}).
 */
final class RegistryAccess {
    private static final Logger LOG = LoggerFactory.getLogger(JpaRegistryService.class);
    /** How long a node answers from its tree before asking whether another node registered a jurisdiction. */
    static final long RECHECK_MILLIS = 1000;

    /** The tree and the policy over it. */
    private record Loaded(JurisdictionTree tree, Access access) {
    }

    private final JpaTemplate jpa;
    private final DutyLedger ledger;
    private final Clock clock;
    private final BooleanSupplier inTransaction;
    private final AtomicLong checkedAt = new AtomicLong();
    private volatile Loaded loaded;
    private volatile String problem = "registry is starting";
    private volatile boolean checkFailing;

    RegistryAccess(JpaTemplate jpa, DutyLedger ledger, Clock clock, BooleanSupplier inTransaction) {
        this.jpa = jpa;
        this.ledger = ledger;
        this.clock = clock;
        this.inTransaction = inTransaction;
    }

    void start() {
        try {
            reload();
            DutyBackfill.run(jpa, ledger);
            problem = null;
            LOG.info("Registry ready: {} jurisdictions", loaded.tree().size());
        } catch (RuntimeException e) {
            problem = "registry failed to start: " + e.getMessage();
            LOG.error("Registry failed to start", e);
        }
    }

    /** Reads every jurisdiction; one reload at a time, so a later read never gives way to an earlier one. */
    synchronized void reload() {
        checkedAt.set(clock.millis());
        List<Jurisdiction> all = jpa.txExpr(TransactionType.Supports, em ->
                em.createQuery("select j from JurisdictionEntity j", JurisdictionEntity.class).getResultList()
                        .stream().map(JurisdictionEntity::toValue).toList());
        JurisdictionTree t = new JurisdictionTree(all);
        loaded = new Loaded(t, new Access(t));
    }

    /** Reloads now if the database holds jurisdictions this node has not read (registered by another node). */
    void refresh() {
        Loaded l = loaded;
        if (l == null) {
            access(); // the first load, with what start does
            return;
        }
        if (count() != l.tree().size()) {
            reload();
            LOG.info("Jurisdictions registered by another node: {} -> {}, tree reloaded", l.tree().size(), loaded.tree().size());
        }
    }

    private long count() {
        return jpa.txExpr(TransactionType.Supports, em ->
                em.createQuery("select count(j) from JurisdictionEntity j", Long.class).getSingleResult());
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
            long n = count();
            return n > 0 ? null : "no jurisdictions yet: the city's contribution bundle has not been processed";
        } catch (RuntimeException e) {
            return "database not reachable: " + e.getMessage();
        }
    }

    /**
     * The tree is loaded at start; if that failed (e.g. the datasource was being replaced), every call retries it.
     * Once loaded, at most one call a second checks it against the database.
     */
    Access access() {
        Loaded l = loaded;
        if (l == null) {
            synchronized (this) {
                if (loaded == null) {
                    try {
                        reload();
                        DutyBackfill.run(jpa, ledger);
                        problem = null;
                    } catch (RuntimeException e) {
                        LOG.warn("Registry still not ready: {}", e.getMessage());
                        throw new SupervisionException(ProblemKind.BUSY, "服务未就绪", "单位库正在启动，请稍后再试", null);
                    }
                }
                return loaded.access();
            }
        }
        if (recheckDue()) {
            try {
                refresh();
                checkFailing = false;
            } catch (RuntimeException e) {
                // the tree in memory is still right for everything registered before; the next check tries again
                if (!checkFailing) {
                    LOG.warn("Could not check the jurisdictions against the database, answering from the {} known: {}",
                            l.tree().size(), e.toString());
                }
                checkFailing = true;
            }
            return loaded.access();
        }
        return l.access();
    }

    /** Whether this call is the one to check: a second or more since the last check, outside a caller's transaction. */
    private boolean recheckDue() {
        long now = clock.millis();
        long last = checkedAt.get();
        boolean due = now - last >= RECHECK_MILLIS || now < last; // a clock set back must not stop the checks
        return due && !inTransaction.getAsBoolean() && checkedAt.compareAndSet(last, now);
    }

    /** The tree the last {@link #access()} decided with (or a newer one). */
    JurisdictionTree tree() {
        Loaded l = loaded;
        return l == null ? null : l.tree();
    }
}
