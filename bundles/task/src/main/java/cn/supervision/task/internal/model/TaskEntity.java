package cn.supervision.task.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.Version;

import cn.supervision.api.task.OwnerKind;
import cn.supervision.api.task.TaskOrigin;
import cn.supervision.api.task.TaskState;

/** A tracked task; never deleted. {@code deadline} is an epoch day (Asia/Shanghai calendar date). */
@Entity
@Table(name = "SV_TASK", indexes = {
        @Index(name = "IX_TASK_JURISDICTION", columnList = "JURISDICTIONCODE,STATE"),
        @Index(name = "IX_TASK_ORIGIN", columnList = "ORIGIN,ORIGINID"),
        @Index(name = "IX_TASK_DEADLINE", columnList = "STATE,DEADLINE")})
public class TaskEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Version
    private int version;
    @Column(nullable = false, length = 16)
    private String jurisdictionCode;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private TaskOrigin origin;
    private long originId;
    @Column(nullable = false, length = 200)
    private String title;
    @Column(length = 2000)
    private String detail;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private OwnerKind ownerKind;
    @Column(length = 64)
    private String ownerCode;
    @Column(nullable = false, length = 200)
    private String ownerName;
    private long deadline;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private TaskState state;
    @Column(nullable = false, length = 64)
    private String createdBy;
    private long createdAt;
    @Column(length = 64)
    private String closedBy;
    private Long closedAt;
    @Column(length = 1000)
    private String closingNote;
    private long updatedAt;

    public long getId() { return id; }
    public String getJurisdictionCode() { return jurisdictionCode; }
    public void setJurisdictionCode(String v) { jurisdictionCode = v; }
    public TaskOrigin getOrigin() { return origin; }
    public void setOrigin(TaskOrigin v) { origin = v; }
    public long getOriginId() { return originId; }
    public void setOriginId(long v) { originId = v; }
    public String getTitle() { return title; }
    public void setTitle(String v) { title = v; }
    public String getDetail() { return detail; }
    public void setDetail(String v) { detail = v; }
    public OwnerKind getOwnerKind() { return ownerKind; }
    public void setOwnerKind(OwnerKind v) { ownerKind = v; }
    public String getOwnerCode() { return ownerCode; }
    public void setOwnerCode(String v) { ownerCode = v; }
    public String getOwnerName() { return ownerName; }
    public void setOwnerName(String v) { ownerName = v; }
    public long getDeadline() { return deadline; }
    public void setDeadline(long v) { deadline = v; }
    public TaskState getState() { return state; }
    public void setState(TaskState v) { state = v; }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String v) { createdBy = v; }
    public long getCreatedAt() { return createdAt; }
    public void setCreatedAt(long v) { createdAt = v; }
    public String getClosedBy() { return closedBy; }
    public void setClosedBy(String v) { closedBy = v; }
    public Long getClosedAt() { return closedAt; }
    public void setClosedAt(Long v) { closedAt = v; }
    public String getClosingNote() { return closingNote; }
    public void setClosingNote(String v) { closingNote = v; }
    public long getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(long v) { updatedAt = v; }
}
