package cn.supervision.cooperation.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.Version;

import cn.supervision.api.cooperation.ReferralState;
import cn.supervision.api.followup.FindingCategory;
import cn.supervision.api.followup.Severity;

/** A referred lead; the finding is copied as it stood when referred. */
@Entity
@Table(name = "SV_COOP_REFERRAL", indexes = {
        @Index(name = "IX_COOP_REFERRAL_JURISDICTION", columnList = "JURISDICTIONCODE,STATE"),
        @Index(name = "IX_COOP_REFERRAL_DEPARTMENT", columnList = "JURISDICTIONCODE,DEPARTMENTCODE")})
public class ReferralEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Version
    private int version;
    @Column(nullable = false, length = 16)
    private String jurisdictionCode;
    private long findingId;
    private long unitId;
    @Column(nullable = false, length = 200)
    private String unitName;
    @Enumerated(EnumType.STRING)
    @Column(length = 32)
    private FindingCategory category;
    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private Severity severity;
    @Column(nullable = false, length = 4000)
    private String findingDescription;
    private long departmentId;
    @Column(nullable = false, length = 32)
    private String departmentCode;
    @Column(nullable = false, length = 100)
    private String departmentName;
    @Column(nullable = false, length = 2000)
    private String note;
    /** Epoch day. */
    private long feedbackDue;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ReferralState state;
    @Column(length = 4000)
    private String feedbackText;
    private Long resultFileId;
    @Column(nullable = false, length = 64)
    private String referredBy;
    private long referredAt;
    private long updatedAt;

    public long getId() { return id; }
    public String getJurisdictionCode() { return jurisdictionCode; }
    public void setJurisdictionCode(String v) { jurisdictionCode = v; }
    public long getFindingId() { return findingId; }
    public void setFindingId(long v) { findingId = v; }
    public long getUnitId() { return unitId; }
    public void setUnitId(long v) { unitId = v; }
    public String getUnitName() { return unitName; }
    public void setUnitName(String v) { unitName = v; }
    public FindingCategory getCategory() { return category; }
    public void setCategory(FindingCategory v) { category = v; }
    public Severity getSeverity() { return severity; }
    public void setSeverity(Severity v) { severity = v; }
    public String getFindingDescription() { return findingDescription; }
    public void setFindingDescription(String v) { findingDescription = v; }
    public long getDepartmentId() { return departmentId; }
    public void setDepartmentId(long v) { departmentId = v; }
    public String getDepartmentCode() { return departmentCode; }
    public void setDepartmentCode(String v) { departmentCode = v; }
    public String getDepartmentName() { return departmentName; }
    public void setDepartmentName(String v) { departmentName = v; }
    public String getNote() { return note; }
    public void setNote(String v) { note = v; }
    public long getFeedbackDue() { return feedbackDue; }
    public void setFeedbackDue(long v) { feedbackDue = v; }
    public ReferralState getState() { return state; }
    public void setState(ReferralState v) { state = v; }
    public String getFeedbackText() { return feedbackText; }
    public void setFeedbackText(String v) { feedbackText = v; }
    public Long getResultFileId() { return resultFileId; }
    public void setResultFileId(Long v) { resultFileId = v; }
    public String getReferredBy() { return referredBy; }
    public void setReferredBy(String v) { referredBy = v; }
    public long getReferredAt() { return referredAt; }
    public void setReferredAt(long v) { referredAt = v; }
    public long getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(long v) { updatedAt = v; }
}
