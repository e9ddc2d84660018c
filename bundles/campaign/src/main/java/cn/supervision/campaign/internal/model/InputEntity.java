package cn.supervision.campaign.internal.model;

import javax.persistence.Basic;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Lob;
import javax.persistence.Table;

import cn.supervision.api.campaign.InputSource;

/** Append-only: every input recorded in a campaign, with who and when. */
@Entity
@Table(name = "SV_CAMPAIGN_INPUT", indexes = {@Index(name = "IX_INPUT_CAMPAIGN", columnList = "CAMPAIGNID,UNITID"),
        @Index(name = "IX_INPUT_VERSION", columnList = "CAMPAIGNID,INPUTVERSION")})
public class InputEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private long campaignId;
    private long unitId;
    @Column(nullable = false, length = 32)
    private String code;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private InputSource source;
    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(nullable = false)
    private String inputJson;
    @Column(length = 2000)
    private String explanation;
    @Column(length = 64)
    private String enteredBy;
    private long enteredAt;
    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private cn.supervision.api.campaign.ReviewStatus review;
    @Column(length = 500)
    private String reviewNote;
    @Column(length = 64)
    private String reviewedBy;
    private Long reviewedAt;
    /** The campaign's input version whose transaction wrote or last reviewed this row; null for rows older than versions. */
    private Long inputVersion;

    public InputEntity() {
    }

    public InputEntity(long campaignId, long unitId, String code, InputSource source, String inputJson, String explanation,
                       String enteredBy, long enteredAt) {
        this.campaignId = campaignId;
        this.unitId = unitId;
        this.code = code;
        this.source = source;
        this.inputJson = inputJson;
        this.explanation = explanation;
        this.enteredBy = enteredBy;
        this.enteredAt = enteredAt;
        this.review = source == InputSource.SELF_REPORT ? cn.supervision.api.campaign.ReviewStatus.SUBMITTED
                : cn.supervision.api.campaign.ReviewStatus.ACCEPTED;
    }

    public long getId() { return id; }
    public long getCampaignId() { return campaignId; }
    public long getUnitId() { return unitId; }
    public String getCode() { return code; }
    public InputSource getSource() { return source; }
    public String getInputJson() { return inputJson; }
    public String getExplanation() { return explanation; }
    public String getEnteredBy() { return enteredBy; }
    public long getEnteredAt() { return enteredAt; }
    public cn.supervision.api.campaign.ReviewStatus getReview() { return review; }
    public String getReviewNote() { return reviewNote; }
    public String getReviewedBy() { return reviewedBy; }
    public Long getInputVersion() { return inputVersion; }
    public void setInputVersion(Long v) { this.inputVersion = v; }

    public void review(cn.supervision.api.campaign.ReviewStatus status, String note, String by, long at) {
        this.review = status;
        this.reviewNote = note;
        this.reviewedBy = by;
        this.reviewedAt = at;
    }
}
