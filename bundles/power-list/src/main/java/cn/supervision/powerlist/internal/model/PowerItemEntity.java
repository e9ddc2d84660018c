package cn.supervision.powerlist.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

import cn.supervision.api.duty.PowerItemStatus;
import cn.supervision.api.registry.DutyType;

/**
 * One item of one import. Items are never deleted or edited: the next import of the unit marks them SUPERSEDED and
 * names itself in {@code supersededBy}, so every list a unit ever had can be read back.
 */
@Entity
@Table(name = "SV_POWER_ITEM", indexes = {
        @Index(name = "IX_POWER_ITEM_UNIT", columnList = "UNITID,STATUS"),
        @Index(name = "IX_POWER_ITEM_JURISDICTION", columnList = "JURISDICTIONCODE,STATUS"),
        @Index(name = "IX_POWER_ITEM_IMPORT", columnList = "IMPORTID")})
public class PowerItemEntity {
    /** Longest text kept for 设定依据, 责任事项 and 追责情形 (the validator refuses longer cells). */
    public static final int MAX_TEXT = 8000;
    public static final int MAX_CODE = 64;
    public static final int MAX_NAME = 500;
    public static final int MAX_SUBJECT = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private long importId;
    private long unitId;
    @Column(nullable = false, length = 64)
    private String unitCode;
    @Column(nullable = false, length = 16)
    private String jurisdictionCode;
    private int rowNumber;
    @Column(nullable = false, length = MAX_CODE)
    private String code;
    @Column(nullable = false, length = MAX_NAME)
    private String name;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private DutyType type;
    @Column(length = MAX_TEXT)
    private String basis;
    @Column(length = MAX_SUBJECT)
    private String subject;
    @Column(length = MAX_TEXT)
    private String responsibilities;
    @Column(length = MAX_TEXT)
    private String accountability;
    private Long dutyId;
    private Integer dutyNumber;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private PowerItemStatus status;
    private Long supersededBy;
    private long importedAt;
    @Column(nullable = false, length = 64)
    private String importedBy;

    public long getId() { return id; }
    public long getImportId() { return importId; }
    public void setImportId(long v) { this.importId = v; }
    public long getUnitId() { return unitId; }
    public void setUnitId(long v) { this.unitId = v; }
    public String getUnitCode() { return unitCode; }
    public void setUnitCode(String v) { this.unitCode = v; }
    public String getJurisdictionCode() { return jurisdictionCode; }
    public void setJurisdictionCode(String v) { this.jurisdictionCode = v; }
    public int getRowNumber() { return rowNumber; }
    public void setRowNumber(int v) { this.rowNumber = v; }
    public String getCode() { return code; }
    public void setCode(String v) { this.code = v; }
    public String getName() { return name; }
    public void setName(String v) { this.name = v; }
    public DutyType getType() { return type; }
    public void setType(DutyType v) { this.type = v; }
    public String getBasis() { return basis; }
    public void setBasis(String v) { this.basis = v; }
    public String getSubject() { return subject; }
    public void setSubject(String v) { this.subject = v; }
    public String getResponsibilities() { return responsibilities; }
    public void setResponsibilities(String v) { this.responsibilities = v; }
    public String getAccountability() { return accountability; }
    public void setAccountability(String v) { this.accountability = v; }
    public Long getDutyId() { return dutyId; }
    public void setDutyId(Long v) { this.dutyId = v; }
    public Integer getDutyNumber() { return dutyNumber; }
    public void setDutyNumber(Integer v) { this.dutyNumber = v; }
    public PowerItemStatus getStatus() { return status; }
    public void setStatus(PowerItemStatus v) { this.status = v; }
    public Long getSupersededBy() { return supersededBy; }
    public void setSupersededBy(Long v) { this.supersededBy = v; }
    public long getImportedAt() { return importedAt; }
    public void setImportedAt(long v) { this.importedAt = v; }
    public String getImportedBy() { return importedBy; }
    public void setImportedBy(String v) { this.importedBy = v; }
}
