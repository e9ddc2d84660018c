package cn.supervision.finding.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

import cn.supervision.api.followup.FindingCategory;
import cn.supervision.api.followup.FindingState;
import cn.supervision.api.followup.Severity;
import cn.supervision.api.followup.SourceKind;

/**
 * A finding (问题). Never deleted. A CAMPAIGN_RESULT finding's score is also a {@link ResultKeyEntity}, which keeps it
 * from being recorded twice.
 */
@Entity
@Table(name = "SV_FINDING", indexes = {@Index(name = "IX_FINDING_JURISDICTION", columnList = "JURISDICTIONCODE"),
        @Index(name = "IX_FINDING_UNIT", columnList = "UNITID")})
public class FindingEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column(nullable = false, length = 12)
    private String jurisdictionCode;
    private long unitId;
    @Column(length = 200)
    private String unitName;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private SourceKind sourceKind;
    private Long campaignId;
    @Column(length = 40)
    private String indicatorCode;
    private Integer revision;
    private Long warningId;
    @Column(length = 500)
    private String reference;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private FindingCategory category;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private Severity severity;
    @Column(nullable = false, length = 2000)
    private String description;
    @Column(length = 4000)
    private String evidence;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private FindingState state;
    private Long noticeId;
    private long createdAt;
    @Column(length = 64)
    private String createdBy;
    private long updatedAt;
    @Column(length = 64)
    private String updatedBy;

    public FindingEntity() {
    }

    public FindingEntity(String jurisdictionCode, long unitId, String unitName, SourceKind sourceKind, Long campaignId,
                         String indicatorCode, Integer revision, Long warningId, String reference,
                         FindingCategory category, Severity severity, String description, String evidence, String by, long at) {
        this.jurisdictionCode = jurisdictionCode;
        this.unitId = unitId;
        this.unitName = unitName;
        this.sourceKind = sourceKind;
        this.campaignId = campaignId;
        this.indicatorCode = indicatorCode;
        this.revision = revision;
        this.warningId = warningId;
        this.reference = reference;
        this.category = category;
        this.severity = severity;
        this.description = description;
        this.evidence = evidence;
        this.state = FindingState.OPEN;
        this.createdAt = at;
        this.createdBy = by;
        this.updatedAt = at;
        this.updatedBy = by;
    }

    public void moveTo(FindingState to, Long notice, String by, long at) {
        this.state = to;
        if (notice != null) {
            this.noticeId = notice;
        }
        this.updatedBy = by;
        this.updatedAt = at;
    }

    public long getId() { return id; }
    public String getJurisdictionCode() { return jurisdictionCode; }
    public long getUnitId() { return unitId; }
    public String getUnitName() { return unitName; }
    public SourceKind getSourceKind() { return sourceKind; }
    public Long getCampaignId() { return campaignId; }
    public String getIndicatorCode() { return indicatorCode; }
    public Integer getRevision() { return revision; }
    public Long getWarningId() { return warningId; }
    public String getReference() { return reference; }
    public FindingCategory getCategory() { return category; }
    public Severity getSeverity() { return severity; }
    public String getDescription() { return description; }
    public String getEvidence() { return evidence; }
    public FindingState getState() { return state; }
    public Long getNoticeId() { return noticeId; }
    public long getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
    public long getUpdatedAt() { return updatedAt; }
    public String getUpdatedBy() { return updatedBy; }
}
