package cn.supervision.api.proposal;

import java.time.Instant;

/** One step of a proposal's history (from is null for its creation). */
public record ProposalTransition(ProposalState from, ProposalState to, String by, Instant at, String reason) {
}
