package cn.supervision.api.cooperation;

import org.osgi.annotation.versioning.ProviderType;

import java.util.List;
import java.util.Optional;

/**
 * Lookup of cooperating departments for other domain bundles (tasks, meetings): no caller, no authority — callers
 * have already been checked by the service that asks. People reach departments through {@code CooperationService}.
 */
@ProviderType
public interface DepartmentDirectory {

    Optional<Department> find(String jurisdictionCode, String code);

    /** Active departments of one jurisdiction, by code. */
    List<Department> active(String jurisdictionCode);
}
