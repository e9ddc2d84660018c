package cn.supervision.warning.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/**
 * A ledger entry. {@code unitId + rule + subject} identify what it warns about: the rule pass never raises the same
 * facts twice. Times are epoch milliseconds; {@code valuesJson} keeps the values that triggered it.
 */
@Entity
@Table(name = "SV_WARNING", indexes = {@Index(name = "IX_WARNING_JUR", columnList = "JURISDICTIONCODE,STATE")})
public class WarningEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column(nullable = false, length = 12)
    private String jurisdictionCode;
    private long unitId;
    @Column(length = 64)
    private String unitCode;
    @Column(length = 200)
    private String unitName;
    @Column(nullable = false, length = 12)
    private String level;
    @Column(nullable = false, length = 32)
    private String rule;
    @Column(nullable = false, length = 200)
    private String subject;
    @Column(length = 2000)
    private String description;
    @Column(length = 4000)
    private String valuesJson;
    @Column(nullable = false, length = 16)
    private String state;
    private long raisedAt;
    private long updatedAt;
    @Column(length = 64)
    private String updatedBy;
    private long lastRemindedAt;
    private Long findingId;

    public WarningEntity() {
    }

    public WarningEntity(String jurisdictionCode, long unitId, String unitCode, String unitName, String level, String rule,
                         String subject, String description, String valuesJson, String state, long raisedAt, String by) {
        this.jurisdictionCode = jurisdictionCode;
        this.unitId = unitId;
        this.unitCode = unitCode;
        this.unitName = unitName;
        this.level = level;
        this.rule = rule;
        this.subject = subject;
        this.description = description;
        this.valuesJson = valuesJson;
        this.state = state;
        this.raisedAt = raisedAt;
        this.updatedAt = raisedAt;
        this.updatedBy = by;
        this.lastRemindedAt = raisedAt;
    }

    public long getId() { return id; }
    public String getJurisdictionCode() { return jurisdictionCode; }
    public long getUnitId() { return unitId; }
    public String getUnitCode() { return unitCode; }
    public String getUnitName() { return unitName; }
    public String getLevel() { return level; }
    public String getRule() { return rule; }
    public String getSubject() { return subject; }
    public String getDescription() { return description; }
    public String getValuesJson() { return valuesJson; }
    public String getState() { return state; }
    public long getRaisedAt() { return raisedAt; }
    public long getUpdatedAt() { return updatedAt; }
    public String getUpdatedBy() { return updatedBy; }
    public long getLastRemindedAt() { return lastRemindedAt; }
    public void setLastRemindedAt(long lastRemindedAt) { this.lastRemindedAt = lastRemindedAt; }
    public Long getFindingId() { return findingId; }
    public void setFindingId(Long findingId) { this.findingId = findingId; }

    public void moveTo(String state, long at, String by) {
        this.state = state;
        this.updatedAt = at;
        this.updatedBy = by;
    }
}
