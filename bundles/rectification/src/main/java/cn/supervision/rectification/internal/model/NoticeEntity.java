package cn.supervision.rectification.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

import cn.supervision.api.rectification.NoticeState;

/** A rectification notice; its number (year, sequence) is unique per issuing office, so two issues never share one. */
@Entity
@Table(name = "SV_RECT_NOTICE", indexes = {@Index(name = "IX_RECT_NOTICE_JUR", columnList = "JURISDICTIONCODE"),
        @Index(name = "IX_RECT_NOTICE_STATE", columnList = "STATE")},
        uniqueConstraints = @UniqueConstraint(name = "UQ_RECT_NOTICE_NUMBER", columnNames = {"JURISDICTIONCODE", "NUMBERYEAR", "SEQUENCE"}))
public class NoticeEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column(nullable = false, length = 12)
    private String jurisdictionCode;
    private int numberYear;
    private int sequence;
    private long unitId;
    @Column(nullable = false, length = 64)
    private String unitCode;
    @Column(nullable = false, length = 200)
    private String unitName;
    private long issuedOn;
    private long deadline;
    @Column(length = 2000)
    private String requiredEvidence;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private NoticeState state;
    private Long nextVisitOn;
    @Column(length = 64)
    private String issuedBy;
    private long issuedAt;

    public NoticeEntity() {
    }

    public NoticeEntity(String jurisdictionCode, int numberYear, int sequence, long unitId, String unitCode, String unitName,
                        long issuedOn, long deadline, String requiredEvidence, String issuedBy, long issuedAt) {
        this.jurisdictionCode = jurisdictionCode;
        this.numberYear = numberYear;
        this.sequence = sequence;
        this.unitId = unitId;
        this.unitCode = unitCode;
        this.unitName = unitName;
        this.issuedOn = issuedOn;
        this.deadline = deadline;
        this.requiredEvidence = requiredEvidence;
        this.state = NoticeState.ISSUED;
        this.issuedBy = issuedBy;
        this.issuedAt = issuedAt;
    }

    public long getId() { return id; }
    public String getJurisdictionCode() { return jurisdictionCode; }
    public int getNumberYear() { return numberYear; }
    public int getSequence() { return sequence; }
    public long getUnitId() { return unitId; }
    public String getUnitCode() { return unitCode; }
    public String getUnitName() { return unitName; }
    public long getIssuedOn() { return issuedOn; }
    public long getDeadline() { return deadline; }
    public String getRequiredEvidence() { return requiredEvidence; }
    public NoticeState getState() { return state; }
    public void setState(NoticeState state) { this.state = state; }
    public Long getNextVisitOn() { return nextVisitOn; }
    public void setNextVisitOn(Long nextVisitOn) { this.nextVisitOn = nextVisitOn; }
    public String getIssuedBy() { return issuedBy; }
    public long getIssuedAt() { return issuedAt; }
}
