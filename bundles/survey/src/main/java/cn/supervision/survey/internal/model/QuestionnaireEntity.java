package cn.supervision.survey.internal.model;

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
import javax.persistence.Version;

/** A questionnaire: its definition and matrix as JSON (read whole, never queried inside). */
@Entity
@Table(name = "SV_QUESTIONNAIRE", indexes = {@Index(name = "IX_QUESTIONNAIRE_CAMPAIGN", columnList = "CAMPAIGNID"),
        @Index(name = "IX_QUESTIONNAIRE_LINK", columnList = "OPENLINKKEY")})
public class QuestionnaireEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private long campaignId;
    @Column(nullable = false, length = 12)
    private String jurisdictionCode;
    @Column(nullable = false, length = 24)
    private String kind;
    @Column(nullable = false, length = 12)
    private String state;
    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(nullable = false)
    private String definitionJson;
    @Lob
    @Basic(fetch = FetchType.EAGER)
    private String targetsJson;
    /** Null: the default matrix (every target unit rates every other). */
    @Lob
    @Basic(fetch = FetchType.EAGER)
    private String matrixJson;
    @Column(length = 32)
    private String openLinkKey;
    private long createdAt;
    @Column(length = 64)
    private String createdBy;
    private long updatedAt;
    @Column(length = 64)
    private String updatedBy;
    @Version
    private int version;

    public QuestionnaireEntity() {
    }

    public QuestionnaireEntity(long campaignId, String jurisdictionCode, String kind, String definitionJson, String by, long at) {
        this.campaignId = campaignId;
        this.jurisdictionCode = jurisdictionCode;
        this.kind = kind;
        this.state = "DRAFT";
        this.definitionJson = definitionJson;
        this.createdBy = by;
        this.createdAt = at;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    public long getId() { return id; }
    public long getCampaignId() { return campaignId; }
    public String getJurisdictionCode() { return jurisdictionCode; }
    public String getKind() { return kind; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public String getDefinitionJson() { return definitionJson; }
    public void setDefinitionJson(String definitionJson) { this.definitionJson = definitionJson; }
    public String getTargetsJson() { return targetsJson; }
    public void setTargetsJson(String targetsJson) { this.targetsJson = targetsJson; }
    public String getMatrixJson() { return matrixJson; }
    public void setMatrixJson(String matrixJson) { this.matrixJson = matrixJson; }
    public String getOpenLinkKey() { return openLinkKey; }
    public void setOpenLinkKey(String openLinkKey) { this.openLinkKey = openLinkKey; }
    public long getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
    public long getUpdatedAt() { return updatedAt; }
    public String getUpdatedBy() { return updatedBy; }

    public void touch(String by, long at) {
        this.updatedBy = by;
        this.updatedAt = at;
    }
}
