package cn.supervision.api.registry;

import org.osgi.annotation.versioning.ProviderType;

import java.util.List;

import cn.supervision.api.security.Caller;

/**
 * The main duties of the units, as records with stable ids (the registry keeps them in step with every mandate
 * revision). Authority: {@code Operation.READ_REGISTRY} on the unit (a unit user sees its own unit's duties only).
 */
@ProviderType
public interface DutyDirectory {

    /** The unit's duties in number order; retired ones (by the revision that dropped them) only if asked. */
    List<DutyRecord> duties(Caller caller, long unitId, boolean includeRetired);

    /**
     * Every duty of the units of one jurisdiction (not its children), units of every status, ordered by unit then
     * number; retired duties only if asked. Callers that may not read every unit are refused (forbidden).
     */
    List<DutyRecord> dutiesOf(Caller caller, String jurisdictionCode, boolean includeRetired);

    DutyRecord duty(Caller caller, long dutyId);
}
