package cn.supervision.testing.fakes;

import java.util.List;

import cn.supervision.api.duty.AnalysisRun;
import cn.supervision.api.duty.DutyAnalysisService;
import cn.supervision.api.duty.DutyProposal;
import cn.supervision.api.duty.ProposalKind;
import cn.supervision.api.duty.ProposalState;
import cn.supervision.api.security.Caller;

/**
 * A {@link DutyAnalysisService} that answers nothing: every method throws, so a test subclasses it anonymously and
 * overrides only what the code under test calls (the compiler checks those overrides; default methods stay
 * inherited and run over them).
 */
public class FakeDutyAnalysisService implements DutyAnalysisService {
    @Override
    public AnalysisRun analyse(Caller caller, String jurisdictionCode) {
        throw unused("analyse");
    }

    @Override
    public List<DutyProposal> proposals(Caller caller, String jurisdictionCode, ProposalKind kind, ProposalState state) {
        throw unused("proposals");
    }

    @Override
    public DutyProposal get(Caller caller, long id) {
        throw unused("get");
    }

    @Override
    public DutyProposal confirm(Caller caller, long id, String reason) {
        throw unused("confirm");
    }

    @Override
    public DutyProposal dismiss(Caller caller, long id, String reason) {
        throw unused("dismiss");
    }

    private static UnsupportedOperationException unused(String method) {
        return new UnsupportedOperationException("DutyAnalysisService." + method + " is not used by this test");
    }
}
