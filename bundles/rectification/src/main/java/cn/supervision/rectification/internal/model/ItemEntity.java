package cn.supervision.rectification.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

import cn.supervision.api.rectification.ItemState;

/** One finding under a notice; the current plan here, every earlier one in the events. */
@Entity
@Table(name = "SV_RECT_ITEM", indexes = {@Index(name = "IX_RECT_ITEM_NOTICE", columnList = "NOTICEID"),
        @Index(name = "IX_RECT_ITEM_STATE", columnList = "STATE")})
public class ItemEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private long noticeId;
    private long findingId;
    @Column(length = 2000)
    private String findingDescription;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ItemState state;
    @Column(length = 2000)
    private String measures;
    @Column(length = 100)
    private String responsiblePerson;
    private Long dueDate;
    private Long overdueSince;
    private Long acceptedOn;

    public ItemEntity() {
    }

    public ItemEntity(long noticeId, long findingId, String findingDescription) {
        this.noticeId = noticeId;
        this.findingId = findingId;
        this.findingDescription = findingDescription;
        this.state = ItemState.NOTIFIED;
    }

    public long getId() { return id; }
    public long getNoticeId() { return noticeId; }
    public long getFindingId() { return findingId; }
    public String getFindingDescription() { return findingDescription; }
    public ItemState getState() { return state; }
    public void setState(ItemState state) { this.state = state; }
    public String getMeasures() { return measures; }
    public String getResponsiblePerson() { return responsiblePerson; }
    public Long getDueDate() { return dueDate; }
    public void plan(String measures, String responsiblePerson, long dueDate) {
        this.measures = measures;
        this.responsiblePerson = responsiblePerson;
        this.dueDate = dueDate;
    }
    public Long getOverdueSince() { return overdueSince; }
    public void setOverdueSince(Long overdueSince) { this.overdueSince = overdueSince; }
    public Long getAcceptedOn() { return acceptedOn; }
    public void setAcceptedOn(Long acceptedOn) { this.acceptedOn = acceptedOn; }
}
