package cn.supervision.document.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** One immutable generated version (its bytes are in {@link DocumentContentEntity}); only the issue mark changes. */
@Entity
@Table(name = "SUP_DOCUMENT", indexes = {
        @Index(name = "SUP_DOCUMENT_SUBJECT", columnList = "jurisdictionCode,kind,subject")})
public class DocumentEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column(nullable = false, length = 12)
    private String jurisdictionCode;
    @Column(nullable = false, length = 40)
    private String kind;
    @Column(nullable = false, length = 200)
    private String subject;
    private int version;
    @Column(nullable = false, length = 8)
    private String format;
    @Column(nullable = false, length = 300)
    private String title;
    @Column(length = 80)
    private String documentNumber;
    @Column(length = 64)
    private String unitCode;
    @Column(length = 64)
    private String departmentCode;
    private long size;
    @Column(nullable = false, length = 64)
    private String sha256;
    @Column(nullable = false, length = 200)
    private String templateSource;
    @Column(nullable = false, length = 64)
    private String templateSha256;
    private boolean issued;
    @Column(nullable = false, length = 100)
    private String createdBy;
    private long createdAt;
    @Column(length = 100)
    private String issuedBy;
    private Long issuedAt;

    public long getId() { return id; }
    public String getJurisdictionCode() { return jurisdictionCode; }
    public void setJurisdictionCode(String v) { jurisdictionCode = v; }
    public String getKind() { return kind; }
    public void setKind(String v) { kind = v; }
    public String getSubject() { return subject; }
    public void setSubject(String v) { subject = v; }
    public int getVersion() { return version; }
    public void setVersion(int v) { version = v; }
    public String getFormat() { return format; }
    public void setFormat(String v) { format = v; }
    public String getTitle() { return title; }
    public void setTitle(String v) { title = v; }
    public String getDocumentNumber() { return documentNumber; }
    public void setDocumentNumber(String v) { documentNumber = v; }
    public String getUnitCode() { return unitCode; }
    public void setUnitCode(String v) { unitCode = v; }
    public String getDepartmentCode() { return departmentCode; }
    public void setDepartmentCode(String v) { departmentCode = v; }
    public long getSize() { return size; }
    public void setSize(long v) { size = v; }
    public String getSha256() { return sha256; }
    public void setSha256(String v) { sha256 = v; }
    public String getTemplateSource() { return templateSource; }
    public void setTemplateSource(String v) { templateSource = v; }
    public String getTemplateSha256() { return templateSha256; }
    public void setTemplateSha256(String v) { templateSha256 = v; }
    public boolean isIssued() { return issued; }
    public void setIssued(boolean v) { issued = v; }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String v) { createdBy = v; }
    public long getCreatedAt() { return createdAt; }
    public void setCreatedAt(long v) { createdAt = v; }
    public String getIssuedBy() { return issuedBy; }
    public void setIssuedBy(String v) { issuedBy = v; }
    public Long getIssuedAt() { return issuedAt; }
    public void setIssuedAt(Long v) { issuedAt = v; }
}
