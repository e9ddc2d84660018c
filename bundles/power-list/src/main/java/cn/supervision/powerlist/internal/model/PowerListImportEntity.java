package cn.supervision.powerlist.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** One accepted import of a unit's power list. Refused workbooks leave no row: they wrote nothing. */
@Entity
@Table(name = "SV_POWER_IMPORT", indexes = @Index(name = "IX_POWER_IMPORT_UNIT", columnList = "UNITID"))
public class PowerListImportEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private long unitId;
    @Column(nullable = false, length = 64)
    private String unitCode;
    @Column(nullable = false, length = 16)
    private String jurisdictionCode;
    @Column(length = 255)
    private String fileName;
    private int items;
    private int superseded;
    private long importedAt;
    @Column(nullable = false, length = 64)
    private String importedBy;

    public long getId() { return id; }
    public long getUnitId() { return unitId; }
    public void setUnitId(long v) { this.unitId = v; }
    public String getUnitCode() { return unitCode; }
    public void setUnitCode(String v) { this.unitCode = v; }
    public String getJurisdictionCode() { return jurisdictionCode; }
    public void setJurisdictionCode(String v) { this.jurisdictionCode = v; }
    public String getFileName() { return fileName; }
    public void setFileName(String v) { this.fileName = v; }
    public int getItems() { return items; }
    public void setItems(int v) { this.items = v; }
    public int getSuperseded() { return superseded; }
    public void setSuperseded(int v) { this.superseded = v; }
    public long getImportedAt() { return importedAt; }
    public void setImportedAt(long v) { this.importedAt = v; }
    public String getImportedBy() { return importedBy; }
    public void setImportedBy(String v) { this.importedBy = v; }
}
