package cn.supervision.testing.fakes;

import java.util.List;

import cn.supervision.api.followup.Finding;
import cn.supervision.api.followup.FindingDraft;
import cn.supervision.api.followup.FindingService;
import cn.supervision.api.followup.FindingState;
import cn.supervision.api.followup.GenerationRule;
import cn.supervision.api.security.Caller;

/**
 * A {@link FindingService} that answers nothing: every method throws, so a test subclasses it anonymously and
 * overrides only what the code under test calls (the compiler checks those overrides; default methods stay
 * inherited and run over them).
 */
public class FakeFindingService implements FindingService {
    @Override
    public List<Finding> list(Caller caller, String jurisdictionCode, Long unitId, FindingState state, int offset, int limit) {
        throw unused("list");
    }

    @Override
    public Finding get(Caller caller, long id) {
        throw unused("get");
    }

    @Override
    public Finding create(Caller caller, String jurisdictionCode, FindingDraft draft) {
        throw unused("create");
    }

    @Override
    public List<FindingDraft> preview(Caller caller, long campaignId, GenerationRule rule) {
        throw unused("preview");
    }

    @Override
    public List<Finding> generate(Caller caller, long campaignId, GenerationRule rule) {
        throw unused("generate");
    }

    @Override
    public Finding withdraw(Caller caller, long id, String reason) {
        throw unused("withdraw");
    }

    @Override
    public Finding moveTo(Caller caller, long id, FindingState state, Long noticeId, String reason) {
        throw unused("moveTo");
    }

    private static UnsupportedOperationException unused(String method) {
        return new UnsupportedOperationException("FindingService." + method + " is not used by this test");
    }
}
