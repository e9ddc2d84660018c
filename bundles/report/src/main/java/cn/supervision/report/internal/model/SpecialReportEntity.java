package cn.supervision.report.internal.model;

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
import javax.persistence.Version;

import cn.supervision.api.report.ReportState;

/** A special report; its sections and links are kept as JSON (read and written whole, never queried into). */
@Entity
@Table(name = "SV_SPECIAL_REPORT", indexes = @Index(name = "IX_SPECIAL_REPORT_JURISDICTION", columnList = "JURISDICTIONCODE,STATE"))
public class SpecialReportEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Version
    private int version;
    @Column(nullable = false, length = 16)
    private String jurisdictionCode;
    @Column(nullable = false, length = 200)
    private String title;
    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(nullable = false)
    private String sectionsJson;
    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(nullable = false)
    private String linksJson;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ReportState state;
    /** 期号, given at approval: numbered per jurisdiction and year. */
    @Column(length = 32)
    private String issue;
    private Integer issueYear;
    @Column(length = 500)
    private String returnReason;
    @Column(nullable = false, length = 64)
    private String createdBy;
    private long createdAt;
    @Column(length = 64)
    private String submittedBy;
    @Column(length = 64)
    private String approvedBy;
    private Long approvedAt;
    @Column(length = 64)
    private String sentBy;
    private Long sentAt;
    private Long documentId;
    @Column(length = 64)
    private String documentNumber;
    @Column(length = 64)
    private String closedBy;
    private Long closedAt;
    @Column(length = 64)
    private String updatedBy;
    private long updatedAt;

    public long getId() { return id; }
    public String getJurisdictionCode() { return jurisdictionCode; }
    public void setJurisdictionCode(String v) { jurisdictionCode = v; }
    public String getTitle() { return title; }
    public void setTitle(String v) { title = v; }
    public String getSectionsJson() { return sectionsJson; }
    public void setSectionsJson(String v) { sectionsJson = v; }
    public String getLinksJson() { return linksJson; }
    public void setLinksJson(String v) { linksJson = v; }
    public ReportState getState() { return state; }
    public void setState(ReportState v) { state = v; }
    public String getIssue() { return issue; }
    public void setIssue(String v) { issue = v; }
    public Integer getIssueYear() { return issueYear; }
    public void setIssueYear(Integer v) { issueYear = v; }
    public String getReturnReason() { return returnReason; }
    public void setReturnReason(String v) { returnReason = v; }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String v) { createdBy = v; }
    public long getCreatedAt() { return createdAt; }
    public void setCreatedAt(long v) { createdAt = v; }
    public String getSubmittedBy() { return submittedBy; }
    public void setSubmittedBy(String v) { submittedBy = v; }
    public String getApprovedBy() { return approvedBy; }
    public void setApprovedBy(String v) { approvedBy = v; }
    public Long getApprovedAt() { return approvedAt; }
    public void setApprovedAt(Long v) { approvedAt = v; }
    public String getSentBy() { return sentBy; }
    public void setSentBy(String v) { sentBy = v; }
    public Long getSentAt() { return sentAt; }
    public void setSentAt(Long v) { sentAt = v; }
    public Long getDocumentId() { return documentId; }
    public void setDocumentId(Long v) { documentId = v; }
    public String getDocumentNumber() { return documentNumber; }
    public void setDocumentNumber(String v) { documentNumber = v; }
    public String getClosedBy() { return closedBy; }
    public void setClosedBy(String v) { closedBy = v; }
    public Long getClosedAt() { return closedAt; }
    public void setClosedAt(Long v) { closedAt = v; }
    public String getUpdatedBy() { return updatedBy; }
    public void setUpdatedBy(String v) { updatedBy = v; }
    public long getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(long v) { updatedAt = v; }
}
