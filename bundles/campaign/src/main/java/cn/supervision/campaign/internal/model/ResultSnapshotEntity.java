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

/**
 * Derived, not a record: one unit's current live result in a campaign, as scored from the campaign's inputs at
 * {@code inputVersion}. Replaced when the unit is rescored; the inputs stay the record of how it came about.
 */
@Entity
@Table(name = "SV_RESULT_SNAPSHOT",
        uniqueConstraints = @UniqueConstraint(name = "UQ_RESULT_SNAPSHOT", columnNames = {"CAMPAIGNID", "UNITID"}))
public class ResultSnapshotEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private long campaignId;
    private long unitId;
    private long inputVersion;
    /** The result as JSON text, in rows written before results were packed; null in the others. */
    @Lob
    @Basic(fetch = FetchType.EAGER)
    private String resultJson;
    /** The result as gzipped JSON. */
    @Lob
    @Basic(fetch = FetchType.EAGER)
    private byte[] resultData;

    public ResultSnapshotEntity() {
    }

    public ResultSnapshotEntity(long campaignId, long unitId, long inputVersion, byte[] resultData) {
        this.campaignId = campaignId;
        this.unitId = unitId;
        this.inputVersion = inputVersion;
        this.resultData = resultData;
    }

    public long getCampaignId() { return campaignId; }
    public long getUnitId() { return unitId; }
    public long getInputVersion() { return inputVersion; }
    public String getResultJson() { return resultJson; }
    public byte[] getResultData() { return resultData; }
}
