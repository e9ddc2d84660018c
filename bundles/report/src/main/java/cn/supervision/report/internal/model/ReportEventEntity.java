package cn.supervision.report.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

import cn.supervision.api.report.ReportState;

/** Append-only history of a report: every move and every event within a state. */
@Entity
@Table(name = "SV_REPORT_EVENT", indexes = @Index(name = "IX_REPORT_EVENT_REPORT", columnList = "REPORTID"))
public class ReportEventEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private long reportId;
    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private ReportState fromState;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ReportState toState;
    @Column(nullable = false, length = 32)
    private String action;
    @Column(nullable = false, length = 64)
    private String actor;
    // named as OpenJPA named it on Derby (a reserved word there), so PostgreSQL has the same column
    @Column(name = "AT0")
    private long at;
    @Column(length = 1000)
    private String note;

    public ReportEventEntity() {
    }

    public ReportEventEntity(long reportId, ReportState from, ReportState to, String action, String actor, long at, String note) {
        this.reportId = reportId;
        this.fromState = from;
        this.toState = to;
        this.action = action;
        this.actor = actor;
        this.at = at;
        this.note = note;
    }

    public long getId() { return id; }
    public long getReportId() { return reportId; }
    public ReportState getFromState() { return fromState; }
    public ReportState getToState() { return toState; }
    public String getAction() { return action; }
    public String getActor() { return actor; }
    public long getAt() { return at; }
    public String getNote() { return note; }
}
