package cn.supervision.survey.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** Audit of one access to unmasked personal data. Append-only. */
@Entity
@Table(name = "SV_SURVEY_ACCESS", indexes = @Index(name = "IX_ACCESS_QUESTIONNAIRE", columnList = "QUESTIONNAIREID"))
public class AccessEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private long questionnaireId;
    @Column(nullable = false, length = 64)
    private String username;
    // named as OpenJPA named it on Derby (a reserved word there), so PostgreSQL has the same column
    @Column(name = "AT0")
    private long at;
    @Column(nullable = false, length = 100)
    private String subject;
    @Column(nullable = false, length = 500)
    private String reason;

    public AccessEntity() {
    }

    public AccessEntity(long questionnaireId, String username, long at, String subject, String reason) {
        this.questionnaireId = questionnaireId;
        this.username = username;
        this.at = at;
        this.subject = subject;
        this.reason = reason;
    }

    public long getId() { return id; }
    public long getQuestionnaireId() { return questionnaireId; }
    public String getUsername() { return username; }
    public long getAt() { return at; }
    public String getSubject() { return subject; }
    public String getReason() { return reason; }
}
