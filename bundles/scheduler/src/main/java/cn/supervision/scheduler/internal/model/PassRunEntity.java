package cn.supervision.scheduler.internal.model;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

import cn.supervision.api.schedule.PassResult;

/**
 * One run of one pass: what triggered it (DAILY, CATCH_UP at start, MANUAL), for which scheduled day, who asked,
 * and what the pass reported. Kept forever; the daily slot of the latest DAILY/CATCH_UP row is what the scheduler
 * compares with the clock, so a slot is never run twice.
 */
@Entity
@Table(name = "SV_SCHED_RUN", indexes = @Index(name = "IX_SCHED_RUN_SLOT", columnList = "TRIGGERKIND,SLOTDAY"))
public class PassRunEntity {
    public static final int NOTES = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column(nullable = false, length = 64)
    private String pass;
    @Column(nullable = false, length = 12)
    private String triggerKind;
    /** The scheduled day (epoch day, Asia/Shanghai by default) a DAILY or CATCH_UP run stands for; null for MANUAL. */
    private Long slotDay;
    @Column(nullable = false, length = 64)
    private String actor;
    private long ranAt;
    private long millis;
    private long examined;
    private long changed;
    @Column(length = NOTES)
    private String notes;
    @Column(length = 1000)
    private String failure;

    public PassRunEntity() {
    }

    public PassRunEntity(String pass, String triggerKind, Long slotDay, String actor, long ranAt, long millis, long examined,
                         long changed, List<String> notes, String failure) {
        this.pass = pass;
        this.triggerKind = triggerKind;
        this.slotDay = slotDay;
        this.actor = actor;
        this.ranAt = ranAt;
        this.millis = millis;
        this.examined = examined;
        this.changed = changed;
        String joined = notes == null || notes.isEmpty() ? null : String.join("\n", notes);
        this.notes = joined == null ? null : joined.substring(0, Math.min(NOTES, joined.length()));
        this.failure = failure == null ? null : failure.substring(0, Math.min(1000, failure.length()));
    }

    public PassResult toResult() {
        return new PassResult(pass, Instant.ofEpochMilli(ranAt), examined, changed, millis,
                notes == null ? List.of() : Arrays.asList(notes.split("\n")), failure);
    }

    public String getTriggerKind() { return triggerKind; }
    public Long getSlotDay() { return slotDay; }
    public String getActor() { return actor; }
}
