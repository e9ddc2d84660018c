package cn.supervision.report.internal;

import javax.persistence.EntityManager;

import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.security.Access;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.report.internal.model.SpecialReportEntity;

/**
 * Who may read or work on a report: the registry's {@link Access} (READ_SPECIAL_REPORTS, MANAGE_SPECIAL_REPORTS,
 * INSTRUCT) by jurisdiction, and a leader acting as such ({@link Leaders#actsAsLeader}) only on the reports sent to him.
 */
final class ReportAccess {
    private final RegistryService registry;

    ReportAccess(RegistryService registry) {
        this.registry = registry;
    }

    /** The policy as the registry has it now. */
    Access access() {
        return registry.access();
    }

    void require(Caller caller, Operation operation, String jurisdictionCode) {
        registry.access().require(caller, operation, jurisdictionCode);
    }

    /** READ_SPECIAL_REPORTS, and for a leader: the report was sent to him. */
    boolean readable(EntityManager em, Caller caller, SpecialReportEntity e) {
        if (!registry.access().may(caller, Operation.READ_SPECIAL_REPORTS, e.getJurisdictionCode())) {
            return false;
        }
        return !Leaders.actsAsLeader(caller) || Rows.recipient(em, e.getId(), caller.username()) != null;
    }

    /** The report, once {@link #readable} (404 when there is none, 403 naming the leader it was not sent to). */
    SpecialReportEntity requireReadable(EntityManager em, Caller caller, long id) {
        SpecialReportEntity e = Rows.find(em, id);
        registry.access().require(caller, Operation.READ_SPECIAL_REPORTS, e.getJurisdictionCode());
        if (Leaders.actsAsLeader(caller) && Rows.recipient(em, id, caller.username()) == null) {
            throw SupervisionException.forbidden("监管专报 #" + id + " 未报送给 " + caller.username());
        }
        return e;
    }
}
