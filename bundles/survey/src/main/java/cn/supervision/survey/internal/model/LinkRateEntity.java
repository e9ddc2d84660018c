package cn.supervision.survey.internal.model;

import java.io.Serializable;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Index;
import javax.persistence.Table;

/**
 * Submissions through a questionnaire's shared link from one client address within one five-minute window, shared by
 * every node. Written with plain SQL by {@code LinkRateLimiter}; rows older than the hour are deleted.
 */
@Entity
@Table(name = "SV_SURVEY_LINK_RATE", indexes = @Index(name = "IX_LINK_RATE_WINDOW", columnList = "WINDOWSTART"))
@IdClass(LinkRateEntity.Key.class)
public class LinkRateEntity {
    @Id
    private long questionnaireId;
    @Id
    @Column(length = 64)
    private String client;
    @Id
    private long windowStart;
    private int submissions;

    public LinkRateEntity() {
    }

    public long getQuestionnaireId() { return questionnaireId; }
    public String getClient() { return client; }
    public long getWindowStart() { return windowStart; }
    public int getSubmissions() { return submissions; }

    /** The primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public long questionnaireId;
        public String client;
        public long windowStart;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && questionnaireId == k.questionnaireId && Objects.equals(client, k.client)
                    && windowStart == k.windowStart;
        }

        @Override
        public int hashCode() {
            return Objects.hash(questionnaireId, client, windowStart);
        }
    }
}
