package cn.supervision.campaign.internal.model;

import javax.persistence.Basic;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/** Append-only: a campaign's published results, revision by revision, each with its reason. */
@Entity
@Table(name = "SV_CAMPAIGN_RESULT",
        uniqueConstraints = @UniqueConstraint(name = "UQ_RESULT_REVISION", columnNames = {"CAMPAIGNID", "REVISION"}))
public class ResultRevisionEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private long campaignId;
    private int revision;
    @Column(length = 500)
    private String reason;
    @Column(length = 64)
    private String createdBy;
    private long createdAt;
    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(nullable = false)
    private String resultsJson;

    public ResultRevisionEntity() {
    }

    public ResultRevisionEntity(long campaignId, int revision, String reason, String createdBy, long createdAt, String resultsJson) {
        this.campaignId = campaignId;
        this.revision = revision;
        this.reason = reason;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.resultsJson = resultsJson;
    }

    public long getCampaignId() { return campaignId; }
    public int getRevision() { return revision; }
    public String getReason() { return reason; }
    public String getCreatedBy() { return createdBy; }
    public long getCreatedAt() { return createdAt; }
    public String getResultsJson() { return resultsJson; }
}
