package cn.supervision.meeting.internal;

import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.security.Access;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.security.Target;
import cn.supervision.meeting.internal.model.MeetingEntity;

/**
 * Who may read or manage meetings: the registry's {@link Access} (READ_MEETINGS, MANAGE_MEETINGS) by jurisdiction, and
 * for a DEPARTMENT reader only the meetings its department was invited to or attended.
 */
final class MeetingAccess {
    private final RegistryService registry;
    private final StoredJson json;

    MeetingAccess(RegistryService registry, StoredJson json) {
        this.registry = registry;
        this.json = json;
    }

    /** The policy as the registry has it now; a listing asks one and the same for every row. */
    Access access() {
        return registry.access();
    }

    void require(Caller caller, Operation operation, String jurisdictionCode) {
        access().require(caller, operation, jurisdictionCode);
    }

    /** A DEPARTMENT user reads only the meetings its department was invited to or attended; others as Access says. */
    boolean visible(Access access, Caller caller, MeetingEntity e) {
        if (!access.may(caller, Operation.READ_MEETINGS, Target.of(e.getJurisdictionCode()))) {
            return false;
        }
        if (caller.isSystem() || caller.departmentCode() == null) {
            return true;
        }
        String code = caller.departmentCode();
        return json.read(e.getDepartmentsJson(), StoredJson.DEPARTMENTS).stream().anyMatch(d -> d.code().equals(code))
                || json.read(e.getAttendeesJson(), StoredJson.ATTENDEES).stream().anyMatch(a -> code.equals(a.departmentCode()));
    }
}
