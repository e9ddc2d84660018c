package cn.supervision.platform.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/**
 * One run of a feed: started, its attempts, how it ended. A scheduled run carries its slot (the fire time it stands
 * for, unique per feed: the claim that lets one node of several run it) and, while RUNNING, the node running it and
 * until when its lease holds; a manual run has no slot. Written by {@code FeedRuns} with plain SQL; read through here.
 */
@Entity
@Table(name = "SV_PD_FEED_RUN", indexes = @Index(name = "IX_FEED_RUN_FEED", columnList = "FEED"),
        uniqueConstraints = @UniqueConstraint(name = "UQ_FEED_RUN_SLOT", columnNames = {"FEED", "SLOTAT"}))
public class FeedRunEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column(nullable = false, length = 64)
    private String feed;
    private long startedAt;
    private Long finishedAt;
    private int attempts;
    @Column(nullable = false, length = 12)
    private String outcome;
    @Column(length = 1000)
    private String message;
    @Column(length = 64)
    private String clientBatchId;
    private Integer rowCount;
    /** The scheduled fire time (epoch milliseconds) a scheduled run stands for; null for a manual run. */
    private Long slotAt;
    @Column(length = 100)
    private String node;
    private Long leaseUntil;

    public FeedRunEntity() {
    }

    public long getId() { return id; }
    public String getFeed() { return feed; }
    public long getStartedAt() { return startedAt; }
    public Long getFinishedAt() { return finishedAt; }
    public int getAttempts() { return attempts; }
    public String getOutcome() { return outcome; }
    public String getMessage() { return message; }
    public String getClientBatchId() { return clientBatchId; }
    public Integer getRowCount() { return rowCount; }
    public Long getSlotAt() { return slotAt; }
    public String getNode() { return node; }
    public Long getLeaseUntil() { return leaseUntil; }
}
