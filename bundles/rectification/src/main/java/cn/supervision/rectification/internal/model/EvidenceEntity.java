package cn.supervision.rectification.internal.model;

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

/** An evidence file of an item or a visit, kept with its hash: never deleted. */
@Entity
@Table(name = "SV_RECT_EVIDENCE", indexes = @Index(name = "IX_RECT_EVIDENCE_NOTICE", columnList = "NOTICEID"))
public class EvidenceEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private long noticeId;
    private Long itemId;
    private Long visitId;
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

    public EvidenceEntity(long noticeId, Long itemId, Long visitId, String fileName, String contentType, String sha256,
                          String uploadedBy, long uploadedAt, byte[] content) {
        this.noticeId = noticeId;
        this.itemId = itemId;
        this.visitId = visitId;
        this.fileName = fileName;
        this.contentType = contentType;
        this.size = content.length;
        this.sha256 = sha256;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
        this.content = content;
    }

    public long getId() { return id; }
    public long getNoticeId() { return noticeId; }
    public Long getItemId() { return itemId; }
    public Long getVisitId() { return visitId; }
    public String getFileName() { return fileName; }
    public String getContentType() { return contentType; }
    public long getSize() { return size; }
    public String getSha256() { return sha256; }
    public String getUploadedBy() { return uploadedBy; }
    public long getUploadedAt() { return uploadedAt; }
    public byte[] getContent() { return content; }
}
