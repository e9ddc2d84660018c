package cn.supervision.scheduler.internal.model;

import java.io.Serializable;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/**
 * Which node runs one pass of one scheduled day. Written before the pass runs (the primary key lets one node have it),
 * its lease renewed while the pass runs and FINISHEDAT set with the run record; an unfinished claim whose lease ran
 * out belonged to a node that died, and another node takes it over. Kept forever, like the run history. Written with
 * plain SQL ({@code SlotClaims}); the entity is for reading.
 */
@Entity
@Table(name = "SV_SCHED_CLAIM")
@IdClass(PassClaimEntity.Key.class)
public class PassClaimEntity {
    /** The scheduled day (epoch day in the scheduler's zone). */
    @Id
    private long slotDay;
    @Id
    @Column(nullable = false, length = 64)
    private String pass;
    /** The node holding the claim (host, process and a random part), as it names itself. */
    @Column(nullable = false, length = 100)
    private String node;
    private long claimedAt;
    private long leaseUntil;
    private Long finishedAt;

    public PassClaimEntity() {
    }

    public long getSlotDay() { return slotDay; }
    public String getPass() { return pass; }
    public String getNode() { return node; }
    public long getClaimedAt() { return claimedAt; }
    public long getLeaseUntil() { return leaseUntil; }
    public Long getFinishedAt() { return finishedAt; }

    /** The primary key: one claim per pass and day. */
    public static final class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public long slotDay;
        public String pass;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.slotDay == slotDay && Objects.equals(k.pass, pass);
        }

        @Override
        public int hashCode() {
            return Objects.hash(slotDay, pass);
        }
    }
}
