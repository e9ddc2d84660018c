package cn.supervision.api.registry;

import org.osgi.annotation.versioning.ProviderType;

import java.util.List;

import cn.supervision.api.security.Caller;

/**
 * Staffing in use per unit, with history (the registry bundle implements it). Reading follows
 * {@code Operation.READ_REGISTRY}, recording {@code ADMINISTER_REGISTRY}.
 */
@ProviderType
public interface StaffingService {

    /** The latest figures of every unit of the jurisdiction that has any. */
    List<StaffingInUse> current(Caller caller, String jurisdictionCode);

    /** Every recording of one unit, oldest first. */
    List<StaffingInUse> history(Caller caller, long unitId);

    /** Validates every row, then writes all or none (figures ≥ 0, asOf not in the future, units of the jurisdiction). */
    List<StaffingInUse> record(Caller caller, String jurisdictionCode, List<StaffingInUse> figures);
}
