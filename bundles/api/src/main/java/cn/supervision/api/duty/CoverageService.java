package cn.supervision.api.duty;

import org.osgi.annotation.versioning.ProviderType;

import java.util.List;

import cn.supervision.api.security.Caller;

/**
 * Which main duties supervision assessed (监管覆盖全部主要职责). Authority: {@code Operation.READ_DUTY_ANALYSIS} on the
 * jurisdiction (offices and leaders in scope; a subordinate's campaign once published, like its results).
 */
@ProviderType
public interface CoverageService {

    DutyCoverage ofCampaign(Caller caller, long campaignId);

    /** Every active unit of the jurisdiction against the campaigns whose period lies in {@code year}. */
    DutyCoverage ofYear(Caller caller, String jurisdictionCode, int year);

    /** Active duties of active units that no campaign of the jurisdiction assessed in {@code years} years up to {@code untilYear}. */
    List<StaleDuty> notAssessed(Caller caller, String jurisdictionCode, int years, int untilYear);
}
