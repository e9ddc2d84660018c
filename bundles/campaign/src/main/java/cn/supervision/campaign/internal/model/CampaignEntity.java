package cn.supervision.campaign.internal.model;

import javax.persistence.Basic;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Lob;
import javax.persistence.Table;

import cn.supervision.api.campaign.CampaignKind;
import cn.supervision.api.campaign.CampaignState;

/** A campaign; its plan (period, pinned systems, categories, targets, deadlines) is stored whole as JSON. */
@Entity
@Table(name = "SV_CAMPAIGN", indexes = @Index(name = "IX_CAMPAIGN_JURISDICTION", columnList = "JURISDICTIONCODE,STATE"))
public class CampaignEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column(nullable = false, length = 16)
    private String jurisdictionCode;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private CampaignKind kind;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private CampaignState state;
    private Long rolledFrom;
    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(nullable = false)
    private String planJson;
    private long createdAt;
    @Column(length = 64)
    private String createdBy;
    private long updatedAt;
    @Column(length = 64)
    private String updatedBy;
    /**
     * Bumped by every transaction that changes what counts for scoring (inputs recorded, reviewed, corrected), under the
     * row's lock ({@code InputClaim}); null until the first. Results derived from the inputs carry the version they saw.
     */
    private Long inputVersion;

    public long getId() { return id; }
    public String getJurisdictionCode() { return jurisdictionCode; }
    public void setJurisdictionCode(String v) { this.jurisdictionCode = v; }
    public CampaignKind getKind() { return kind; }
    public void setKind(CampaignKind v) { this.kind = v; }
    public CampaignState getState() { return state; }
    public void setState(CampaignState v) { this.state = v; }
    public Long getRolledFrom() { return rolledFrom; }
    public void setRolledFrom(Long v) { this.rolledFrom = v; }
    public String getPlanJson() { return planJson; }
    public void setPlanJson(String v) { this.planJson = v; }
    public long getCreatedAt() { return createdAt; }
    public void setCreatedAt(long v) { this.createdAt = v; }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String v) { this.createdBy = v; }
    public long getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(long v) { this.updatedAt = v; }
    public String getUpdatedBy() { return updatedBy; }
    public void setUpdatedBy(String v) { this.updatedBy = v; }
    public Long getInputVersion() { return inputVersion; }
}
