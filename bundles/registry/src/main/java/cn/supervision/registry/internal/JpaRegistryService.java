package cn.supervision.registry.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import javax.persistence.EntityExistsException;
import javax.persistence.RollbackException;
import javax.transaction.Status;
import javax.transaction.SystemException;
import javax.transaction.TransactionManager;

import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.health.HealthIndicator;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.ImportMode;
import cn.supervision.api.registry.ImportResult;
import cn.supervision.api.registry.Jurisdiction;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.StatusCommand;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitDraft;
import cn.supervision.api.registry.UnitRevision;
import cn.supervision.api.security.Access;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.security.Target;
import cn.supervision.api.tx.LockRetry;
import cn.supervision.registry.internal.model.UnitEntity;

/**
 * The registry on OpenJPA: authority checks, transactions and delegation. Every write is one transaction, checked
 * before it starts where the check needs no database, and run again when the database gave up on a lock
 * ({@link LockRetry}); what a write does is in {@link UnitCommands}, {@link StatusChanges} and {@link UnitImport}.
 */
public class JpaRegistryService implements RegistryService, HealthIndicator {
    private final JpaTemplate jpa;
    private final RegistryAccess authority;
    private final JurisdictionRegister jurisdictions;
    private final UnitRecords records;
    private final UnitCommands commands;
    private final StatusChanges statuses;
    private final UnitImport imports;
    private final LockRetry retry;

    public JpaRegistryService(JpaTemplate jpa) {
        this(jpa, Clock.systemUTC());
    }

    /**
     * Writes join a caller's JTA transaction when there is one (a proposal applies its changes to many units as one
     * unit of work), so they are retried only when they own theirs: {@code transactions} says which.
     */
    public JpaRegistryService(JpaTemplate jpa, TransactionManager transactions) {
        this(jpa, Clock.systemUTC(), LockRetry.standard().outsideTransactions(() -> active(transactions)),
                () -> active(transactions));
    }

    JpaRegistryService(JpaTemplate jpa, Clock clock) {
        this(jpa, clock, LockRetry.standard());
    }

    JpaRegistryService(JpaTemplate jpa, Clock clock, LockRetry retry) {
        this(jpa, clock, retry, () -> false);
    }

    /**
     * {@code inTransaction} says whether the calling thread is in a caller's transaction: the check for jurisdictions
     * other nodes registered is not made there ({@link RegistryAccess}).
     */
    JpaRegistryService(JpaTemplate jpa, Clock clock, LockRetry retry, BooleanSupplier inTransaction) {
        this.jpa = jpa;
        this.retry = retry;
        DutyLedger ledger = new DutyLedger(clock);
        this.authority = new RegistryAccess(jpa, ledger, clock, inTransaction);
        this.jurisdictions = new JurisdictionRegister(jpa, authority, retry);
        this.records = new UnitRecords(clock);
        this.commands = new UnitCommands(records, ledger);
        this.statuses = new StatusChanges(records);
        this.imports = new UnitImport(records, ledger);
    }

    /** An unreadable status counts as a transaction: running once is safe, running again inside one is not. */
    static boolean active(TransactionManager transactions) {
        try {
            return transactions.getStatus() != Status.STATUS_NO_TRANSACTION;
        } catch (SystemException e) {
            return true;
        }
    }

    /** Loads the jurisdiction tree; jurisdictions themselves come from contribution bundles (the city's first). */
    public void start() {
        authority.start();
    }

    @Override
    public String component() {
        return "registry";
    }

    @Override
    public String problem() {
        return authority.problem();
    }

    @Override
    public Access access() {
        return authority.access();
    }

    static void requireSee(Access a, Caller caller, Unit u) {
        if (!a.may(caller, Operation.READ_REGISTRY, Target.unit(u.jurisdictionCode(), u.code()))) {
            throw SupervisionException.forbidden("无权访问单位 " + u.id());
        }
    }

    // ------------------------------------------------------------------ jurisdictions

    @Override
    public List<Jurisdiction> listJurisdictions(Caller caller) {
        Access a = access();
        return authority.tree().all().stream().filter(j -> a.may(caller, Operation.READ_REGISTRY, j.code())).toList();
    }

    @Override
    public Jurisdiction getJurisdiction(Caller caller, String code) {
        access().require(caller, Operation.READ_REGISTRY, code);
        return authority.tree().get(code);
    }

    @Override
    public Jurisdiction registerJurisdiction(Caller caller, Jurisdiction j) {
        return jurisdictions.register(caller, j);
    }

    // ------------------------------------------------------------------ units: reading

    @Override
    public List<Unit> listUnits(Caller caller, String jurisdictionCode, boolean includeInactive) {
        Access a = access();
        a.require(caller, Operation.READ_REGISTRY, jurisdictionCode);
        List<UnitEntity> rows = jpa.txExpr(TransactionType.Supports,
                em -> records.ofJurisdiction(em, jurisdictionCode, includeInactive));
        List<Unit> out = new ArrayList<>(rows.size());
        for (UnitEntity e : rows) {
            Unit u = UnitRecords.toUnit(e);
            if (a.may(caller, Operation.READ_REGISTRY, Target.unit(u.jurisdictionCode(), u.code()))) {
                out.add(u);
            }
        }
        return out;
    }

    @Override
    public Unit getUnit(Caller caller, long unitId) {
        Access a = access();
        Unit u = jpa.txExpr(TransactionType.Supports, em -> UnitRecords.toUnit(UnitRecords.find(em, unitId)));
        requireSee(a, caller, u);
        return u;
    }

    @Override
    public List<UnitRevision> history(Caller caller, long unitId) {
        getUnit(caller, unitId);
        return jpa.txExpr(TransactionType.Supports, em -> records.history(em, unitId));
    }

    // ------------------------------------------------------------------ units: writing

    @Override
    public Unit createUnit(Caller caller, String jurisdictionCode, UnitDraft draft) {
        access().require(caller, Operation.ADMINISTER_REGISTRY, jurisdictionCode);
        UnitDraft d = UnitCommands.checked(draft);
        return write(em -> commands.create(em, caller, jurisdictionCode, d));
    }

    @Override
    public Unit updateUnit(Caller caller, long unitId, UnitDraft draft) {
        return updateUnit(caller, unitId, draft, null);
    }

    @Override
    public Unit updateUnit(Caller caller, long unitId, UnitDraft draft, String reason) {
        Access a = access();
        UnitDraft d = UnitCommands.checked(draft);
        String why = UnitCommands.reason(reason);
        return write(em -> commands.update(em, a, caller, unitId, d, why));
    }

    @Override
    public Unit changeStatus(Caller caller, long unitId, StatusCommand command) {
        Access a = access();
        String reason = StatusChanges.checkedReason(command);
        return write(em -> statuses.change(em, a, caller, unitId, command, reason));
    }

    @Override
    public ImportResult importUnits(Caller caller, String jurisdictionCode, List<UnitDraft> drafts, ImportMode mode) {
        access().require(caller, Operation.ADMINISTER_REGISTRY, jurisdictionCode);
        List<UnitDraft> rows = UnitImport.checked(drafts);
        ImportMode m = mode == null ? ImportMode.UPSERT : mode;
        return write(em -> imports.write(em, caller, jurisdictionCode, rows, m));
    }

    /**
     * One write transaction, run again when it lost a lock to a concurrent writer; a unique-key race lost to one is a
     * conflict (409), not a server error.
     */
    private <T> T write(EmFunction<T> work) {
        return retry.call(() -> conflictOnDuplicate(() -> jpa.txExpr(TransactionType.Required, work)));
    }

    private static <T> T conflictOnDuplicate(Supplier<T> work) {
        try {
            return work.get();
        } catch (EntityExistsException | RollbackException e) {
            if (!duplicateKey(e)) {
                throw e;
            }
            throw SupervisionException.conflict("与并发的修改冲突（编码重复），请刷新后重试");
        }
    }

    /** Whether {@code e} is a write that lost a unique-key race (a row with its key was committed meanwhile). */
    static boolean duplicateKey(RuntimeException e) {
        Throwable t = e;
        while (t != null && !(t instanceof EntityExistsException)) {
            t = t.getCause();
        }
        return t != null;
    }
}
