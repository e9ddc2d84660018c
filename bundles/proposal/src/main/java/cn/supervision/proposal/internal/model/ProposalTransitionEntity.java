package cn.supervision.proposal.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

import cn.supervision.api.proposal.ProposalState;

/** Append-only history of a proposal: who moved it from which state to which, when and why. */
@Entity
@Table(name = "SV_PROPOSAL_TRANSITION", indexes = @Index(name = "IX_PROPOSAL_TRANSITION", columnList = "PROPOSALID"))
public class ProposalTransitionEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private long proposalId;
    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private ProposalState fromState;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ProposalState toState;
    @Column(nullable = false, length = 64)
    private String actor;
    // named as OpenJPA named it on Derby (a reserved word there), so PostgreSQL has the same column
    @Column(name = "AT0")
    private long at;
    @Column(length = 500)
    private String reason;

    public ProposalTransitionEntity() {
    }

    public ProposalTransitionEntity(long proposalId, ProposalState from, ProposalState to, String actor, long at, String reason) {
        this.proposalId = proposalId;
        this.fromState = from;
        this.toState = to;
        this.actor = actor;
        this.at = at;
        this.reason = reason;
    }

    public long getId() { return id; }
    public long getProposalId() { return proposalId; }
    public ProposalState getFromState() { return fromState; }
    public ProposalState getToState() { return toState; }
    public String getActor() { return actor; }
    public long getAt() { return at; }
    public String getReason() { return reason; }
}
