package cn.supervision.report.internal.model;

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

/** The scan of a paper instruction, with its hash; bound to the instruction once recorded. */
@Entity
@Table(name = "SV_REPORT_SCAN", indexes = @Index(name = "IX_REPORT_SCAN_REPORT", columnList = "REPORTID"))
public class ScanEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private long reportId;
    @Column(nullable = false, length = 200)
    private String fileName;
    @Column(nullable = false, length = 100)
    private String contentType;
    private long size;
    @Column(nullable = false, length = 64)
    private String sha256;
    private Long instructionId;
    @Column(nullable = false, length = 64)
    private String uploadedBy;
    private long uploadedAt;
    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] content;

    public ScanEntity() {
    }

    public ScanEntity(long reportId, String fileName, String contentType, String sha256, String uploadedBy, long uploadedAt,
                      byte[] content) {
        this.reportId = reportId;
        this.fileName = fileName;
        this.contentType = contentType;
        this.size = content.length;
        this.sha256 = sha256;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
        this.content = content;
    }

    public long getId() { return id; }
    public long getReportId() { return reportId; }
    public String getFileName() { return fileName; }
    public String getContentType() { return contentType; }
    public long getSize() { return size; }
    public String getSha256() { return sha256; }
    public Long getInstructionId() { return instructionId; }
    public void setInstructionId(Long v) { instructionId = v; }
    public String getUploadedBy() { return uploadedBy; }
    public long getUploadedAt() { return uploadedAt; }
    public byte[] getContent() { return content; }
}
