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

import cn.supervision.api.followup.AccountabilityKind;
import cn.supervision.api.followup.AccountabilityStatus;

/** An accountability record of a finding. Never deleted. */
@Entity
@Table(name = "SV_ACCOUNTABILITY", indexes = @Index(name = "IX_ACCOUNTABILITY_FINDING", columnList = "FINDINGID"))
public class AccountabilityEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private long findingId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private AccountabilityKind kind;
    @Column(nullable = false, length = 2000)
    private String measure;
    @Column(length = 200)
    private String subject;
    @Column(length = 1000)
    private String basis;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private AccountabilityStatus status;
    @Column(length = 2000)
    private String outcome;
    private long createdAt;
    @Column(length = 64)
    private String createdBy;
    private long updatedAt;
    @Column(length = 64)
    private String updatedBy;

    public AccountabilityEntity() {
    }

    public AccountabilityEntity(long findingId, AccountabilityKind kind, String measure, String subject, String basis, String by, long at) {
        this.findingId = findingId;
        this.kind = kind;
        this.measure = measure;
        this.subject = subject;
        this.basis = basis;
        this.status = AccountabilityStatus.PROPOSED;
        this.createdAt = at;
        this.createdBy = by;
        this.updatedAt = at;
        this.updatedBy = by;
    }

    public void moveTo(AccountabilityStatus to, String outcome, String by, long at) {
        this.status = to;
        if (outcome != null) {
            this.outcome = outcome;
        }
        this.updatedBy = by;
        this.updatedAt = at;
    }

    public long getId() { return id; }
    public long getFindingId() { return findingId; }
    public AccountabilityKind getKind() { return kind; }
    public String getMeasure() { return measure; }
    public String getSubject() { return subject; }
    public String getBasis() { return basis; }
    public AccountabilityStatus getStatus() { return status; }
    public String getOutcome() { return outcome; }
    public long getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
    public long getUpdatedAt() { return updatedAt; }
    public String getUpdatedBy() { return updatedBy; }
}
