package cn.supervision.assessment.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/** One revision of a jurisdiction's assessment mapping for one year; never changed once written. */
@Entity
@Table(name = "SV_ASSESSMENT_MAPPING",
        uniqueConstraints = @UniqueConstraint(name = "UQ_ASSESSMENT_MAPPING", columnNames = {"JURISDICTIONCODE", "ASSESSMENTYEAR", "REVISION"}))
public class MappingEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column(nullable = false, length = 12)
    private String jurisdictionCode;
    @Column(name = "ASSESSMENTYEAR")
    private int year;
    private int revision;
    /** The mapping's rules as JSON (method, scale, rounding, grade points, special rules). */
    @Lob
    @Column(nullable = false)
    private String rulesJson;
    @Column(nullable = false, length = 64)
    private String createdBy;
    private long createdAt;

    public long getId() { return id; }
    public String getJurisdictionCode() { return jurisdictionCode; }
    public void setJurisdictionCode(String v) { jurisdictionCode = v; }
    public int getYear() { return year; }
    public void setYear(int v) { year = v; }
    public int getRevision() { return revision; }
    public void setRevision(int v) { revision = v; }
    public String getRulesJson() { return rulesJson; }
    public void setRulesJson(String v) { rulesJson = v; }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String v) { createdBy = v; }
    public long getCreatedAt() { return createdAt; }
    public void setCreatedAt(long v) { createdAt = v; }
}
