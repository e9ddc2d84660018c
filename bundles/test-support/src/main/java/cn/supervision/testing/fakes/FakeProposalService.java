package cn.supervision.testing.fakes;

import java.util.List;

import cn.supervision.api.proposal.Proposal;
import cn.supervision.api.proposal.ProposalDraft;
import cn.supervision.api.proposal.ProposalService;
import cn.supervision.api.proposal.ProposalState;
import cn.supervision.api.proposal.ProposalTransition;
import cn.supervision.api.security.Caller;

/**
 * A {@link ProposalService} that answers nothing: every method throws, so a test subclasses it anonymously and
 * overrides only what the code under test calls (the compiler checks those overrides; default methods stay
 * inherited and run over them).
 */
public class FakeProposalService implements ProposalService {
    @Override
    public List<Proposal> list(Caller caller, String jurisdictionCode, ProposalState state) {
        throw unused("list");
    }

    @Override
    public Proposal get(Caller caller, long id) {
        throw unused("get");
    }

    @Override
    public Proposal create(Caller caller, String jurisdictionCode, ProposalDraft draft) {
        throw unused("create");
    }

    @Override
    public Proposal update(Caller caller, long id, ProposalDraft draft) {
        throw unused("update");
    }

    @Override
    public Proposal submit(Caller caller, long id) {
        throw unused("submit");
    }

    @Override
    public Proposal approve(Caller caller, long id) {
        throw unused("approve");
    }

    @Override
    public Proposal returnForRevision(Caller caller, long id, String reason) {
        throw unused("returnForRevision");
    }

    @Override
    public Proposal apply(Caller caller, long id) {
        throw unused("apply");
    }

    @Override
    public List<ProposalTransition> history(Caller caller, long id) {
        throw unused("history");
    }

    private static UnsupportedOperationException unused(String method) {
        return new UnsupportedOperationException("ProposalService." + method + " is not used by this test");
    }
}
