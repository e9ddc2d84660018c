package cn.supervision.survey.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** A one-time token: only the SHA-256 of its secret is kept; used once, then {@code usedAt} is set for good. */
@Entity
@Table(name = "SV_SURVEY_TOKEN", indexes = @Index(name = "IX_TOKEN_QUESTIONNAIRE", columnList = "QUESTIONNAIREID"))
public class TokenEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private long questionnaireId;
    @Column(nullable = false, length = 64, unique = true)
    private String hash;
    private Long unitId;
    @Column(length = 32)
    private String category;
    @Column(length = 50)
    private String recipientName;
    @Column(length = 20)
    private String recipientPhone;
    private long issuedAt;
    @Column(length = 64)
    private String issuedBy;
    private Long usedAt;

    public TokenEntity() {
    }

    public TokenEntity(long questionnaireId, String hash, Long unitId, String category, String recipientName, String recipientPhone,
                       String issuedBy, long issuedAt) {
        this.questionnaireId = questionnaireId;
        this.hash = hash;
        this.unitId = unitId;
        this.category = category;
        this.recipientName = recipientName;
        this.recipientPhone = recipientPhone;
        this.issuedBy = issuedBy;
        this.issuedAt = issuedAt;
    }

    public long getId() { return id; }
    public long getQuestionnaireId() { return questionnaireId; }
    public String getHash() { return hash; }
    public Long getUnitId() { return unitId; }
    public String getCategory() { return category; }
    public String getRecipientName() { return recipientName; }
    public String getRecipientPhone() { return recipientPhone; }
    public long getIssuedAt() { return issuedAt; }
    public String getIssuedBy() { return issuedBy; }
    public Long getUsedAt() { return usedAt; }
}
