package cn.supervision.finding.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/**
 * The result a CAMPAIGN_RESULT finding rests on (campaign, unit, code; any revision), as a primary key: it becomes a
 * finding at most once, whoever records it and however concurrently. Written with the finding, never removed.
 */
@Entity
@Table(name = "SV_FINDING_RESULT_KEY", indexes = @Index(name = "IX_FINDING_RESULT_CAMPAIGN", columnList = "CAMPAIGNID"))
public class ResultKeyEntity {
    @Id
    @Column(length = 120)
    private String resultKey;
    private long campaignId;
    private long findingId;

    public ResultKeyEntity() {
    }

    public ResultKeyEntity(String resultKey, long campaignId, long findingId) {
        this.resultKey = resultKey;
        this.campaignId = campaignId;
        this.findingId = findingId;
    }

    public String getResultKey() { return resultKey; }
    public long getCampaignId() { return campaignId; }
    public long getFindingId() { return findingId; }
}
