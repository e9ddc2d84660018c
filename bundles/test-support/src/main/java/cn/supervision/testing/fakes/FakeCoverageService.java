package cn.supervision.testing.fakes;

import java.util.List;

import cn.supervision.api.duty.CoverageService;
import cn.supervision.api.duty.DutyCoverage;
import cn.supervision.api.duty.StaleDuty;
import cn.supervision.api.security.Caller;

/**
 * A {@link CoverageService} that answers nothing: every method throws, so a test subclasses it anonymously and
 * overrides only what the code under test calls (the compiler checks those overrides; default methods stay
 * inherited and run over them).
 */
public class FakeCoverageService implements CoverageService {
    @Override
    public DutyCoverage ofCampaign(Caller caller, long campaignId) {
        throw unused("ofCampaign");
    }

    @Override
    public DutyCoverage ofYear(Caller caller, String jurisdictionCode, int year) {
        throw unused("ofYear");
    }

    @Override
    public List<StaleDuty> notAssessed(Caller caller, String jurisdictionCode, int years, int untilYear) {
        throw unused("notAssessed");
    }

    private static UnsupportedOperationException unused(String method) {
        return new UnsupportedOperationException("CoverageService." + method + " is not used by this test");
    }
}
