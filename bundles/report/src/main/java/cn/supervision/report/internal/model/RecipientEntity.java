package cn.supervision.report.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/** A leader a report was sent to, with his first reading. */
@Entity
@Table(name = "SV_REPORT_RECIPIENT", indexes = @Index(name = "IX_REPORT_RECIPIENT_USER", columnList = "USERNAME"),
        uniqueConstraints = @UniqueConstraint(name = "UQ_REPORT_RECIPIENT", columnNames = {"REPORTID", "USERNAME"}))
public class RecipientEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private long reportId;
    @Column(nullable = false, length = 64)
    private String username;
    private Long readAt;

    public RecipientEntity() {
    }

    public RecipientEntity(long reportId, String username) {
        this.reportId = reportId;
        this.username = username;
    }

    public long getId() { return id; }
    public long getReportId() { return reportId; }
    public String getUsername() { return username; }
    public Long getReadAt() { return readAt; }
    public void setReadAt(Long v) { readAt = v; }
}
