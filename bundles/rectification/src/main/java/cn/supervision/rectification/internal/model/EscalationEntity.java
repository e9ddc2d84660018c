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

import cn.supervision.api.rectification.EscalationKind;
import cn.supervision.api.rectification.EscalationState;

/** 约谈 or 通报批评 of a notice's unit. */
@Entity
@Table(name = "SV_RECT_ESCALATION", indexes = @Index(name = "IX_RECT_ESC_NOTICE", columnList = "NOTICEID"))
public class EscalationEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private long noticeId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private EscalationKind kind;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private EscalationState state;
    private Long heldOn;
    @Column(length = 1000)
    private String participants;
    @Column(length = 8000)
    private String minutes;
    @Column(length = 1000)
    private String reason;
    @Column(length = 64)
    private String proposedBy;
    private long proposedAt;
    @Column(length = 64)
    private String decidedBy;
    private Long decidedAt;

    public EscalationEntity() {
    }

    public EscalationEntity(long noticeId, EscalationKind kind, EscalationState state, String reason, String by, long at) {
        this.noticeId = noticeId;
        this.kind = kind;
        this.state = state;
        this.reason = reason;
        this.proposedBy = by;
        this.proposedAt = at;
    }

    public void decide(EscalationState state, Long heldOn, String participants, String minutes, String by, long at) {
        this.state = state;
        this.heldOn = heldOn;
        this.participants = participants;
        this.minutes = minutes;
        this.decidedBy = by;
        this.decidedAt = at;
    }

    public long getId() { return id; }
    public long getNoticeId() { return noticeId; }
    public EscalationKind getKind() { return kind; }
    public EscalationState getState() { return state; }
    public Long getHeldOn() { return heldOn; }
    public String getParticipants() { return participants; }
    public String getMinutes() { return minutes; }
    public String getReason() { return reason; }
    public String getProposedBy() { return proposedBy; }
    public long getProposedAt() { return proposedAt; }
    public String getDecidedBy() { return decidedBy; }
    public Long getDecidedAt() { return decidedAt; }
}
