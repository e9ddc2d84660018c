package cn.supervision.assessment.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

import cn.supervision.api.assessment.ItemKind;
import cn.supervision.api.assessment.ItemState;

/** A bonus or deduction item derived from a special campaign's result; superseded, never deleted. */
@Entity
@Table(name = "SV_ASSESSMENT_ITEM", indexes = @Index(name = "IX_ASSESSMENT_ITEM", columnList = "JURISDICTIONCODE,ASSESSMENTYEAR,STATE"))
public class ItemEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column(nullable = false, length = 12)
    private String jurisdictionCode;
    @Column(name = "ASSESSMENTYEAR")
    private int year;
    private long unitId;
    @Column(nullable = false, length = 200)
    private String unitName;
    private long campaignId;
    @Column(nullable = false, length = 200)
    private String campaignTitle;
    private int resultRevision;
    private int mappingRevision;
    private int ruleNumber;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ItemKind kind;
    /** Exact decimal as written ({@code BigDecimal.toPlainString}), so its digits survive the database. */
    @Column(nullable = false, length = 32)
    private String points;
    @Column(nullable = false, length = 500)
    private String reason;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ItemState state;
    private long createdAt;
    @Column(length = 64)
    private String decidedBy;
    private Long decidedAt;
    @Column(length = 500)
    private String note;

    public long getId() { return id; }
    public String getJurisdictionCode() { return jurisdictionCode; }
    public void setJurisdictionCode(String v) { jurisdictionCode = v; }
    public int getYear() { return year; }
    public void setYear(int v) { year = v; }
    public long getUnitId() { return unitId; }
    public void setUnitId(long v) { unitId = v; }
    public String getUnitName() { return unitName; }
    public void setUnitName(String v) { unitName = v; }
    public long getCampaignId() { return campaignId; }
    public void setCampaignId(long v) { campaignId = v; }
    public String getCampaignTitle() { return campaignTitle; }
    public void setCampaignTitle(String v) { campaignTitle = v; }
    public int getResultRevision() { return resultRevision; }
    public void setResultRevision(int v) { resultRevision = v; }
    public int getMappingRevision() { return mappingRevision; }
    public void setMappingRevision(int v) { mappingRevision = v; }
    public int getRuleNumber() { return ruleNumber; }
    public void setRuleNumber(int v) { ruleNumber = v; }
    public ItemKind getKind() { return kind; }
    public void setKind(ItemKind v) { kind = v; }
    public String getPoints() { return points; }
    public void setPoints(String v) { points = v; }
    public String getReason() { return reason; }
    public void setReason(String v) { reason = v; }
    public ItemState getState() { return state; }
    public void setState(ItemState v) { state = v; }
    public long getCreatedAt() { return createdAt; }
    public void setCreatedAt(long v) { createdAt = v; }
    public String getDecidedBy() { return decidedBy; }
    public void setDecidedBy(String v) { decidedBy = v; }
    public Long getDecidedAt() { return decidedAt; }
    public void setDecidedAt(Long v) { decidedAt = v; }
    public String getNote() { return note; }
    public void setNote(String v) { note = v; }
}
