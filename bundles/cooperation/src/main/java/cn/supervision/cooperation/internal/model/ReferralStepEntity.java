package cn.supervision.cooperation.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

import cn.supervision.api.cooperation.ReferralState;

/** One move of a referral: who, when, from which state to which, with the note. */
@Entity
@Table(name = "SV_COOP_REFERRAL_STEP", indexes = @Index(name = "IX_COOP_STEP_REFERRAL", columnList = "REFERRALID"))
public class ReferralStepEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private long referralId;
    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private ReferralState fromState;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ReferralState toState;
    @Column(nullable = false, length = 64)
    private String actor;
    // named as OpenJPA named it on Derby (a reserved word there), so PostgreSQL has the same column
    @Column(name = "AT0")
    private long at;
    @Column(length = 4000)
    private String note;

    public ReferralStepEntity() {
    }

    public ReferralStepEntity(long referralId, ReferralState fromState, ReferralState toState, String actor, long at, String note) {
        this.referralId = referralId;
        this.fromState = fromState;
        this.toState = toState;
        this.actor = actor;
        this.at = at;
        this.note = note;
    }

    public long getId() { return id; }
    public long getReferralId() { return referralId; }
    public ReferralState getFromState() { return fromState; }
    public ReferralState getToState() { return toState; }
    public String getActor() { return actor; }
    public long getAt() { return at; }
    public String getNote() { return note; }
}
