package cn.supervision.api.registry;

import org.osgi.annotation.versioning.ProviderType;

import java.util.List;

import cn.supervision.api.security.Access;
import cn.supervision.api.security.Caller;

/**
 * Jurisdictions and the units under supervision. Every method is scoped by the caller's authority:
 * a caller sees its own jurisdiction and the jurisdictions below it, never a sibling or a parent.
 * Failures are {@link cn.supervision.api.problem.SupervisionException}s carrying the HTTP-like status.
 */
@ProviderType
public interface RegistryService {

    /** The platform's authority policy over the current jurisdiction tree: every service decides through it. */
    Access access();

    /** Jurisdictions the caller may see, parents before children. */
    List<Jurisdiction> listJurisdictions(Caller caller);

    Jurisdiction getJurisdiction(Caller caller, String code);

    /**
     * Registers a jurisdiction below an existing one, or confirms an existing one: GB/T 2260 codes must keep their
     * registered name and parent; a local code (development zone) may be added under a jurisdiction the caller
     * administers. Only the platform itself and city administrators may call it.
     */
    Jurisdiction registerJurisdiction(Caller caller, Jurisdiction jurisdiction);

    /** Units of one jurisdiction (not its children), ACTIVE only unless {@code includeInactive}. */
    List<Unit> listUnits(Caller caller, String jurisdictionCode, boolean includeInactive);

    Unit getUnit(Caller caller, long unitId);

    Unit createUnit(Caller caller, String jurisdictionCode, UnitDraft draft);

    /** Replaces name, kind, parent and mandate; the code may change only to one still unused. */
    Unit updateUnit(Caller caller, long unitId, UnitDraft draft);

    /**
     * As {@link #updateUnit(Caller, long, UnitDraft)}, and the unit's new revision carries {@code reason} (e.g. the
     * establishment proposal that decided the change), so the history links back to it. A registry that keeps no
     * history may ignore the reason.
     */
    default Unit updateUnit(Caller caller, long unitId, UnitDraft draft, String reason) {
        return updateUnit(caller, unitId, draft);
    }

    Unit changeStatus(Caller caller, long unitId, StatusCommand command);

    List<UnitRevision> history(Caller caller, long unitId);

    /** Validates every row first; writes all of them or none. */
    ImportResult importUnits(Caller caller, String jurisdictionCode, List<UnitDraft> drafts, ImportMode mode);
}
