package cn.supervision.registry.internal.model;

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

import cn.supervision.api.registry.UnitKind;
import cn.supervision.api.registry.UnitStatus;

/** The current state of a unit; its past states live in {@link UnitRevisionEntity}. */
@Entity
@Table(name = "SV_UNIT",
        uniqueConstraints = @UniqueConstraint(name = "UQ_UNIT_CODE", columnNames = {"JURISDICTIONCODE", "CODE"}),
        indexes = @Index(name = "IX_UNIT_JURISDICTION", columnList = "JURISDICTIONCODE,STATUS"))
public class UnitEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column(nullable = false, length = 32)
    private String code;
    @Column(nullable = false, length = 100)
    private String name;
    @Column(length = 30)
    private String shortName;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private UnitKind kind;
    @Column(nullable = false, length = 16)
    private String jurisdictionCode;
    private Long parentUnitId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private UnitStatus status;
    /** The mandate (duties, internal bodies, staffing) as JSON: always read and written whole. */
    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(nullable = false)
    private String mandateJson;
    private int revision;
    private long createdAt;
    @Column(length = 64)
    private String createdBy;
    private long updatedAt;
    @Column(length = 64)
    private String updatedBy;

    public long getId() { return id; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getShortName() { return shortName; }
    public void setShortName(String shortName) { this.shortName = shortName; }
    public UnitKind getKind() { return kind; }
    public void setKind(UnitKind kind) { this.kind = kind; }
    public String getJurisdictionCode() { return jurisdictionCode; }
    public void setJurisdictionCode(String jurisdictionCode) { this.jurisdictionCode = jurisdictionCode; }
    public Long getParentUnitId() { return parentUnitId; }
    public void setParentUnitId(Long parentUnitId) { this.parentUnitId = parentUnitId; }
    public UnitStatus getStatus() { return status; }
    public void setStatus(UnitStatus status) { this.status = status; }
    public String getMandateJson() { return mandateJson; }
    public void setMandateJson(String mandateJson) { this.mandateJson = mandateJson; }
    public int getRevision() { return revision; }
    public void setRevision(int revision) { this.revision = revision; }
    public long getCreatedAt() { return createdAt; }
    public void setCreatedAt(long createdAt) { this.createdAt = createdAt; }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String createdBy) { this.createdBy = createdBy; }
    public long getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(long updatedAt) { this.updatedAt = updatedAt; }
    public String getUpdatedBy() { return updatedBy; }
    public void setUpdatedBy(String updatedBy) { this.updatedBy = updatedBy; }
}
