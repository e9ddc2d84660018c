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

import cn.supervision.api.registry.UnitChange;
import cn.supervision.api.registry.UnitStatus;

/** Append-only history of a unit: one row per change, with the unit as it was afterwards. */
@Entity
@Table(name = "SV_UNIT_REVISION", indexes = @Index(name = "IX_UNIT_REVISION_UNIT", columnList = "UNITID,REVISION"))
public class UnitRevisionEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private long unitId;
    private int revision;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private UnitChange change;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private UnitStatus status;
    @Column(length = 500)
    private String reason;
    private Long successorUnitId;
    @Column(length = 64)
    private String changedBy;
    private long changedAt;
    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(nullable = false)
    private String snapshotJson;

    public UnitRevisionEntity() {
    }

    public UnitRevisionEntity(long unitId, int revision, UnitChange change, UnitStatus status, String reason,
                              Long successorUnitId, String changedBy, long changedAt, String snapshotJson) {
        this.unitId = unitId;
        this.revision = revision;
        this.change = change;
        this.status = status;
        this.reason = reason;
        this.successorUnitId = successorUnitId;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
        this.snapshotJson = snapshotJson;
    }

    public long getUnitId() { return unitId; }
    public int getRevision() { return revision; }
    public UnitChange getChange() { return change; }
    public UnitStatus getStatus() { return status; }
    public String getReason() { return reason; }
    public Long getSuccessorUnitId() { return successorUnitId; }
    public String getChangedBy() { return changedBy; }
    public long getChangedAt() { return changedAt; }
    public String getSnapshotJson() { return snapshotJson; }
}
