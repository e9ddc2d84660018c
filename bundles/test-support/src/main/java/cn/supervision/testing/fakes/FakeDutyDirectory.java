package cn.supervision.testing.fakes;

import java.util.List;

import cn.supervision.api.registry.DutyDirectory;
import cn.supervision.api.registry.DutyRecord;
import cn.supervision.api.security.Caller;

/**
 * A {@link DutyDirectory} that answers nothing: every method throws, so a test subclasses it anonymously and
 * overrides only what the code under test calls (the compiler checks those overrides; default methods stay
 * inherited and run over them).
 */
public class FakeDutyDirectory implements DutyDirectory {
    @Override
    public List<DutyRecord> duties(Caller caller, long unitId, boolean includeRetired) {
        throw unused("duties");
    }

    @Override
    public List<DutyRecord> dutiesOf(Caller caller, String jurisdictionCode, boolean includeRetired) {
        throw unused("dutiesOf");
    }

    @Override
    public DutyRecord duty(Caller caller, long dutyId) {
        throw unused("duty");
    }

    private static UnsupportedOperationException unused(String method) {
        return new UnsupportedOperationException("DutyDirectory." + method + " is not used by this test");
    }
}
