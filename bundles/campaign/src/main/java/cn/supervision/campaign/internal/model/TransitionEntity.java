package cn.supervision.campaign.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

import cn.supervision.api.campaign.CampaignState;

/** Append-only: every state change of a campaign. */
@Entity
@Table(name = "SV_CAMPAIGN_TRANSITION", indexes = @Index(name = "IX_TRANSITION_CAMPAIGN", columnList = "CAMPAIGNID"))
public class TransitionEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private long campaignId;
    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private CampaignState fromState;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private CampaignState toState;
    @Column(length = 500)
    private String reason;
    @Column(length = 64)
    private String changedBy;
    private long changedAt;

    public TransitionEntity() {
    }

    public TransitionEntity(long campaignId, CampaignState from, CampaignState to, String reason, String by, long at) {
        this.campaignId = campaignId;
        this.fromState = from;
        this.toState = to;
        this.reason = reason;
        this.changedBy = by;
        this.changedAt = at;
    }

    public CampaignState getFromState() { return fromState; }
    public CampaignState getToState() { return toState; }
    public String getReason() { return reason; }
    public String getChangedBy() { return changedBy; }
    public long getChangedAt() { return changedAt; }
}
