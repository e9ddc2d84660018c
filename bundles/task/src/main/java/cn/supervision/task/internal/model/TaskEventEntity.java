package cn.supervision.task.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** Append-only history of a task: who did what, when, and why. */
@Entity
@Table(name = "SV_TASK_EVENT", indexes = @Index(name = "IX_TASK_EVENT", columnList = "TASKID"))
public class TaskEventEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private long taskId;
    @Column(nullable = false, length = 24)
    private String action;
    @Column(length = 2000)
    private String detail;
    @Column(nullable = false, length = 64)
    private String actor;
    // named as OpenJPA named it on Derby (a reserved word there), so PostgreSQL has the same column
    @Column(name = "AT0")
    private long at;

    public TaskEventEntity() {
    }

    public TaskEventEntity(long taskId, String action, String detail, String actor, long at) {
        this.taskId = taskId;
        this.action = action;
        this.detail = detail;
        this.actor = actor;
        this.at = at;
    }

    public long getId() { return id; }
    public long getTaskId() { return taskId; }
    public String getAction() { return action; }
    public String getDetail() { return detail; }
    public String getActor() { return actor; }
    public long getAt() { return at; }
}
