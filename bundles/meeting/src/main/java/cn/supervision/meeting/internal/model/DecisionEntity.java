package cn.supervision.meeting.internal.model;

import javax.persistence.Basic;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Lob;
import javax.persistence.Table;

/**
 * A decision of a meeting; never changed once written. {@code tasksJson}: the tasks as created (task id, owner with its
 * name, deadline), so the minutes can name them without the task service.
 */
@Entity
@Table(name = "SV_MEETING_DECISION", indexes = @Index(name = "IX_MEETING_DECISION", columnList = "MEETINGID"))
public class DecisionEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private long meetingId;
    // named as OpenJPA named it on Derby (a reserved word there), so PostgreSQL has the same column
    @Column(name = "NO0")
    private int no;
    @Column(nullable = false, length = 2000)
    private String text;
    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(nullable = false)
    private String tasksJson;
    @Column(nullable = false, length = 64)
    private String createdBy;
    private long createdAt;

    public long getId() { return id; }
    public long getMeetingId() { return meetingId; }
    public void setMeetingId(long v) { this.meetingId = v; }
    public int getNo() { return no; }
    public void setNo(int v) { this.no = v; }
    public String getText() { return text; }
    public void setText(String v) { this.text = v; }
    public String getTasksJson() { return tasksJson; }
    public void setTasksJson(String v) { this.tasksJson = v; }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String v) { this.createdBy = v; }
    public long getCreatedAt() { return createdAt; }
    public void setCreatedAt(long v) { this.createdAt = v; }
}
