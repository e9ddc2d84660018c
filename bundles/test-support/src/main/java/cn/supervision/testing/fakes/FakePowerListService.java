package cn.supervision.testing.fakes;

import java.util.List;

import cn.supervision.api.duty.PowerItem;
import cn.supervision.api.duty.PowerItemDraft;
import cn.supervision.api.duty.PowerListGaps;
import cn.supervision.api.duty.PowerListImport;
import cn.supervision.api.duty.PowerListService;
import cn.supervision.api.security.Caller;

/**
 * A {@link PowerListService} that answers nothing: every method throws, so a test subclasses it anonymously and
 * overrides only what the code under test calls (the compiler checks those overrides; default methods stay
 * inherited and run over them).
 */
public class FakePowerListService implements PowerListService {
    @Override
    public PowerListImport importList(Caller caller, long unitId, String fileName, List<PowerItemDraft> rows) {
        throw unused("importList");
    }

    @Override
    public List<PowerItem> items(Caller caller, long unitId, boolean includeSuperseded) {
        throw unused("items");
    }

    @Override
    public List<PowerItem> itemsOf(Caller caller, String jurisdictionCode) {
        throw unused("itemsOf");
    }

    @Override
    public List<PowerListImport> imports(Caller caller, long unitId) {
        throw unused("imports");
    }

    @Override
    public PowerListGaps gaps(Caller caller, long unitId) {
        throw unused("gaps");
    }

    private static UnsupportedOperationException unused(String method) {
        return new UnsupportedOperationException("PowerListService." + method + " is not used by this test");
    }
}
