package cn.supervision.registry.internal.model;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

import cn.supervision.api.registry.StaffingInUse;

/** One recording of a unit's staffing in use; rows are only ever added (a correction is a later recording). */
@Entity
@Table(name = "SV_STAFFING_IN_USE", indexes = {
        @Index(name = "IX_STAFFING_UNIT", columnList = "UNITID,ASOFDAY"),
        @Index(name = "IX_STAFFING_JURISDICTION", columnList = "JURISDICTIONCODE")})
public class StaffingEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private long unitId;
    @Column(nullable = false, length = 16)
    private String jurisdictionCode;
    /** The date as an epoch day: portable across the providers' date mappings and orderable. */
    private long asOfDay;
    private int administrativeStaff;
    private int institutionalStaff;
    private int extraStaff;
    private int leadershipPostsFilled;
    @Column(nullable = false, length = 64)
    private String recordedBy;
    private long recordedAt;

    public StaffingEntity() {
    }

    public StaffingEntity(String jurisdictionCode, StaffingInUse s) {
        this.unitId = s.unitId();
        this.jurisdictionCode = jurisdictionCode;
        this.asOfDay = s.asOf().toEpochDay();
        this.administrativeStaff = s.administrativeStaff();
        this.institutionalStaff = s.institutionalStaff();
        this.extraStaff = s.extraStaff();
        this.leadershipPostsFilled = s.leadershipPostsFilled();
        this.recordedBy = s.recordedBy();
        this.recordedAt = s.recordedAt().toEpochMilli();
    }

    public long getId() { return id; }
    public long getUnitId() { return unitId; }
    public String getJurisdictionCode() { return jurisdictionCode; }
    public long getAsOfDay() { return asOfDay; }

    public StaffingInUse toValue() {
        return new StaffingInUse(unitId, LocalDate.ofEpochDay(asOfDay), administrativeStaff, institutionalStaff, extraStaff,
                leadershipPostsFilled, recordedBy, Instant.ofEpochMilli(recordedAt));
    }
}
