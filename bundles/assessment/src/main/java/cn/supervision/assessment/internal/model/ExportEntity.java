package cn.supervision.assessment.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Lob;
import javax.persistence.Table;

import cn.supervision.api.assessment.ExportFormat;

/** The export log: one row per mapped view that left the platform. Append-only. */
@Entity
@Table(name = "SV_ASSESSMENT_EXPORT", indexes = @Index(name = "IX_ASSESSMENT_EXPORT", columnList = "JURISDICTIONCODE,ASSESSMENTYEAR"))
public class ExportEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column(nullable = false, length = 12)
    private String jurisdictionCode;
    @Column(name = "ASSESSMENTYEAR")
    private int year;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private ExportFormat format;
    @Column(nullable = false, length = 64)
    private String exportedBy;
    private long exportedAt;
    private int mappingRevision;
    /** The campaigns and result revisions used, as JSON. */
    @Lob
    @Column(nullable = false)
    private String campaignsJson;
    private int units;

    public long getId() { return id; }
    public String getJurisdictionCode() { return jurisdictionCode; }
    public void setJurisdictionCode(String v) { jurisdictionCode = v; }
    public int getYear() { return year; }
    public void setYear(int v) { year = v; }
    public ExportFormat getFormat() { return format; }
    public void setFormat(ExportFormat v) { format = v; }
    public String getExportedBy() { return exportedBy; }
    public void setExportedBy(String v) { exportedBy = v; }
    public long getExportedAt() { return exportedAt; }
    public void setExportedAt(long v) { exportedAt = v; }
    public int getMappingRevision() { return mappingRevision; }
    public void setMappingRevision(int v) { mappingRevision = v; }
    public String getCampaignsJson() { return campaignsJson; }
    public void setCampaignsJson(String v) { campaignsJson = v; }
    public int getUnits() { return units; }
    public void setUnits(int v) { units = v; }
}
