package cn.supervision.api.followup;

import org.osgi.annotation.versioning.ProviderType;

import java.util.List;

import cn.supervision.api.security.Caller;

/**
 * Accountability records of findings (arts. 20, 24). Recording and moving them on is {@code Operation.MANAGE_FOLLOWUP}
 * of the finding's jurisdiction (an office only in its own); reading is {@code READ_FOLLOWUP} where a superior office
 * and the unit read a record only once the finding is notified and the record DECIDED (a proposal under deliberation
 * stays within the office).
 */
@ProviderType
public interface AccountabilityService {

    /** The records of one finding the caller may read, oldest first. */
    List<AccountabilityRecord> list(Caller caller, long findingId);

    AccountabilityRecord get(Caller caller, long id);

    /** Opens a record (PROPOSED) for a finding that is not WITHDRAWN. */
    AccountabilityRecord record(Caller caller, long findingId, AccountabilityDraft draft);

    /**
     * PROPOSED → DECIDED (note = the outcome, required) → CLOSED (note required); out of order → conflict naming the
     * status.
     */
    AccountabilityRecord moveTo(Caller caller, long id, AccountabilityStatus to, String note);
}
