package cn.supervision.cooperation.internal.model;

import javax.persistence.Basic;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Lob;
import javax.persistence.Table;

/** A share (情况通报): the result rows as sent and the documents' references are kept as JSON, written once. */
@Entity
@Table(name = "SV_COOP_SHARE", indexes = @Index(name = "IX_COOP_SHARE_JURISDICTION", columnList = "JURISDICTIONCODE"))
public class ShareEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column(nullable = false, length = 16)
    private String jurisdictionCode;
    @Column(nullable = false, length = 200)
    private String subject;
    @Column(nullable = false, length = 4000)
    private String message;
    private Long campaignId;
    @Column(length = 200)
    private String campaignTitle;
    private Integer revision;
    private int resultCount;
    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(nullable = false)
    private String resultsJson;
    @Column(nullable = false, length = 8000)
    private String documentsJson;
    @Column(nullable = false, length = 64)
    private String sharedBy;
    private long sharedAt;

    public long getId() { return id; }
    public String getJurisdictionCode() { return jurisdictionCode; }
    public void setJurisdictionCode(String v) { jurisdictionCode = v; }
    public String getSubject() { return subject; }
    public void setSubject(String v) { subject = v; }
    public String getMessage() { return message; }
    public void setMessage(String v) { message = v; }
    public Long getCampaignId() { return campaignId; }
    public void setCampaignId(Long v) { campaignId = v; }
    public String getCampaignTitle() { return campaignTitle; }
    public void setCampaignTitle(String v) { campaignTitle = v; }
    public Integer getRevision() { return revision; }
    public void setRevision(Integer v) { revision = v; }
    public int getResultCount() { return resultCount; }
    public void setResultCount(int v) { resultCount = v; }
    public String getResultsJson() { return resultsJson; }
    public void setResultsJson(String v) { resultsJson = v; }
    public String getDocumentsJson() { return documentsJson; }
    public void setDocumentsJson(String v) { documentsJson = v; }
    public String getSharedBy() { return sharedBy; }
    public void setSharedBy(String v) { sharedBy = v; }
    public long getSharedAt() { return sharedAt; }
    public void setSharedAt(long v) { sharedAt = v; }
}
