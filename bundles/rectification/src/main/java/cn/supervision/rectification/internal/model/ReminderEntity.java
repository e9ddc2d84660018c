package cn.supervision.rectification.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/**
 * What the deadline pass already sent (a reminder, an overdue notice, an escalation proposal): the key makes a second
 * run — the same day or later — send nothing twice.
 */
@Entity
@Table(name = "SV_RECT_REMINDER", uniqueConstraints = @UniqueConstraint(name = "UQ_RECT_REMINDER", columnNames = {"ITEMID", "KIND"}))
public class ReminderEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private long itemId;
    @Column(nullable = false, length = 24)
    private String kind;
    private long day;
    private long sentAt;

    public ReminderEntity() {
    }

    public ReminderEntity(long itemId, String kind, long day, long sentAt) {
        this.itemId = itemId;
        this.kind = kind;
        this.day = day;
        this.sentAt = sentAt;
    }

    public long getItemId() { return itemId; }
    public String getKind() { return kind; }
    public long getDay() { return day; }
}
