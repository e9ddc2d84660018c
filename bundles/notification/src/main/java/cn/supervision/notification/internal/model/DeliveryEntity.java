package cn.supervision.notification.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/**
 * One inbox message on its way through one channel (e-mail, SMS …): attempts, the last error and when it was
 * delivered. PENDING until delivered or given up (FAILED); kept afterwards as the record of what was sent.
 */
@Entity
@Table(name = "SV_NT_DELIVERY", indexes = @Index(name = "IX_NT_DELIVERY_DUE", columnList = "STATE,NEXTATTEMPTAT"))
public class DeliveryEntity {
    public static final String PENDING = "PENDING";
    public static final String DELIVERED = "DELIVERED";
    public static final String FAILED = "FAILED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private long inboxId;
    @Column(nullable = false, length = 32)
    private String channel;
    @Column(nullable = false, length = 64)
    private String recipient;
    @Column(nullable = false, length = 12)
    private String state;
    private int attempts;
    @Column(length = 500)
    private String lastError;
    private long createdAt;
    private long nextAttemptAt;
    private Long deliveredAt;

    public DeliveryEntity() {
    }

    public DeliveryEntity(long inboxId, String channel, String recipient, long createdAt) {
        this.inboxId = inboxId;
        this.channel = channel;
        this.recipient = recipient;
        this.state = PENDING;
        this.createdAt = createdAt;
        this.nextAttemptAt = createdAt;
    }

    public void delivered(long at) {
        attempts++;
        state = DELIVERED;
        deliveredAt = at;
        lastError = null;
    }

    /** A failed attempt: retried at {@code retryAt}, or given up when that is null. */
    public void failed(String error, Long retryAt) {
        attempts++;
        lastError = error == null ? null : error.substring(0, Math.min(500, error.length()));
        if (retryAt == null) {
            state = FAILED;
        } else {
            nextAttemptAt = retryAt;
        }
    }

    public long getId() { return id; }
    public long getInboxId() { return inboxId; }
    public String getChannel() { return channel; }
    public String getRecipient() { return recipient; }
    public String getState() { return state; }
    public int getAttempts() { return attempts; }
    public String getLastError() { return lastError; }
    public long getCreatedAt() { return createdAt; }
    public long getNextAttemptAt() { return nextAttemptAt; }
    public Long getDeliveredAt() { return deliveredAt; }
}
