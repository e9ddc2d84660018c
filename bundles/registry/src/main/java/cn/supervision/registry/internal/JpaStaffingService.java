package cn.supervision.registry.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.StaffingInUse;
import cn.supervision.api.registry.StaffingService;
import cn.supervision.api.registry.UnitStatus;
import cn.supervision.api.security.Access;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.security.Target;
import cn.supervision.registry.internal.model.StaffingEntity;
import cn.supervision.registry.internal.model.UnitEntity;

/**
 * Staffing in use (实有人员) on OpenJPA. Every recording is kept; a unit's current figures are its recording with the
 * latest date (of two for the same date, the later recording: a correction). Authority is the registry's.
 */
public class JpaStaffingService implements StaffingService {
    private static final Logger LOG = LoggerFactory.getLogger(JpaStaffingService.class);
    static final int MAX_ROWS = 5_000;

    private final JpaTemplate jpa;
    private final RegistryService registry;
    private final Clock clock;

    public JpaStaffingService(JpaTemplate jpa, RegistryService registry) {
        this(jpa, registry, Clock.systemDefaultZone());
    }

    JpaStaffingService(JpaTemplate jpa, RegistryService registry, Clock clock) {
        this.jpa = jpa;
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public List<StaffingInUse> current(Caller caller, String jurisdictionCode) {
        Access access = registry.access();
        access.require(caller, Operation.READ_REGISTRY, jurisdictionCode);
        Map<Long, String> codes = unitCodes(jurisdictionCode);
        List<StaffingEntity> rows = jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "select s from StaffingEntity s where s.jurisdictionCode = :j order by s.unitId, s.asOfDay, s.id",
                        StaffingEntity.class).setParameter("j", jurisdictionCode).getResultList());
        Map<Long, StaffingEntity> latest = new LinkedHashMap<>();
        rows.forEach(r -> latest.put(r.getUnitId(), r)); // ordered oldest first: the last one per unit wins
        return latest.values().stream()
                .filter(r -> access.may(caller, Operation.READ_REGISTRY, Target.unit(jurisdictionCode, codes.get(r.getUnitId()))))
                .map(StaffingEntity::toValue).toList();
    }

    @Override
    public List<StaffingInUse> history(Caller caller, long unitId) {
        registry.getUnit(caller, unitId); // 404 or 403 as the registry decides
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "select s from StaffingEntity s where s.unitId = :u order by s.asOfDay, s.id", StaffingEntity.class)
                .setParameter("u", unitId).getResultList().stream().map(StaffingEntity::toValue).toList());
    }

    @Override
    public List<StaffingInUse> record(Caller caller, String jurisdictionCode, List<StaffingInUse> figures) {
        registry.access().require(caller, Operation.ADMINISTER_REGISTRY, jurisdictionCode);
        if (figures == null || figures.isEmpty()) {
            throw SupervisionException.invalid("rows", "没有可登记的实有人员数据");
        }
        if (figures.size() > MAX_ROWS) {
            throw SupervisionException.invalid("rows", "一次最多登记 " + MAX_ROWS + " 行");
        }
        Map<Long, String> codes = unitCodes(jurisdictionCode);
        Set<Long> active = activeUnits(jurisdictionCode);
        LocalDate today = LocalDate.now(clock);
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < figures.size(); i++) {
            errors.addAll(problems(figures.get(i), "rows[" + i + "]", codes, active, today, seen));
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("实有人员数据有 " + errors.size() + " 处错误，未登记任何一行", errors);
        }
        Instant now = clock.instant();
        List<StaffingInUse> clean = figures.stream().map(f -> new StaffingInUse(f.unitId(), f.asOf(), f.administrativeStaff(),
                f.institutionalStaff(), f.extraStaff(), f.leadershipPostsFilled(), caller.username(), now)).toList();
        jpa.tx(TransactionType.Required, em -> clean.forEach(s -> em.persist(new StaffingEntity(jurisdictionCode, s))));
        LOG.info("Staffing in use: {} rows recorded for {} by {}", clean.size(), jurisdictionCode, caller.username());
        return clean;
    }

    /** Every problem of one row, each naming its field, so an import reports them all at once. */
    static List<FieldError> problems(StaffingInUse f, String prefix, Map<Long, String> codes, Set<Long> active,
                                     LocalDate today, Set<String> seen) {
        List<FieldError> errors = new ArrayList<>();
        if (f == null) {
            errors.add(new FieldError(prefix, "空行"));
            return errors;
        }
        if (!codes.containsKey(f.unitId())) {
            errors.add(new FieldError(prefix + ".unitId", "单位 " + f.unitId() + " 不是本行政区划的单位"));
        } else if (!active.contains(f.unitId())) {
            errors.add(new FieldError(prefix + ".unitId", "单位 " + codes.get(f.unitId()) + " 已不是存续状态"));
        }
        if (f.asOf() == null) {
            errors.add(new FieldError(prefix + ".asOf", "必须填写统计日期"));
        } else if (f.asOf().isAfter(today)) {
            errors.add(new FieldError(prefix + ".asOf", "统计日期 " + f.asOf() + " 不能晚于今天（" + today + "）"));
        } else if (!seen.add(f.unitId() + "@" + f.asOf())) {
            errors.add(new FieldError(prefix + ".asOf", "同一单位同一统计日期在本次数据中重复"));
        }
        nonNegative(errors, prefix + ".administrativeStaff", "行政实有", f.administrativeStaff());
        nonNegative(errors, prefix + ".institutionalStaff", "事业实有", f.institutionalStaff());
        nonNegative(errors, prefix + ".extraStaff", "编外人员", f.extraStaff());
        nonNegative(errors, prefix + ".leadershipPostsFilled", "领导职数实配", f.leadershipPostsFilled());
        return errors;
    }

    private static void nonNegative(List<FieldError> errors, String field, String label, int value) {
        if (value < 0) {
            errors.add(new FieldError(field, label + "不能为负数（" + value + "）"));
        }
    }

    private Map<Long, String> unitCodes(String jurisdictionCode) {
        Map<Long, String> out = new HashMap<>();
        units(jurisdictionCode).forEach(u -> out.put(u.getId(), u.getCode()));
        return out;
    }

    private Set<Long> activeUnits(String jurisdictionCode) {
        Set<Long> out = new HashSet<>();
        units(jurisdictionCode).stream().filter(u -> u.getStatus() == UnitStatus.ACTIVE).forEach(u -> out.add(u.getId()));
        return out;
    }

    private List<UnitEntity> units(String jurisdictionCode) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "select u from UnitEntity u where u.jurisdictionCode = :j", UnitEntity.class)
                .setParameter("j", jurisdictionCode).getResultList());
    }
}
