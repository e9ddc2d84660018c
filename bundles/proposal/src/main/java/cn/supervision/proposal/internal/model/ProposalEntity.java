package cn.supervision.proposal.internal.model;

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

import cn.supervision.api.proposal.ProposalState;

/** A proposal; grounds and changes are kept as JSON (read and written whole, never queried into). */
@Entity
@Table(name = "SV_PROPOSAL", indexes = @Index(name = "IX_PROPOSAL_JURISDICTION", columnList = "JURISDICTIONCODE,STATE"))
public class ProposalEntity {
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
    private String rationale;
    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(nullable = false)
    private String groundsJson;
    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(nullable = false)
    private String changesJson;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ProposalState state;
    @Column(length = 32)
    private String documentNumber;
    /** The year of the document number, so numbers restart each year. */
    private Integer documentYear;
    @Column(length = 500)
    private String reason;
    @Column(nullable = false, length = 64)
    private String createdBy;
    private long createdAt;
    @Column(length = 64)
    private String updatedBy;
    private long updatedAt;
    @Column(length = 64)
    private String submittedBy;
    @Column(length = 64)
    private String approvedBy;
    private Long approvedAt;
    @Column(length = 64)
    private String appliedBy;
    private Long appliedAt;

    public long getId() { return id; }
    public String getJurisdictionCode() { return jurisdictionCode; }
    public void setJurisdictionCode(String v) { jurisdictionCode = v; }
    public String getTitle() { return title; }
    public void setTitle(String v) { title = v; }
    public String getRationale() { return rationale; }
    public void setRationale(String v) { rationale = v; }
    public String getGroundsJson() { return groundsJson; }
    public void setGroundsJson(String v) { groundsJson = v; }
    public String getChangesJson() { return changesJson; }
    public void setChangesJson(String v) { changesJson = v; }
    public ProposalState getState() { return state; }
    public void setState(ProposalState v) { state = v; }
    public String getDocumentNumber() { return documentNumber; }
    public void setDocumentNumber(String v) { documentNumber = v; }
    public Integer getDocumentYear() { return documentYear; }
    public void setDocumentYear(Integer v) { documentYear = v; }
    public String getReason() { return reason; }
    public void setReason(String v) { reason = v; }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String v) { createdBy = v; }
    public long getCreatedAt() { return createdAt; }
    public void setCreatedAt(long v) { createdAt = v; }
    public String getUpdatedBy() { return updatedBy; }
    public void setUpdatedBy(String v) { updatedBy = v; }
    public long getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(long v) { updatedAt = v; }
    public String getSubmittedBy() { return submittedBy; }
    public void setSubmittedBy(String v) { submittedBy = v; }
    public String getApprovedBy() { return approvedBy; }
    public void setApprovedBy(String v) { approvedBy = v; }
    public Long getApprovedAt() { return approvedAt; }
    public void setApprovedAt(Long v) { approvedAt = v; }
    public String getAppliedBy() { return appliedBy; }
    public void setAppliedBy(String v) { appliedBy = v; }
    public Long getAppliedAt() { return appliedAt; }
    public void setAppliedAt(Long v) { appliedAt = v; }
}
