package cn.supervision.task.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** A progress report on a task: written once, never changed. */
@Entity
@Table(name = "SV_TASK_PROGRESS", indexes = @Index(name = "IX_TASK_PROGRESS", columnList = "TASKID"))
public class TaskProgressEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private long taskId;
    @Column(nullable = false, length = 2000)
    private String text;
    private Integer percent;
    @Column(nullable = false, length = 64)
    private String reportedBy;
    private long reportedAt;

    public TaskProgressEntity() {
    }

    public TaskProgressEntity(long taskId, String text, Integer percent, String reportedBy, long reportedAt) {
        this.taskId = taskId;
        this.text = text;
        this.percent = percent;
        this.reportedBy = reportedBy;
        this.reportedAt = reportedAt;
    }

    public long getId() { return id; }
    public long getTaskId() { return taskId; }
    public String getText() { return text; }
    public Integer getPercent() { return percent; }
    public String getReportedBy() { return reportedBy; }
    public long getReportedAt() { return reportedAt; }
}
