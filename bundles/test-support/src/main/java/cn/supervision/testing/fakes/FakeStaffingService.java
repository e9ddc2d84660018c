package cn.supervision.testing.fakes;

import java.util.List;

import cn.supervision.api.registry.StaffingInUse;
import cn.supervision.api.registry.StaffingService;
import cn.supervision.api.security.Caller;

/**
 * A {@link StaffingService} that answers nothing: every method throws, so a test subclasses it anonymously and
 * overrides only what the code under test calls (the compiler checks those overrides; default methods stay
 * inherited and run over them).
 */
public class FakeStaffingService implements StaffingService {
    @Override
    public List<StaffingInUse> current(Caller caller, String jurisdictionCode) {
        throw unused("current");
    }

    @Override
    public List<StaffingInUse> history(Caller caller, long unitId) {
        throw unused("history");
    }

    @Override
    public List<StaffingInUse> record(Caller caller, String jurisdictionCode, List<StaffingInUse> figures) {
        throw unused("record");
    }

    private static UnsupportedOperationException unused(String method) {
        return new UnsupportedOperationException("StaffingService." + method + " is not used by this test");
    }
}
