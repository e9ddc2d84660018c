package cn.supervision.testing.fakes;

import java.util.List;

import cn.supervision.api.schedule.PassResult;
import cn.supervision.api.schedule.Scheduler;
import cn.supervision.api.security.Caller;

/**
 * A {@link Scheduler} that answers nothing: every method throws, so a test subclasses it anonymously and
 * overrides only what the code under test calls (the compiler checks those overrides; default methods stay
 * inherited and run over them).
 */
public class FakeScheduler implements Scheduler {
    @Override
    public List<PassResult> runNow(Caller caller, String pass) {
        throw unused("runNow");
    }

    @Override
    public List<PassResult> history(Caller caller, int limit) {
        throw unused("history");
    }

    private static UnsupportedOperationException unused(String method) {
        return new UnsupportedOperationException("Scheduler." + method + " is not used by this test");
    }
}
