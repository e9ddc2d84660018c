package cn.supervision.task.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.supervision.api.cooperation.Department;
import cn.supervision.api.cooperation.DepartmentDirectory;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitStatus;
import cn.supervision.api.security.Caller;
import cn.supervision.api.task.OwnerKind;

/**
 * Owner resolution: a UNIT must be an active unit of the task's jurisdiction, a DEPARTMENT an active cooperating
 * department of it, the OFFICE is the jurisdiction's staffing office (no code). The caller's authority over the
 * jurisdiction has been checked before; the lookups run as the platform.
 */
final class Owners {
    private static final Caller LOOKUP = Caller.system("system:tasks");
    private final RegistryService registry;
    /** Empty while the cooperation bundle is not installed: departments cannot own tasks then. */
    private final List<DepartmentDirectory> departments;

    record Owner(OwnerKind kind, String code, String name) { }

    Owners(RegistryService registry, List<DepartmentDirectory> departments) {
        this.registry = registry;
        this.departments = departments;
    }

    /** Resolves one jurisdiction's owners, reading its units once. */
    Resolver in(String jurisdictionCode) {
        return new Resolver(jurisdictionCode);
    }

    final class Resolver {
        private final String jurisdictionCode;
        private Map<String, Unit> units;
        private String officeName;

        private Resolver(String jurisdictionCode) {
            this.jurisdictionCode = jurisdictionCode;
        }

        /** The owner, or null with the problem added to {@code errors} under {@code field}. */
        Owner resolve(OwnerKind kind, String code, String field, List<FieldError> errors) {
            String c = code == null || code.isBlank() ? null : code.trim();
            switch (kind) {
                case OFFICE -> {
                    if (c != null) {
                        errors.add(new FieldError(field, "由机构编制部门办理的事项不填责任方代码"));
                        return null;
                    }
                    return new Owner(kind, null, officeName());
                }
                case UNIT -> {
                    if (c == null) {
                        errors.add(new FieldError(field, "必须指定责任单位代码"));
                        return null;
                    }
                    Unit u = units().get(c);
                    if (u == null) {
                        errors.add(new FieldError(field, "单位 " + c + " 不是行政区划 " + jurisdictionCode + " 的在册单位"));
                        return null;
                    }
                    return new Owner(kind, c, u.name());
                }
                case DEPARTMENT -> {
                    if (c == null) {
                        errors.add(new FieldError(field, "必须指定协作部门代码"));
                        return null;
                    }
                    if (departments.isEmpty()) {
                        errors.add(new FieldError(field, "协作部门目录不可用，暂不能交办协作部门"));
                        return null;
                    }
                    Optional<Department> d = departments.get(0).find(jurisdictionCode, c);
                    if (d.isEmpty() || !d.get().active()) {
                        errors.add(new FieldError(field, "协作部门 " + c + " 不是行政区划 " + jurisdictionCode + " 的在册协作部门"));
                        return null;
                    }
                    return new Owner(kind, c, d.get().name());
                }
                default -> throw new IllegalStateException("owner kind " + kind);
            }
        }

        private Map<String, Unit> units() {
            if (units == null) {
                units = registry.listUnits(LOOKUP, jurisdictionCode, false).stream()
                        .filter(u -> u.status() == UnitStatus.ACTIVE && jurisdictionCode.equals(u.jurisdictionCode()))
                        .collect(Collectors.toMap(Unit::code, Function.identity(), (a, b) -> a));
            }
            return units;
        }

        private String officeName() {
            if (officeName == null) {
                officeName = registry.getJurisdiction(LOOKUP, jurisdictionCode).name() + "委编办";
            }
            return officeName;
        }
    }
}
