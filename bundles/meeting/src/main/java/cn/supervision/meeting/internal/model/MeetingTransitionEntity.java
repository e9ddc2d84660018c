package cn.supervision.meeting.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

import cn.supervision.api.meeting.MeetingState;

/** Append-only history of a meeting: who moved it from which state to which, when and why. */
@Entity
@Table(name = "SV_MEETING_TRANSITION", indexes = @Index(name = "IX_MEETING_TRANSITION", columnList = "MEETINGID"))
public class MeetingTransitionEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private long meetingId;
    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private MeetingState fromState;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private MeetingState toState;
    @Column(nullable = false, length = 64)
    private String actor;
    // named as OpenJPA named it on Derby (a reserved word there), so PostgreSQL has the same column
    @Column(name = "AT0")
    private long at;
    @Column(length = 500)
    private String reason;

    public MeetingTransitionEntity() {
    }

    public MeetingTransitionEntity(long meetingId, MeetingState from, MeetingState to, String actor, long at, String reason) {
        this.meetingId = meetingId;
        this.fromState = from;
        this.toState = to;
        this.actor = actor;
        this.at = at;
        this.reason = reason;
    }

    public long getId() { return id; }
    public long getMeetingId() { return meetingId; }
    public MeetingState getFromState() { return fromState; }
    public MeetingState getToState() { return toState; }
    public String getActor() { return actor; }
    public long getAt() { return at; }
    public String getReason() { return reason; }
}
