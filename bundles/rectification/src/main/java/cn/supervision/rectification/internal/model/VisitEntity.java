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

import cn.supervision.api.rectification.VisitResult;

/** A follow-up visit: scheduled, then recorded once (a failed visit schedules the next). */
@Entity
@Table(name = "SV_RECT_VISIT", indexes = @Index(name = "IX_RECT_VISIT_NOTICE", columnList = "NOTICEID"))
public class VisitEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private long noticeId;
    private long scheduledFor;
    private Long visitedOn;
    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private VisitResult result;
    @Column(length = 4000)
    private String notes;
    @Column(length = 64)
    private String recordedBy;
    private Long recordedAt;

    public VisitEntity() {
    }

    public VisitEntity(long noticeId, long scheduledFor) {
        this.noticeId = noticeId;
        this.scheduledFor = scheduledFor;
    }

    public void record(long visitedOn, VisitResult result, String notes, String by, long at) {
        this.visitedOn = visitedOn;
        this.result = result;
        this.notes = notes;
        this.recordedBy = by;
        this.recordedAt = at;
    }

    public long getId() { return id; }
    public long getNoticeId() { return noticeId; }
    public long getScheduledFor() { return scheduledFor; }
    public Long getVisitedOn() { return visitedOn; }
    public VisitResult getResult() { return result; }
    public String getNotes() { return notes; }
    public String getRecordedBy() { return recordedBy; }
    public Long getRecordedAt() { return recordedAt; }
}
