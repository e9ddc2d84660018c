package cn.supervision.api.followup;

import org.osgi.annotation.versioning.ProviderType;

import java.util.List;

import cn.supervision.api.security.Caller;

/**
 * The findings ledger (问题清单). Authority: {@code Operation.READ_FOLLOWUP} / {@code MANAGE_FOLLOWUP} of
 * {@link cn.supervision.api.security.Access}; a superior office and the unit read a finding once it is notified
 * (taken up by a rectification notice).
 */
@ProviderType
public interface FindingService {

    List<Finding> list(Caller caller, String jurisdictionCode, Long unitId, FindingState state, int offset, int limit);

    Finding get(Caller caller, long id);

    Finding create(Caller caller, String jurisdictionCode, FindingDraft draft);

    /** What {@link #generate} would create, without writing anything. */
    List<FindingDraft> preview(Caller caller, long campaignId, GenerationRule rule);

    /** Creates the previewed findings, each linked to its score; a finding already generated for the same unit, code and revision is not created twice. */
    List<Finding> generate(Caller caller, long campaignId, GenerationRule rule);

    /** Withdraws an OPEN finding with a reason (kept). */
    Finding withdraw(Caller caller, long id, String reason);

    /** For the rectification service: a notice took the finding up, or its item was accepted and followed up. */
    Finding moveTo(Caller caller, long id, FindingState state, Long noticeId, String reason);
}
