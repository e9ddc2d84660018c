package cn.supervision.survey.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** The office's decision on a flagged response; decisions are appended, the latest counts. */
@Entity
@Table(name = "SV_SURVEY_OUTLIER_DECISION", indexes = @Index(name = "IX_DECISION_QUESTIONNAIRE", columnList = "QUESTIONNAIREID"))
public class OutlierDecisionEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private long questionnaireId;
    private long responseId;
    private boolean accepted;
    @Column(nullable = false, length = 500)
    private String note;
    @Column(length = 64)
    private String decidedBy;
    private long decidedAt;

    public OutlierDecisionEntity() {
    }

    public OutlierDecisionEntity(long questionnaireId, long responseId, boolean accepted, String note, String decidedBy, long decidedAt) {
        this.questionnaireId = questionnaireId;
        this.responseId = responseId;
        this.accepted = accepted;
        this.note = note;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
    }

    public long getId() { return id; }
    public long getResponseId() { return responseId; }
    public boolean isAccepted() { return accepted; }
    public String getNote() { return note; }
    public String getDecidedBy() { return decidedBy; }
    public long getDecidedAt() { return decidedAt; }
}
