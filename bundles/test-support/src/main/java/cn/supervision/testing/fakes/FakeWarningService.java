package cn.supervision.testing.fakes;

import java.util.List;

import cn.supervision.api.security.Caller;
import cn.supervision.api.warning.Warning;
import cn.supervision.api.warning.WarningLevel;
import cn.supervision.api.warning.WarningService;
import cn.supervision.api.warning.WarningState;
import cn.supervision.api.warning.WarningSummary;
import cn.supervision.api.warning.WarningTransition;

/**
 * A {@link WarningService} that answers nothing: every method throws, so a test subclasses it anonymously and
 * overrides only what the code under test calls (the compiler checks those overrides; default methods stay
 * inherited and run over them).
 */
public class FakeWarningService implements WarningService {
    @Override
    public List<Warning> list(Caller caller, String jurisdictionCode, WarningLevel level, WarningState state, Long unitId) {
        throw unused("list");
    }

    @Override
    public Warning get(Caller caller, long id) {
        throw unused("get");
    }

    @Override
    public List<WarningTransition> history(Caller caller, long id) {
        throw unused("history");
    }

    @Override
    public Warning dispatch(Caller caller, long id, String reason) {
        throw unused("dispatch");
    }

    @Override
    public Warning verify(Caller caller, long id, String reason) {
        throw unused("verify");
    }

    @Override
    public Warning close(Caller caller, long id, String reason) {
        throw unused("close");
    }

    @Override
    public Warning convert(Caller caller, long id, String reason) {
        throw unused("convert");
    }

    @Override
    public WarningSummary summary(Caller caller, String jurisdictionCode) {
        throw unused("summary");
    }

    @Override
    public List<Warning> evaluate(Caller caller, String jurisdictionCode) {
        throw unused("evaluate");
    }

    private static UnsupportedOperationException unused(String method) {
        return new UnsupportedOperationException("WarningService." + method + " is not used by this test");
    }
}
