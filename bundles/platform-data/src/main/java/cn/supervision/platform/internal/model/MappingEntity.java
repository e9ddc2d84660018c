package cn.supervision.platform.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/** A source system's name or code of a department, mapped to a unit. */
@Entity
@Table(name = "SV_PD_MAPPING", uniqueConstraints = @UniqueConstraint(name = "UQ_PD_MAPPING",
        columnNames = {"JURISDICTIONCODE", "SOURCESYSTEM", "SOURCEKEY"}))
public class MappingEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column(nullable = false, length = 12)
    private String jurisdictionCode;
    @Column(nullable = false, length = 64)
    private String sourceSystem;
    @Column(nullable = false, length = 100)
    private String sourceKey;
    private long unitId;
    private long updatedAt;
    @Column(length = 64)
    private String updatedBy;

    public MappingEntity() {
    }

    public MappingEntity(String jurisdictionCode, String sourceSystem, String sourceKey) {
        this.jurisdictionCode = jurisdictionCode;
        this.sourceSystem = sourceSystem;
        this.sourceKey = sourceKey;
    }

    public void map(long unitId, String by, long at) {
        this.unitId = unitId;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    public String getJurisdictionCode() { return jurisdictionCode; }
    public String getSourceSystem() { return sourceSystem; }
    public String getSourceKey() { return sourceKey; }
    public long getUnitId() { return unitId; }
}
