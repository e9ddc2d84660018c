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
 * delivered. PENDING until delivered or given up (FAILED); kept afterwards as the record of what was sent. Attempts
 * and their outcomes are written by the dispatcher with conditional SQL (a claim per attempt), not through this entity.
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
