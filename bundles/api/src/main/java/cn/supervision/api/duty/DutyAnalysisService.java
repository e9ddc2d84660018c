package cn.supervision.api.duty;

import org.osgi.annotation.versioning.ProviderType;

import java.util.List;

import cn.supervision.api.security.Caller;

/**
 * Overlaps and gaps between units' duties (职责交叉与空白), found by Chinese text analysis of the duties and power-list
 * items of a jurisdiction. Authority: reading {@code Operation.READ_DUTY_ANALYSIS}; analysing and deciding
 * {@code MANAGE_DUTY_ANALYSIS} (the office's own jurisdiction).
 */
@ProviderType
public interface DutyAnalysisService {

    /** Analyses the jurisdiction's units now and stores the new proposals. */
    AnalysisRun analyse(Caller caller, String jurisdictionCode);

    /** Proposals of the jurisdiction, most similar first; {@code kind} and {@code state} null for all. */
    List<DutyProposal> proposals(Caller caller, String jurisdictionCode, ProposalKind kind, ProposalState state);

    DutyProposal get(Caller caller, long id);

    /**
     * Confirms a PROPOSED proposal with a reason: it becomes a finding (category DUTY_OVERLAP_GAP, source
     * DUTY_ANALYSIS) on each unit concerned that is still active, which the establishment-proposal flow takes up.
     * Conflict when decided.
     */
    DutyProposal confirm(Caller caller, long id, String reason);

    /** Dismisses a PROPOSED proposal with a reason (kept; never proposed again). Conflict when decided. */
    DutyProposal dismiss(Caller caller, long id, String reason);
}
