package cn.supervision.notification.internal.model;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

import cn.supervision.api.notification.Notification;

/**
 * One message in one user's inbox. Never deleted; reading it only stamps {@code readAt}. Written with plain SQL by the
 * service (one per recipient and dedupe key: UQ_NT_INBOX_DEDUP).
 */
@Entity
@Table(name = "SV_NT_INBOX", indexes = @Index(name = "IX_NT_INBOX_RECIPIENT", columnList = "RECIPIENT,READAT"),
        uniqueConstraints = @UniqueConstraint(name = "UQ_NT_INBOX_DEDUP", columnNames = {"RECIPIENT", "DEDUPKEY"}))
public class InboxEntity {
    public static final int SUBJECT = 200;
    public static final int BODY = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column(nullable = false, length = 64)
    private String recipient;
    @Column(nullable = false, length = 64)
    private String category;
    @Column(nullable = false, length = SUBJECT)
    private String subject;
    @Column(length = BODY)
    private String body;
    @Column(length = 500)
    private String link;
    /** Hash of category, link, subject and day: the same reminder written twice on one day is found by it. */
    @Column(nullable = false, length = 64)
    private String dedupKey;
    private long createdAt;
    private Long readAt;

    public InboxEntity() {
    }

    public InboxEntity(String recipient, String category, String subject, String body, String link, String dedupKey, long createdAt) {
        this.recipient = recipient;
        this.category = category;
        this.subject = subject;
        this.body = body;
        this.link = link;
        this.dedupKey = dedupKey;
        this.createdAt = createdAt;
    }

    public void markRead(long at) {
        if (readAt == null) {
            readAt = at;
        }
    }

    public Notification toNotification() {
        return new Notification(id, recipient, category, subject, body, link, Instant.ofEpochMilli(createdAt),
                readAt == null ? null : Instant.ofEpochMilli(readAt));
    }

    public long getId() { return id; }
    public String getRecipient() { return recipient; }
    public String getCategory() { return category; }
    public String getSubject() { return subject; }
    public String getBody() { return body; }
    public String getLink() { return link; }
    public String getDedupKey() { return dedupKey; }
    public long getCreatedAt() { return createdAt; }
    public Long getReadAt() { return readAt; }
}
