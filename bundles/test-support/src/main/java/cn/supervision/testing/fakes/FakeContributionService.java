package cn.supervision.testing.fakes;

import java.util.List;

import cn.supervision.api.contribution.Contribution;
import cn.supervision.api.contribution.ContributionEvent;
import cn.supervision.api.contribution.ContributionService;
import cn.supervision.api.security.Caller;

/**
 * A {@link ContributionService} that answers nothing: every method throws, so a test subclasses it anonymously and
 * overrides only what the code under test calls (the compiler checks those overrides; default methods stay
 * inherited and run over them).
 */
public class FakeContributionService implements ContributionService {
    @Override
    public List<Contribution> list(Caller caller) {
        throw unused("list");
    }

    @Override
    public void checkUploader(Caller caller, String jurisdictionCode) {
        throw unused("checkUploader");
    }

    @Override
    public List<ContributionEvent> events(Caller caller, long id) {
        throw unused("events");
    }

    @Override
    public List<ContributionEvent> recentEvents(Caller caller, int limit) {
        throw unused("recentEvents");
    }

    @Override
    public Contribution get(Caller caller, long id) {
        throw unused("get");
    }

    @Override
    public Contribution upload(Caller caller, byte[] jar) {
        throw unused("upload");
    }

    @Override
    public Contribution uninstall(Caller caller, long id) {
        throw unused("uninstall");
    }

    private static UnsupportedOperationException unused(String method) {
        return new UnsupportedOperationException("ContributionService." + method + " is not used by this test");
    }
}
