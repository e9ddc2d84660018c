package cn.supervision.campaign.internal.model;

import java.io.Serializable;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

import cn.supervision.api.registry.DutyType;

/**
 * A target unit's ACTIVE main duty as it stood when the campaign started collecting: the duty-driven indicators of the
 * campaign are expanded and scored against these, whatever later mandate revisions say. Written once, with JDBC batches
 * inside the start transaction (see {@code DutyFreeze}); never changed.
 */
@Entity
@Table(name = "SV_CAMPAIGN_DUTY")
@IdClass(CampaignDutyEntity.Key.class)
public class CampaignDutyEntity {
    @Id
    private long campaignId;
    @Id
    private long unitId;
    @Id
    private long dutyId;
    private int dutyNumber;
    @Column(nullable = false, length = 2000)
    private String dutyText;
    @Enumerated(EnumType.STRING)
    @Column(length = 32)
    private DutyType dutyType;

    public CampaignDutyEntity() {
    }

    public long getCampaignId() { return campaignId; }
    public long getUnitId() { return unitId; }
    public long getDutyId() { return dutyId; }
    public int getDutyNumber() { return dutyNumber; }
    public String getDutyText() { return dutyText; }
    public DutyType getDutyType() { return dutyType; }

    /** The primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public long campaignId;
        public long unitId;
        public long dutyId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && campaignId == k.campaignId && unitId == k.unitId && dutyId == k.dutyId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(campaignId, unitId, dutyId);
        }
    }
}
