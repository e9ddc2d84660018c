package cn.supervision.campaign.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * Up to which input version a campaign's snapshot rows are complete, and under which scoring they were computed: the
 * rows are served only while both still hold.
 */
@Entity
@Table(name = "SV_RESULT_STAMP")
public class ResultStampEntity {
    @Id
    private long campaignId;
    private long inputVersion;
    @Column(length = 500)
    private String scoring;

    public ResultStampEntity() {
    }

    public ResultStampEntity(long campaignId, long inputVersion, String scoring) {
        this.campaignId = campaignId;
        this.inputVersion = inputVersion;
        this.scoring = scoring;
    }

    public long getInputVersion() { return inputVersion; }
    public String getScoring() { return scoring; }

    public void advance(long version, String scoringKey) {
        this.inputVersion = version;
        this.scoring = scoringKey;
    }
}
