package cn.supervision.testing.fakes;

import java.util.List;

import cn.supervision.api.followup.AccountabilityDraft;
import cn.supervision.api.followup.AccountabilityRecord;
import cn.supervision.api.followup.AccountabilityService;
import cn.supervision.api.followup.AccountabilityStatus;
import cn.supervision.api.security.Caller;

/**
 * A {@link AccountabilityService} that answers nothing: every method throws, so a test subclasses it anonymously and
 * overrides only what the code under test calls (the compiler checks those overrides; default methods stay
 * inherited and run over them).
 */
public class FakeAccountabilityService implements AccountabilityService {
    @Override
    public List<AccountabilityRecord> list(Caller caller, long findingId) {
        throw unused("list");
    }

    @Override
    public AccountabilityRecord get(Caller caller, long id) {
        throw unused("get");
    }

    @Override
    public AccountabilityRecord record(Caller caller, long findingId, AccountabilityDraft draft) {
        throw unused("record");
    }

    @Override
    public AccountabilityRecord moveTo(Caller caller, long id, AccountabilityStatus to, String note) {
        throw unused("moveTo");
    }

    private static UnsupportedOperationException unused(String method) {
        return new UnsupportedOperationException("AccountabilityService." + method + " is not used by this test");
    }
}
