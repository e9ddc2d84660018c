package cn.supervision.task.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/**
 * What the daily pass already sent about a task for one deadline (a reminder before it, the overdue notice after it):
 * the key makes a second run — the same day or later — send nothing twice, and a new deadline starts afresh.
 */
@Entity
@Table(name = "SV_TASK_NOTICE", uniqueConstraints = @UniqueConstraint(name = "UQ_TASK_NOTICE",
        columnNames = {"TASKID", "KIND", "DEADLINE"}))
public class TaskNoticeEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private long taskId;
    @Column(nullable = false, length = 16)
    private String kind;
    private long deadline;
    private long day;
    private long sentAt;

    public TaskNoticeEntity() {
    }

    public TaskNoticeEntity(long taskId, String kind, long deadline, long day, long sentAt) {
        this.taskId = taskId;
        this.kind = kind;
        this.deadline = deadline;
        this.day = day;
        this.sentAt = sentAt;
    }

    public long getTaskId() { return taskId; }
    public String getKind() { return kind; }
    public long getDeadline() { return deadline; }
    public long getDay() { return day; }
}
