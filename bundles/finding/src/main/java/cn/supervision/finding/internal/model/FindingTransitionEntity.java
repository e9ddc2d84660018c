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

import cn.supervision.api.followup.FindingState;

/** Append-only: a finding's registration and every change of its state. */
@Entity
@Table(name = "SV_FINDING_TRANSITION", indexes = @Index(name = "IX_FINDING_TRANSITION", columnList = "FINDINGID"))
public class FindingTransitionEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private long findingId;
    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private FindingState fromState;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private FindingState toState;
    private Long noticeId;
    @Column(length = 500)
    private String reason;
    @Column(length = 64)
    private String changedBy;
    private long changedAt;

    public FindingTransitionEntity() {
    }

    public FindingTransitionEntity(long findingId, FindingState from, FindingState to, Long noticeId, String reason, String by, long at) {
        this.findingId = findingId;
        this.fromState = from;
        this.toState = to;
        this.noticeId = noticeId;
        this.reason = reason;
        this.changedBy = by;
        this.changedAt = at;
    }

    public long getFindingId() { return findingId; }
    public FindingState getFromState() { return fromState; }
    public FindingState getToState() { return toState; }
    public Long getNoticeId() { return noticeId; }
    public String getReason() { return reason; }
    public String getChangedBy() { return changedBy; }
    public long getChangedAt() { return changedAt; }
}
