package cn.supervision.rectification.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** Append-only: everything that happened to a notice and its items, with who, when and why. */
@Entity
@Table(name = "SV_RECT_EVENT", indexes = @Index(name = "IX_RECT_EVENT_NOTICE", columnList = "NOTICEID"))
public class EventEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private long noticeId;
    private Long itemId;
    @Column(nullable = false, length = 32)
    private String kind;
    @Column(length = 20)
    private String fromState;
    @Column(length = 20)
    private String toState;
    @Column(length = 8000)
    private String text;
    @Column(length = 64)
    private String actor;
    // named as OpenJPA named it on Derby (a reserved word there), so PostgreSQL has the same column
    @Column(name = "AT0")
    private long at;

    public EventEntity() {
    }

    public EventEntity(long noticeId, Long itemId, String kind, String fromState, String toState, String text, String actor, long at) {
        this.noticeId = noticeId;
        this.itemId = itemId;
        this.kind = kind;
        this.fromState = fromState;
        this.toState = toState;
        this.text = text;
        this.actor = actor;
        this.at = at;
    }

    public long getId() { return id; }
    public long getNoticeId() { return noticeId; }
    public Long getItemId() { return itemId; }
    public String getKind() { return kind; }
    public String getFromState() { return fromState; }
    public String getToState() { return toState; }
    public String getText() { return text; }
    public String getActor() { return actor; }
    public long getAt() { return at; }
}
