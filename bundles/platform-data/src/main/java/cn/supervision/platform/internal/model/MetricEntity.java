package cn.supervision.platform.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/** A metric definition of one jurisdiction. Redefinition updates it; stored values keep pointing to its id. */
@Entity
@Table(name = "SV_PD_METRIC", uniqueConstraints = @UniqueConstraint(name = "UQ_PD_METRIC", columnNames = {"JURISDICTIONCODE", "CODE"}))
public class MetricEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column(nullable = false, length = 12)
    private String jurisdictionCode;
    @Column(nullable = false, length = 64)
    private String code;
    @Column(nullable = false, length = 100)
    private String name;
    @Column(length = 20)
    private String unitOfMeasure;
    @Column(nullable = false, length = 64)
    private String sourceSystem;
    @Column(nullable = false, length = 8)
    private String aggregation;
    private long updatedAt;
    @Column(length = 64)
    private String updatedBy;

    public MetricEntity() {
    }

    public MetricEntity(String jurisdictionCode, String code) {
        this.jurisdictionCode = jurisdictionCode;
        this.code = code;
    }

    public void define(String name, String unitOfMeasure, String sourceSystem, String aggregation, String by, long at) {
        this.name = name;
        this.unitOfMeasure = unitOfMeasure;
        this.sourceSystem = sourceSystem;
        this.aggregation = aggregation;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    public long getId() { return id; }
    public String getJurisdictionCode() { return jurisdictionCode; }
    public String getCode() { return code; }
    public String getName() { return name; }
    public String getUnitOfMeasure() { return unitOfMeasure; }
    public String getSourceSystem() { return sourceSystem; }
    public String getAggregation() { return aggregation; }
    public long getUpdatedAt() { return updatedAt; }
    public String getUpdatedBy() { return updatedBy; }
}
