package cn.supervision.indicator.internal.model;

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
import javax.persistence.UniqueConstraint;

import cn.supervision.api.indicator.SystemStatus;

/**
 * One version of an indicator system. The definition is stored whole as canonical JSON; once PUBLISHED the row's
 * definition and hash never change again (the service refuses it), and nothing is ever deleted.
 */
@Entity
@Table(name = "SV_INDICATOR_SYSTEM",
        uniqueConstraints = @UniqueConstraint(name = "UQ_SYSTEM_VERSION", columnNames = {"LINEAGE", "VERSION"}),
        indexes = @Index(name = "IX_SYSTEM_JURISDICTION", columnList = "JURISDICTIONCODE,STATUS"))
public class IndicatorSystemEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column(nullable = false, length = 16)
    private String jurisdictionCode;
    @Column(nullable = false, length = 240)
    private String lineage;
    private int version;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private SystemStatus status;
    @Column(nullable = false, length = 200)
    private String name;
    // named as OpenJPA named it on Derby (a reserved word there), so PostgreSQL has the same column
    @Column(name = "YEAR0")
    private int year;
    private Long copiedFrom;
    @Column(nullable = false, length = 64)
    private String contentHash;
    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(nullable = false)
    private String definitionJson;
    private long createdAt;
    @Column(length = 64)
    private String createdBy;
    private long updatedAt;
    @Column(length = 64)
    private String updatedBy;
    private Long publishedAt;
    @Column(length = 64)
    private String publishedBy;
    private Long retiredAt;
    @Column(length = 64)
    private String retiredBy;
    @Column(length = 500)
    private String retireReason;

    public long getId() { return id; }
    public String getJurisdictionCode() { return jurisdictionCode; }
    public void setJurisdictionCode(String v) { this.jurisdictionCode = v; }
    public String getLineage() { return lineage; }
    public void setLineage(String v) { this.lineage = v; }
    public int getVersion() { return version; }
    public void setVersion(int v) { this.version = v; }
    public SystemStatus getStatus() { return status; }
    public void setStatus(SystemStatus v) { this.status = v; }
    public String getName() { return name; }
    public void setName(String v) { this.name = v; }
    public int getYear() { return year; }
    public void setYear(int v) { this.year = v; }
    public Long getCopiedFrom() { return copiedFrom; }
    public void setCopiedFrom(Long v) { this.copiedFrom = v; }
    public String getContentHash() { return contentHash; }
    public void setContentHash(String v) { this.contentHash = v; }
    public String getDefinitionJson() { return definitionJson; }
    public void setDefinitionJson(String v) { this.definitionJson = v; }
    public long getCreatedAt() { return createdAt; }
    public void setCreatedAt(long v) { this.createdAt = v; }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String v) { this.createdBy = v; }
    public long getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(long v) { this.updatedAt = v; }
    public String getUpdatedBy() { return updatedBy; }
    public void setUpdatedBy(String v) { this.updatedBy = v; }
    public Long getPublishedAt() { return publishedAt; }
    public void setPublishedAt(Long v) { this.publishedAt = v; }
    public String getPublishedBy() { return publishedBy; }
    public void setPublishedBy(String v) { this.publishedBy = v; }
    public Long getRetiredAt() { return retiredAt; }
    public void setRetiredAt(Long v) { this.retiredAt = v; }
    public String getRetiredBy() { return retiredBy; }
    public void setRetiredBy(String v) { this.retiredBy = v; }
    public String getRetireReason() { return retireReason; }
    public void setRetireReason(String v) { this.retireReason = v; }
}
