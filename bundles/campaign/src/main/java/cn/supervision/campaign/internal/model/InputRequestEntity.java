package cn.supervision.campaign.internal.model;

import javax.persistence.Basic;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Lob;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/**
 * A keyed input write (the caller's Idempotency-Key), stored in the transaction that wrote its inputs: who sent which
 * key, a fingerprint of what was asked, and the ids of the inputs written, in the order of the request. Kept for a day
 * at least, then deleted; the inputs stay.
 */
@Entity
@Table(name = "SV_CAMPAIGN_INPUT_REQUEST",
        uniqueConstraints = @UniqueConstraint(name = "UQ_INPUT_REQUEST", columnNames = {"USERNAME", "REQUESTKEY"}),
        indexes = @Index(name = "IX_INPUT_REQUEST_CREATED", columnList = "CREATEDAT"))
public class InputRequestEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column(nullable = false, length = 64)
    private String username;
    @Column(nullable = false, length = 128)
    private String requestKey;
    private long campaignId;
    /** SHA-256 (hex) of the request's content: the campaign, single or batch, and every draft. */
    @Column(nullable = false, length = 64)
    private String fingerprint;
    /** The ids of the inputs written, comma-separated, in the order of the request's drafts. */
    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(nullable = false)
    private String inputIds;
    private long createdAt;

    protected InputRequestEntity() {
    }

    public InputRequestEntity(String username, String requestKey, long campaignId, String fingerprint, String inputIds, long createdAt) {
        this.username = username;
        this.requestKey = requestKey;
        this.campaignId = campaignId;
        this.fingerprint = fingerprint;
        this.inputIds = inputIds;
        this.createdAt = createdAt;
    }

    public long getId() { return id; }
    public String getUsername() { return username; }
    public String getRequestKey() { return requestKey; }
    public long getCampaignId() { return campaignId; }
    public String getFingerprint() { return fingerprint; }
    public String getInputIds() { return inputIds; }
    public long getCreatedAt() { return createdAt; }
}
