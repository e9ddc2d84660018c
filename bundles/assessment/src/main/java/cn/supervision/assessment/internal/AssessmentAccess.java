package cn.supervision.assessment.internal;

import java.util.List;

import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.security.Access;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.security.Target;

/**
 * Who may read or configure a jurisdiction's assessment of a year: the registry's {@link Access}, READ_RESULTS on the
 * jurisdiction's published results to read, MANAGE_ASSESSMENT to configure and decide; and the years an assessment may
 * have. The jurisdiction's units are read as the platform ({@link #PLATFORM}), whoever asks; what a caller sees is then
 * filtered unit by unit.
 */
final class AssessmentAccess {
    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;
    /** The platform's own caller: published campaigns and the registry's units are read as it, whoever asks. */
    static final Caller PLATFORM = Caller.system("assessment");

    private final RegistryService registry;

    AssessmentAccess(RegistryService registry) {
        this.registry = registry;
    }

    /** The policy as the registry has it now. */
    Access policy() {
        return registry.access();
    }

    static void checkYear(int year) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw SupervisionException.invalid("year", "年度须在 " + MIN_YEAR + " 至 " + MAX_YEAR + " 之间");
        }
    }

    /** To read a jurisdiction's assessment: the jurisdiction given, READ_RESULTS on its published results, a valid year. */
    void requireRead(Caller caller, String jurisdictionCode, int year) {
        if (jurisdictionCode == null || jurisdictionCode.isBlank()) {
            throw SupervisionException.invalid("jurisdictionCode", "必填");
        }
        registry.access().require(caller, Operation.READ_RESULTS, new Target(jurisdictionCode, null, true));
        checkYear(year);
    }

    /** To configure a jurisdiction's assessment: the jurisdiction given, MANAGE_ASSESSMENT there, a valid year. */
    void requireManage(Caller caller, String jurisdictionCode, int year) {
        if (jurisdictionCode == null || jurisdictionCode.isBlank()) {
            throw SupervisionException.invalid("jurisdictionCode", "必填");
        }
        registry.access().require(caller, Operation.MANAGE_ASSESSMENT, jurisdictionCode);
        checkYear(year);
    }

    /** Whether the caller is the jurisdiction's own office, the only one whose reads store the reconciliation. */
    boolean manages(Caller caller, String jurisdictionCode) {
        return registry.access().may(caller, Operation.MANAGE_ASSESSMENT, jurisdictionCode);
    }

    /** The jurisdiction's units, as the platform reads them. */
    List<Unit> units(String jurisdictionCode) {
        return registry.listUnits(PLATFORM, jurisdictionCode, true);
    }
}
