package cn.supervision.registry.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

import cn.supervision.api.registry.DutyStatus;
import cn.supervision.api.registry.DutyType;

/**
 * One main duty of a unit with its stable id. Rows are never deleted: a mandate revision that drops the duty retires
 * it, so scores, power-list items and findings that name the id keep pointing at something.
 */
@Entity
@Table(name = "SV_DUTY", indexes = {
        @Index(name = "IX_DUTY_UNIT", columnList = "UNITID,STATUS"),
        @Index(name = "IX_DUTY_JURISDICTION", columnList = "JURISDICTIONCODE,STATUS")})
public class DutyEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private long unitId;
    @Column(nullable = false, length = 16)
    private String jurisdictionCode;
    private int number;
    @Column(nullable = false, length = 2000)
    private String text;
    @Enumerated(EnumType.STRING)
    @Column(length = 32)
    private DutyType type;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private DutyStatus status;
    /** The resolved links ({@code DutyLink[]}, at most 20) as JSON, read and written whole like the mandate. */
    @Column(length = 4000)
    private String linksJson;
    private int sinceRevision;
    private Integer retiredRevision;
    private Long retiredAt;

    public long getId() { return id; }
    public long getUnitId() { return unitId; }
    public void setUnitId(long unitId) { this.unitId = unitId; }
    public String getJurisdictionCode() { return jurisdictionCode; }
    public void setJurisdictionCode(String jurisdictionCode) { this.jurisdictionCode = jurisdictionCode; }
    public int getNumber() { return number; }
    public void setNumber(int number) { this.number = number; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public DutyType getType() { return type; }
    public void setType(DutyType type) { this.type = type; }
    public DutyStatus getStatus() { return status; }
    public void setStatus(DutyStatus status) { this.status = status; }
    public String getLinksJson() { return linksJson; }
    public void setLinksJson(String linksJson) { this.linksJson = linksJson; }
    public int getSinceRevision() { return sinceRevision; }
    public void setSinceRevision(int sinceRevision) { this.sinceRevision = sinceRevision; }
    public Integer getRetiredRevision() { return retiredRevision; }
    public void setRetiredRevision(Integer retiredRevision) { this.retiredRevision = retiredRevision; }
    public Long getRetiredAt() { return retiredAt; }
    public void setRetiredAt(Long retiredAt) { this.retiredAt = retiredAt; }
}
