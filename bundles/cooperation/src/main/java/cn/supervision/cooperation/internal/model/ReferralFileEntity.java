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

/** A file of a referral (the office's evidence or the department's result file), kept with its hash: never deleted. */
@Entity
@Table(name = "SV_COOP_REFERRAL_FILE", indexes = @Index(name = "IX_COOP_FILE_REFERRAL", columnList = "REFERRALID"))
public class ReferralFileEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private long referralId;
    @Column(nullable = false, length = 200)
    private String fileName;
    @Column(nullable = false, length = 100)
    private String contentType;
    private long size;
    @Column(nullable = false, length = 64)
    private String sha256;
    private boolean fromDepartment;
    @Column(nullable = false, length = 64)
    private String uploadedBy;
    private long uploadedAt;
    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] content;

    public ReferralFileEntity() {
    }

    public ReferralFileEntity(long referralId, String fileName, String contentType, String sha256, boolean fromDepartment,
                              String uploadedBy, long uploadedAt, byte[] content) {
        this.referralId = referralId;
        this.fileName = fileName;
        this.contentType = contentType;
        this.size = content.length;
        this.sha256 = sha256;
        this.fromDepartment = fromDepartment;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
        this.content = content;
    }

    public long getId() { return id; }
    public long getReferralId() { return referralId; }
    public String getFileName() { return fileName; }
    public String getContentType() { return contentType; }
    public long getSize() { return size; }
    public String getSha256() { return sha256; }
    public boolean isFromDepartment() { return fromDepartment; }
    public String getUploadedBy() { return uploadedBy; }
    public long getUploadedAt() { return uploadedAt; }
    public byte[] getContent() { return content; }
}
