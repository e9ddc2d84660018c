package cn.supervision.campaign.internal.model;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/**
 * One leaf a duty-driven indicator ({@code templateCode}) was expanded into for a target unit at the start of collection:
 * the code the unit reports against, the frozen duty it assesses (text and type in {@link CampaignDutyEntity}) and its
 * percentage share of the template indicator. Written with the duty snapshot, never changed.
 */
@Entity
@Table(name = "SV_CAMPAIGN_DUTY_LEAF")
@IdClass(DutyLeafEntity.Key.class)
public class DutyLeafEntity {
    @Id
    private long campaignId;
    @Id
    private long unitId;
    @Id
    @Column(length = 32)
    private String code;
    @Column(nullable = false, length = 32)
    private String templateCode;
    private long dutyId;
    private int dutyNumber;
    @Column(nullable = false, precision = 31, scale = 10)
    private BigDecimal sharePercent;

    public DutyLeafEntity() {
    }

    public long getCampaignId() { return campaignId; }
    public long getUnitId() { return unitId; }
    public String getCode() { return code; }
    public String getTemplateCode() { return templateCode; }
    public long getDutyId() { return dutyId; }
    public int getDutyNumber() { return dutyNumber; }
    public BigDecimal getSharePercent() { return sharePercent; }

    /** The primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public long campaignId;
        public long unitId;
        public String code;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && campaignId == k.campaignId && unitId == k.unitId && Objects.equals(code, k.code);
        }

        @Override
        public int hashCode() {
            return Objects.hash(campaignId, unitId, code);
        }
    }
}
