package cn.supervision.campaign.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/**
 * Append-only: a deadline notice the campaign-deadlines pass sent (a reminder to a unit, the late list to the office),
 * one per campaign, recipient, kind and day. The unique key makes a second run of the same day send nothing more.
 */
@Entity
@Table(name = "SV_CAMPAIGN_DEADLINE_NOTICE",
        uniqueConstraints = @UniqueConstraint(name = "UQ_DEADLINE_NOTICE", columnNames = {"CAMPAIGNID", "UNITID", "KIND", "DAY"}))
public class DeadlineNoticeEntity {
    /** {@link #unitId} of the notice to the office. */
    public static final long OFFICE = 0;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private long campaignId;
    private long unitId;
    @Column(nullable = false, length = 16)
    private String kind;
    /** The Asia/Shanghai day it was sent for, as yyyy-MM-dd. */
    @Column(nullable = false, length = 10)
    private String day;
    private long sentAt;
    private int recipients;

    protected DeadlineNoticeEntity() {
    }

    public DeadlineNoticeEntity(long campaignId, long unitId, String kind, String day, long sentAt, int recipients) {
        this.campaignId = campaignId;
        this.unitId = unitId;
        this.kind = kind;
        this.day = day;
        this.sentAt = sentAt;
        this.recipients = recipients;
    }

    public long getId() {
        return id;
    }

    public long getCampaignId() {
        return campaignId;
    }

    public long getUnitId() {
        return unitId;
    }

    public String getKind() {
        return kind;
    }

    public String getDay() {
        return day;
    }

    public long getSentAt() {
        return sentAt;
    }

    public int getRecipients() {
        return recipients;
    }
}
