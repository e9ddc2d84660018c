package cn.supervision.api.proposal;

import org.osgi.annotation.versioning.ProviderType;

import java.util.List;

import cn.supervision.api.security.Caller;

/**
 * Establishment proposals drawn from findings and applied to the unit registry. Reading follows
 * {@code Operation.READ_PROPOSALS}, everything else {@code MANAGE_PROPOSALS} (the jurisdiction's own office), applying
 * also the registry's {@code ADMINISTER_REGISTRY}. A transition out of order is a conflict naming the current state.
 */
@ProviderType
public interface ProposalService {

    /** Proposals of one jurisdiction (all the caller may read when null), newest first, optionally of one state. */
    List<Proposal> list(Caller caller, String jurisdictionCode, ProposalState state);

    Proposal get(Caller caller, long id);

    Proposal create(Caller caller, String jurisdictionCode, ProposalDraft draft);

    /** Replaces a DRAFT or RETURNED proposal's content. */
    Proposal update(Caller caller, long id, ProposalDraft draft);

    /** DRAFT or RETURNED to SUBMITTED. */
    Proposal submit(Caller caller, long id);

    /** SUBMITTED to APPROVED, by an office member other than the one who submitted it; gives the document number. */
    Proposal approve(Caller caller, long id);

    /** SUBMITTED to RETURNED with a reason. */
    Proposal returnForRevision(Caller caller, long id, String reason);

    /** APPROVED to APPLIED: every change is checked against the units as they are now, then all are written or none. */
    Proposal apply(Caller caller, long id);

    List<ProposalTransition> history(Caller caller, long id);
}
