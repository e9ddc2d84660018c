package cn.supervision.powerlist.internal;

import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.duty.PowerItem;
import cn.supervision.api.duty.PowerItemDraft;
import cn.supervision.api.duty.PowerItemStatus;
import cn.supervision.api.duty.PowerListGaps;
import cn.supervision.api.duty.PowerListImport;
import cn.supervision.api.duty.PowerListService;
import cn.supervision.api.health.HealthIndicator;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.Duty;
import cn.supervision.api.registry.DutyDirectory;
import cn.supervision.api.registry.Jurisdiction;
import cn.supervision.api.registry.Mandate;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitDraft;
import cn.supervision.api.registry.UnitStatus;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.security.Target;
import cn.supervision.api.tx.TransactionLock;
import cn.supervision.powerlist.internal.model.PowerItemEntity;
import cn.supervision.powerlist.internal.model.PowerListImportEntity;

/**
 * Power lists on OpenJPA. Authority comes from the registry's policy: reading is READ_REGISTRY on the unit, importing
 * ADMINISTER_REGISTRY on its jurisdiction. An import is checked whole before anything is written; an accepted one
 * supersedes the unit's current list in the same transaction. Nothing is ever deleted.
 */
public class JpaPowerListService implements PowerListService, HealthIndicator {
    public static final int MAX_ROWS = 5_000;
    static final int MAX_FILE_NAME = 255;
    private static final Caller SELF = Caller.system("power-list");

    private final JpaTemplate jpa;
    private final RegistryService registry;
    private final DutyDirectory duties;
    private final Clock clock;

    public JpaPowerListService(JpaTemplate jpa, RegistryService registry, DutyDirectory duties) {
        this(jpa, registry, duties, Clock.systemUTC());
    }

    JpaPowerListService(JpaTemplate jpa, RegistryService registry, DutyDirectory duties, Clock clock) {
        this.jpa = jpa;
        this.registry = registry;
        this.duties = duties;
        this.clock = clock;
    }

    @Override
    public String component() {
        return "power-list";
    }

    @Override
    public String problem() {
        try {
            jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select count(i) from PowerListImportEntity i", Long.class)
                    .getSingleResult());
            return null;
        } catch (RuntimeException e) {
            return "database not reachable: " + e.getMessage();
        }
    }

    // ------------------------------------------------------------------ authority

    /**
     * The unit, once the caller may read it (a unit user: its own unit only). A unit the caller may not read is
     * answered exactly like one that does not exist, so that ids cannot be probed.
     */
    private Unit visible(Caller caller, long unitId) {
        Unit unit;
        try {
            unit = registry.getUnit(SELF, unitId);
        } catch (SupervisionException e) {
            if (e.kind() == ProblemKind.NOT_FOUND) {
                throw notFound(unitId);
            }
            throw e;
        }
        if (!registry.access().may(caller, Operation.READ_REGISTRY, Target.unit(unit.jurisdictionCode(), unit.code()))) {
            throw notFound(unitId);
        }
        return unit;
    }

    private static SupervisionException notFound(long unitId) {
        return SupervisionException.notFound("单位 " + unitId + " 不存在");
    }

    private static void requireActive(Unit unit) {
        if (unit.status() != UnitStatus.ACTIVE) {
            throw SupervisionException.conflict("单位“" + unit.name() + "”" + unit.status().label() + "，不能导入权责清单");
        }
    }

    // ------------------------------------------------------------------ importing

    @Override
    public PowerListImport importList(Caller caller, long unitId, String fileName, List<PowerItemDraft> rows) {
        Unit unit = visible(caller, unitId);
        registry.access().require(caller, Operation.ADMINISTER_REGISTRY, unit.jurisdictionCode());
        requireActive(unit);
        FieldError size = sizeProblem(rows);
        if (size != null) {
            throw SupervisionException.invalid(size.field(), size.message());
        }
        SubjectRule subjects = new SubjectRule(unit, this::allUnits);
        // checked once before the lock (power-list:<unit>, in the database), so that a bad list keeps no other import of the unit waiting
        refuse(new RowValidator(activeDuties(unitId), subjects).check(rows));
        String name = fileName == null || fileName.isBlank() ? null : fileName.trim();
        if (name != null && name.length() > MAX_FILE_NAME) {
            name = name.substring(name.length() - MAX_FILE_NAME);
        }
        String file = name;
        return jpa.txExpr(TransactionType.Required, em -> {
            // two imports of one unit at once, on any nodes, would each supersede the other's list and leave two current
            // ones: the second waits here until the first has committed, then supersedes its list
            TransactionLock.hold(() -> em.unwrap(Connection.class), "power-list:" + unitId);
            // the mandate may have been revised since the first check: items must name the duties in force now
            Unit current = registry.getUnit(SELF, unitId);
            requireActive(current);
            RowValidator.Outcome outcome = refuse(new RowValidator(activeDuties(unitId), subjects).check(rows));
            return ImportWriter.write(em, clock.millis(), caller.username(), current, file, outcome.rows());
        });
    }

    @Override
    public List<FieldError> check(Caller caller, String jurisdictionCode, String unitCode, UnitDraft pending,
                                  List<PowerItemDraft> rows) {
        registry.access().require(caller, Operation.ADMINISTER_REGISTRY, jurisdictionCode);
        Unit registered = registered(jurisdictionCode, unitCode);
        if (registered != null) {
            requireActive(registered);
        }
        Unit unit;
        Map<Integer, Long> active;
        if (pending == null) {
            if (registered == null) {
                throw SupervisionException.notFound("行政区划 " + jurisdictionCode + " 没有编码为 " + unitCode + " 的单位");
            }
            unit = registered;
            active = activeDuties(registered.id());
        } else {
            Mandate mandate = pending.mandate() == null ? Mandate.EMPTY : pending.mandate();
            unit = new Unit(registered == null ? 0 : registered.id(), unitCode, pending.name(), pending.shortName(),
                    pending.kind(), jurisdictionCode, null, UnitStatus.ACTIVE, mandate, 0, null, null, null, null);
            active = new LinkedHashMap<>();
            for (Duty d : mandate.duties()) {
                active.putIfAbsent(d.number(), null);
            }
        }
        FieldError size = sizeProblem(rows);
        if (size != null) {
            return List.of(size);
        }
        return new RowValidator(active, new SubjectRule(unit, this::allUnits)).check(rows).errors();
    }

    /** Null when there is none, also when the jurisdiction itself is still to be registered (by a contribution). */
    private Unit registered(String jurisdictionCode, String unitCode) {
        List<Unit> units;
        try {
            units = registry.listUnits(SELF, jurisdictionCode, true);
        } catch (SupervisionException e) {
            if (e.kind() == ProblemKind.NOT_FOUND) {
                return null;
            }
            throw e;
        }
        return units.stream().filter(u -> u.code().equals(unitCode)).findFirst().orElse(null);
    }

    private Map<Integer, Long> activeDuties(long unitId) {
        return RowValidator.active(duties.duties(SELF, unitId, false));
    }

    private static FieldError sizeProblem(List<PowerItemDraft> rows) {
        if (rows == null || rows.isEmpty()) {
            return new FieldError("rows", "权责清单中没有事项");
        }
        if (rows.size() > MAX_ROWS) {
            return new FieldError("rows", "权责清单有 " + rows.size() + " 个事项，超过每次导入 " + MAX_ROWS + " 个的上限");
        }
        return null;
    }

    private static RowValidator.Outcome refuse(RowValidator.Outcome outcome) {
        if (!outcome.errors().isEmpty()) {
            throw SupervisionException.invalid("权责清单有 " + outcome.errors().size() + " 处错误，未导入任何事项", outcome.errors());
        }
        return outcome;
    }

    /** Every unit of every jurisdiction, whatever its status: an abolished unit is still not this unit. */
    private List<Unit> allUnits() {
        List<Unit> all = new ArrayList<>();
        for (Jurisdiction j : registry.listJurisdictions(SELF)) {
            all.addAll(registry.listUnits(SELF, j.code(), true));
        }
        return all;
    }

    // ------------------------------------------------------------------ reading

    @Override
    public List<PowerItem> items(Caller caller, long unitId, boolean includeSuperseded) {
        visible(caller, unitId);
        return jpa.txExpr(TransactionType.Supports, em -> {
            var q = em.createQuery("select i from PowerItemEntity i where i.unitId = :unit"
                    + (includeSuperseded ? "" : " and i.status = :current") + " order by i.importId desc, i.rowNumber, i.id",
                    PowerItemEntity.class).setParameter("unit", unitId);
            if (!includeSuperseded) {
                q.setParameter("current", PowerItemStatus.CURRENT);
            }
            return q.getResultList().stream().map(ImportWriter::toValue).toList();
        });
    }

    /**
     * Filtered in the query, not after it: a unit user of a large jurisdiction asks for its own unit's items only, and
     * the jurisdiction's other items are never loaded.
     */
    @Override
    public List<PowerItem> itemsOf(Caller caller, String jurisdictionCode) {
        registry.access().require(caller, Operation.READ_REGISTRY, jurisdictionCode);
        List<String> units = registry.listUnits(SELF, jurisdictionCode, true).stream().map(Unit::code).toList();
        List<String> readable = registry.access().filter(caller, Operation.READ_REGISTRY, units,
                code -> Target.unit(jurisdictionCode, code));
        if (readable.isEmpty()) {
            return List.of();
        }
        boolean whole = readable.size() == units.size();
        return jpa.txExpr(TransactionType.Supports, em -> {
            var q = em.createQuery("select i from PowerItemEntity i where i.jurisdictionCode = :code and i.status = :current"
                            + (whole ? "" : " and i.unitCode in :units") + " order by i.unitCode, i.rowNumber, i.id",
                    PowerItemEntity.class)
                    .setParameter("code", jurisdictionCode).setParameter("current", PowerItemStatus.CURRENT);
            if (!whole) {
                q.setParameter("units", readable);
            }
            return q.getResultList().stream().map(ImportWriter::toValue).toList();
        });
    }

    @Override
    public List<PowerListImport> imports(Caller caller, long unitId) {
        visible(caller, unitId);
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select i from PowerListImportEntity i where i.unitId = :unit"
                        + " order by i.id desc", PowerListImportEntity.class)
                .setParameter("unit", unitId).getResultList().stream().map(ImportWriter::toValue).toList());
    }

    @Override
    public PowerListGaps gaps(Caller caller, long unitId) {
        List<PowerItem> current = items(caller, unitId, false);
        return Gaps.of(unitId, current, duties.duties(caller, unitId, false));
    }
}
