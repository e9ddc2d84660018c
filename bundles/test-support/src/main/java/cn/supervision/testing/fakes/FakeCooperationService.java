package cn.supervision.testing.fakes;

import java.util.List;

import cn.supervision.api.cooperation.CooperationService;
import cn.supervision.api.cooperation.Department;
import cn.supervision.api.cooperation.DepartmentDraft;
import cn.supervision.api.cooperation.FileContent;
import cn.supervision.api.cooperation.Referral;
import cn.supervision.api.cooperation.ReferralDraft;
import cn.supervision.api.cooperation.ReferralEvidence;
import cn.supervision.api.cooperation.ReferralFeedback;
import cn.supervision.api.cooperation.ReferralState;
import cn.supervision.api.cooperation.Share;
import cn.supervision.api.cooperation.ShareDraft;
import cn.supervision.api.security.Caller;

/**
 * A {@link CooperationService} that answers nothing: every method throws, so a test subclasses it anonymously and
 * overrides only what the code under test calls (the compiler checks those overrides; default methods stay
 * inherited and run over them).
 */
public class FakeCooperationService implements CooperationService {
    @Override
    public List<Department> departments(Caller caller, String jurisdictionCode, boolean includeInactive) {
        throw unused("departments");
    }

    @Override
    public Department department(Caller caller, long id) {
        throw unused("department");
    }

    @Override
    public Department register(Caller caller, String jurisdictionCode, DepartmentDraft draft) {
        throw unused("register");
    }

    @Override
    public Department update(Caller caller, long id, DepartmentDraft draft) {
        throw unused("update");
    }

    @Override
    public Department deactivate(Caller caller, long id, String reason) {
        throw unused("deactivate");
    }

    @Override
    public Share share(Caller caller, ShareDraft draft) {
        throw unused("share");
    }

    @Override
    public List<Share> shares(Caller caller, String jurisdictionCode) {
        throw unused("shares");
    }

    @Override
    public Share getShare(Caller caller, long id) {
        throw unused("getShare");
    }

    @Override
    public Share markRead(Caller caller, long id) {
        throw unused("markRead");
    }

    @Override
    public FileContent sharedDocument(Caller caller, long shareId, long documentId) {
        throw unused("sharedDocument");
    }

    @Override
    public Referral refer(Caller caller, ReferralDraft draft) {
        throw unused("refer");
    }

    @Override
    public void checkUpload(Caller caller, long referralId) {
        throw unused("checkUpload");
    }

    @Override
    public ReferralEvidence attach(Caller caller, long referralId, String fileName, byte[] content) {
        throw unused("attach");
    }

    @Override
    public List<Referral> referrals(Caller caller, String jurisdictionCode, ReferralState state) {
        throw unused("referrals");
    }

    @Override
    public Referral referral(Caller caller, long id) {
        throw unused("referral");
    }

    @Override
    public Referral acknowledge(Caller caller, long id, String note) {
        throw unused("acknowledge");
    }

    @Override
    public Referral feedback(Caller caller, long id, ReferralFeedback feedback) {
        throw unused("feedback");
    }

    @Override
    public FileContent evidence(Caller caller, long referralId, long evidenceId) {
        throw unused("evidence");
    }

    @Override
    public List<Referral> overdue(Caller caller, String jurisdictionCode) {
        throw unused("overdue");
    }

    private static UnsupportedOperationException unused(String method) {
        return new UnsupportedOperationException("CooperationService." + method + " is not used by this test");
    }
}
