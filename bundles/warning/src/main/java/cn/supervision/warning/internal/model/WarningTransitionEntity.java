package cn.supervision.warning.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** One state change of a warning (append-only: the ledger's history is never rewritten). */
@Entity
@Table(name = "SV_WARNING_TRANSITION", indexes = {@Index(name = "IX_WARNING_TR", columnList = "WARNINGID")})
public class WarningTransitionEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private long warningId;
    @Column(length = 16)
    private String fromState;
    @Column(nullable = false, length = 16)
    private String toState;
    @Column(nullable = false, length = 64)
    private String actor;
    // named as OpenJPA named it on Derby (a reserved word there), so PostgreSQL has the same column
    @Column(name = "AT0")
    private long at;
    @Column(length = 2000)
    private String reason;

    public WarningTransitionEntity() {
    }

    public WarningTransitionEntity(long warningId, String fromState, String toState, String actor, long at, String reason) {
        this.warningId = warningId;
        this.fromState = fromState;
        this.toState = toState;
        this.actor = actor;
        this.at = at;
        this.reason = reason;
    }

    public long getId() { return id; }
    public long getWarningId() { return warningId; }
    public String getFromState() { return fromState; }
    public String getToState() { return toState; }
    public String getActor() { return actor; }
    public long getAt() { return at; }
    public String getReason() { return reason; }
}
