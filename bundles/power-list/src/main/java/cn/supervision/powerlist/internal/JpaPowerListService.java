package cn.supervision.powerlist.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.duty.PowerItem;
import cn.supervision.api.duty.PowerItemDraft;
import cn.supervision.api.duty.PowerItemStatus;
import cn.supervision.api.duty.PowerListGaps;
import cn.supervision.api.duty.PowerListImport;
import cn.supervision.api.duty.PowerListService;
import cn.supervision.api.health.HealthIndicator;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.DutyDirectory;
import cn.supervision.api.registry.DutyRecord;
import cn.supervision.api.registry.DutyStatus;
import cn.supervision.api.registry.Jurisdiction;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitStatus;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.security.Target;
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
    /** Two imports of one unit at once would each supersede the other's list and leave two current ones. */
    private final ConcurrentMap<Long, Object> unitLocks = new ConcurrentHashMap<>();

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

    /** The unit, once the caller may read it (a unit user: its own unit only). */
    private Unit readable(Caller caller, long unitId) {
        Unit unit = registry.getUnit(SELF, unitId);
        registry.access().require(caller, Operation.READ_REGISTRY, Target.unit(unit.jurisdictionCode(), unit.code()));
        return unit;
    }

    // ------------------------------------------------------------------ importing

    @Override
    public PowerListImport importList(Caller caller, long unitId, String fileName, List<PowerItemDraft> rows) {
        Unit unit = registry.getUnit(SELF, unitId);
        registry.access().require(caller, Operation.ADMINISTER_REGISTRY, unit.jurisdictionCode());
        if (unit.status() != UnitStatus.ACTIVE) {
            throw SupervisionException.conflict("单位“" + unit.name() + "”" + unit.status().label() + "，不能导入权责清单");
        }
        if (rows == null || rows.isEmpty()) {
            throw SupervisionException.invalid("rows", "权责清单中没有事项");
        }
        if (rows.size() > MAX_ROWS) {
            throw SupervisionException.invalid("rows", "权责清单有 " + rows.size() + " 个事项，超过每次导入 " + MAX_ROWS + " 个的上限");
        }
        List<DutyRecord> active = duties.duties(caller, unitId, false).stream()
                .filter(d -> d.status() == DutyStatus.ACTIVE).toList();
        RowValidator.Outcome outcome = new RowValidator(active, new SubjectRule(unit, this::allUnits)).check(rows);
        if (!outcome.errors().isEmpty()) {
            throw SupervisionException.invalid("权责清单有 " + outcome.errors().size() + " 处错误，未导入任何事项", outcome.errors());
        }
        String name = fileName == null || fileName.isBlank() ? null : fileName.trim();
        if (name != null && name.length() > MAX_FILE_NAME) {
            name = name.substring(name.length() - MAX_FILE_NAME);
        }
        String file = name;
        Object lock = unitLocks.computeIfAbsent(unitId, id -> new Object());
        synchronized (lock) {
            return jpa.txExpr(TransactionType.Required, em -> write(em, caller, unit, file, outcome.rows()));
        }
    }

    private PowerListImport write(EntityManager em, Caller caller, Unit unit, String fileName, List<RowValidator.Checked> rows) {
        long now = clock.millis();
        PowerListImportEntity imp = new PowerListImportEntity();
        imp.setUnitId(unit.id());
        imp.setUnitCode(unit.code());
        imp.setJurisdictionCode(unit.jurisdictionCode());
        imp.setFileName(fileName);
        imp.setItems(rows.size());
        imp.setImportedAt(now);
        imp.setImportedBy(caller.username());
        em.persist(imp);
        em.flush();
        int superseded = em.createQuery("update PowerItemEntity i set i.status = :superseded, i.supersededBy = :by"
                        + " where i.unitId = :unit and i.status = :current")
                .setParameter("superseded", PowerItemStatus.SUPERSEDED).setParameter("by", imp.getId())
                .setParameter("unit", unit.id()).setParameter("current", PowerItemStatus.CURRENT).executeUpdate();
        imp.setSuperseded(superseded);
        for (RowValidator.Checked c : rows) {
            PowerItemDraft d = c.draft();
            PowerItemEntity e = new PowerItemEntity();
            e.setImportId(imp.getId());
            e.setUnitId(unit.id());
            e.setUnitCode(unit.code());
            e.setJurisdictionCode(unit.jurisdictionCode());
            e.setRowNumber(d.row());
            e.setCode(d.code().trim());
            e.setName(d.name().trim());
            e.setType(c.type());
            e.setBasis(text(d.basis()));
            e.setSubject(text(d.subject()));
            e.setResponsibilities(text(d.responsibilities()));
            e.setAccountability(text(d.accountability()));
            e.setDutyId(c.dutyId());
            e.setDutyNumber(d.dutyNumber());
            e.setStatus(PowerItemStatus.CURRENT);
            e.setImportedAt(now);
            e.setImportedBy(caller.username());
            em.persist(e);
        }
        return toValue(imp);
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.trim();
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
        readable(caller, unitId);
        return jpa.txExpr(TransactionType.Supports, em -> {
            var q = em.createQuery("select i from PowerItemEntity i where i.unitId = :unit"
                    + (includeSuperseded ? "" : " and i.status = :current") + " order by i.importId desc, i.rowNumber, i.id",
                    PowerItemEntity.class).setParameter("unit", unitId);
            if (!includeSuperseded) {
                q.setParameter("current", PowerItemStatus.CURRENT);
            }
            return q.getResultList().stream().map(JpaPowerListService::toValue).toList();
        });
    }

    @Override
    public List<PowerItem> itemsOf(Caller caller, String jurisdictionCode) {
        registry.access().require(caller, Operation.READ_REGISTRY, jurisdictionCode);
        List<PowerItem> found = jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select i from PowerItemEntity i"
                        + " where i.jurisdictionCode = :code and i.status = :current order by i.unitCode, i.rowNumber, i.id",
                        PowerItemEntity.class)
                .setParameter("code", jurisdictionCode).setParameter("current", PowerItemStatus.CURRENT)
                .getResultList().stream().map(JpaPowerListService::toValue).toList());
        return registry.access().filter(caller, Operation.READ_REGISTRY, found, i -> Target.unit(i.jurisdictionCode(), i.unitCode()));
    }

    @Override
    public List<PowerListImport> imports(Caller caller, long unitId) {
        readable(caller, unitId);
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select i from PowerListImportEntity i where i.unitId = :unit"
                        + " order by i.id desc", PowerListImportEntity.class)
                .setParameter("unit", unitId).getResultList().stream().map(JpaPowerListService::toValue).toList());
    }

    @Override
    public PowerListGaps gaps(Caller caller, long unitId) {
        List<PowerItem> current = items(caller, unitId, false);
        return Gaps.of(unitId, current, duties.duties(caller, unitId, false));
    }

    // ------------------------------------------------------------------ values

    static PowerItem toValue(PowerItemEntity e) {
        return new PowerItem(e.getId(), e.getUnitId(), e.getUnitCode(), e.getJurisdictionCode(), e.getCode(), e.getName(),
                e.getType(), e.getBasis(), e.getSubject(), e.getResponsibilities(), e.getAccountability(), e.getDutyId(),
                e.getDutyNumber(), e.getStatus(), e.getImportId(), Instant.ofEpochMilli(e.getImportedAt()), e.getImportedBy());
    }

    static PowerListImport toValue(PowerListImportEntity e) {
        return new PowerListImport(e.getId(), e.getUnitId(), e.getJurisdictionCode(), e.getFileName(), e.getItems(),
                e.getSuperseded(), Instant.ofEpochMilli(e.getImportedAt()), e.getImportedBy());
    }
}
