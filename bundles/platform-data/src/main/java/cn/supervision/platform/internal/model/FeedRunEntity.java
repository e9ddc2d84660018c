package cn.supervision.platform.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** One run of a scheduled feed: started, its attempts, how it ended. */
@Entity
@Table(name = "SV_PD_FEED_RUN", indexes = @Index(name = "IX_FEED_RUN_FEED", columnList = "FEED"))
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

    public FeedRunEntity() {
    }

    public FeedRunEntity(String feed, long startedAt) {
        this.feed = feed;
        this.startedAt = startedAt;
        this.outcome = "RUNNING";
    }

    public void attempt(String message) {
        this.attempts++;
        this.message = message == null ? null : message.substring(0, Math.min(1000, message.length()));
    }

    public void finish(String outcome, String message, String clientBatchId, Integer rows, long at) {
        this.outcome = outcome;
        this.message = message == null ? null : message.substring(0, Math.min(1000, message.length()));
        this.clientBatchId = clientBatchId;
        this.rowCount = rows;
        this.finishedAt = at;
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
}
