package cn.supervision.document.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Lob;
import javax.persistence.Table;

/** One installed template file of a jurisdiction; retired rows stay for the record. */
@Entity
@Table(name = "SUP_DOCUMENT_TEMPLATE", indexes = {
        @Index(name = "SUP_DOCUMENT_TEMPLATE_J", columnList = "jurisdictionCode,retiredAt")})
public class TemplateEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column(nullable = false, length = 12)
    private String jurisdictionCode;
    @Column(nullable = false, length = 100)
    private String path;
    @Column(nullable = false, length = 200)
    private String source;
    @Column(nullable = false, length = 64)
    private String sha256;
    @Lob
    @Column(nullable = false, length = 1048576)
    private byte[] content;
    private long installedAt;
    private Long retiredAt;

    public long getId() { return id; }
    public String getJurisdictionCode() { return jurisdictionCode; }
    public void setJurisdictionCode(String v) { jurisdictionCode = v; }
    public String getPath() { return path; }
    public void setPath(String v) { path = v; }
    public String getSource() { return source; }
    public void setSource(String v) { source = v; }
    public String getSha256() { return sha256; }
    public void setSha256(String v) { sha256 = v; }
    public byte[] getContent() { return content; }
    public void setContent(byte[] v) { content = v; }
    public long getInstalledAt() { return installedAt; }
    public void setInstalledAt(long v) { installedAt = v; }
    public Long getRetiredAt() { return retiredAt; }
    public void setRetiredAt(Long v) { retiredAt = v; }
}
