package cn.supervision.finding.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

import cn.supervision.api.followup.AccountabilityStatus;

/** Append-only: the opening of an accountability record and every change of its status. */
@Entity
@Table(name = "SV_ACCOUNTABILITY_STEP", indexes = @Index(name = "IX_ACCOUNTABILITY_STEP", columnList = "RECORDID"))
public class AccountabilityStepEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private long recordId;
    @Enumerated(EnumType.STRING)
    @Column(length = 12)
    private AccountabilityStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private AccountabilityStatus toStatus;
    @Column(length = 2000)
    private String note;
    @Column(length = 64)
    private String changedBy;
    private long changedAt;

    public AccountabilityStepEntity() {
    }

    public AccountabilityStepEntity(long recordId, AccountabilityStatus from, AccountabilityStatus to, String note, String by, long at) {
        this.recordId = recordId;
        this.fromStatus = from;
        this.toStatus = to;
        this.note = note;
        this.changedBy = by;
        this.changedAt = at;
    }

    public long getRecordId() { return recordId; }
    public AccountabilityStatus getFromStatus() { return fromStatus; }
    public AccountabilityStatus getToStatus() { return toStatus; }
    public String getNote() { return note; }
    public String getChangedBy() { return changedBy; }
    public long getChangedAt() { return changedAt; }
}
