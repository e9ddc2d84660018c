package cn.supervision.campaign.internal.model;

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

/** An evidence file (佐证材料) of an input, kept in the database with its hash: never deleted. */
@Entity
@Table(name = "SV_CAMPAIGN_EVIDENCE", indexes = @Index(name = "IX_EVIDENCE_INPUT", columnList = "INPUTID"))
public class EvidenceEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private long campaignId;
    private long inputId;
    @Column(nullable = false, length = 200)
    private String fileName;
    @Column(nullable = false, length = 100)
    private String contentType;
    private long size;
    @Column(nullable = false, length = 64)
    private String sha256;
    @Column(length = 64)
    private String uploadedBy;
    private long uploadedAt;
    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] content;

    public EvidenceEntity() {
    }

    public EvidenceEntity(long campaignId, long inputId, String fileName, String contentType, String sha256, String uploadedBy,
                          long uploadedAt, byte[] content) {
        this.campaignId = campaignId;
        this.inputId = inputId;
        this.fileName = fileName;
        this.contentType = contentType;
        this.size = content.length;
        this.sha256 = sha256;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
        this.content = content;
    }

    public long getId() { return id; }
    public long getCampaignId() { return campaignId; }
    public long getInputId() { return inputId; }
    public String getFileName() { return fileName; }
    public String getContentType() { return contentType; }
    public long getSize() { return size; }
    public String getSha256() { return sha256; }
    public String getUploadedBy() { return uploadedBy; }
    public long getUploadedAt() { return uploadedAt; }
    public byte[] getContent() { return content; }
}
