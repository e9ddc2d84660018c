package cn.supervision.survey.internal.model;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/**
 * A submitted response: written once (by {@code ResponseWriter}, with JDBC), never updated. {@code dedupeKey} is unique, so the database itself refuses a
 * second answer for the same token, peer pair or device and unit, even under concurrent submissions.
 */
@Entity
@Table(name = "SV_SURVEY_RESPONSE", indexes = @Index(name = "IX_RESPONSE_QUESTIONNAIRE", columnList = "QUESTIONNAIREID,UNITID"))
public class ResponseEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private long questionnaireId;
    private long unitId;
    @Column(nullable = false, length = 12)
    private String channel;
    @Column(length = 32)
    private String category;
    private Long raterUnitId;
    @Column(length = 64)
    private String raterUser;
    private Long tokenId;
    @Column(nullable = false, length = 120, unique = true)
    private String dedupeKey;
    @Column(length = 64)
    private String client;
    @Column(length = 50)
    private String respondentName;
    @Column(length = 20)
    private String respondentPhone;
    @Column(nullable = false, length = 8000)
    private String answersJson;
    @Column(precision = 7, scale = 2)
    private BigDecimal score;
    private long submittedAt;

    public ResponseEntity() {
    }

    public ResponseEntity(long questionnaireId, long unitId, String channel, String category, Long raterUnitId, String raterUser,
                          Long tokenId, String dedupeKey, String client, String respondentName, String respondentPhone,
                          String answersJson, BigDecimal score, long submittedAt) {
        this.questionnaireId = questionnaireId;
        this.unitId = unitId;
        this.channel = channel;
        this.category = category;
        this.raterUnitId = raterUnitId;
        this.raterUser = raterUser;
        this.tokenId = tokenId;
        this.dedupeKey = dedupeKey;
        this.client = client;
        this.respondentName = respondentName;
        this.respondentPhone = respondentPhone;
        this.answersJson = answersJson;
        this.score = score;
        this.submittedAt = submittedAt;
    }

    public long getId() { return id; }
    public String getDedupeKey() { return dedupeKey; }
    public String getClient() { return client; }
    public long getQuestionnaireId() { return questionnaireId; }
    public long getUnitId() { return unitId; }
    public String getChannel() { return channel; }
    public String getCategory() { return category; }
    public Long getRaterUnitId() { return raterUnitId; }
    public String getRaterUser() { return raterUser; }
    public Long getTokenId() { return tokenId; }
    public String getRespondentName() { return respondentName; }
    public String getRespondentPhone() { return respondentPhone; }
    public String getAnswersJson() { return answersJson; }
    public BigDecimal getScore() { return score; }
    public long getSubmittedAt() { return submittedAt; }
}
