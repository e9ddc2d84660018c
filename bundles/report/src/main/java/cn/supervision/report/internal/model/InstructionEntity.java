package cn.supervision.report.internal.model;

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

import cn.supervision.api.report.InstructionChannel;

/** A leader's instruction on a report: written once, never changed. */
@Entity
@Table(name = "SV_REPORT_INSTRUCTION", indexes = {
        @Index(name = "IX_REPORT_INSTRUCTION_REPORT", columnList = "REPORTID"),
        @Index(name = "IX_REPORT_INSTRUCTION_JURISDICTION", columnList = "JURISDICTIONCODE")})
public class InstructionEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private long reportId;
    @Column(nullable = false, length = 16)
    private String jurisdictionCode;
    @Column(nullable = false, length = 64)
    private String leader;
    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(nullable = false)
    private String text;
    /** ISO date written on the instruction. */
    @Column(nullable = false, length = 10)
    private String instructedOn;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private InstructionChannel channel;
    private Long scanId;
    @Column(nullable = false, length = 64)
    private String recordedBy;
    private long recordedAt;

    public InstructionEntity() {
    }

    public InstructionEntity(long reportId, String jurisdictionCode, String leader, String text, String instructedOn,
                             InstructionChannel channel, Long scanId, String recordedBy, long recordedAt) {
        this.reportId = reportId;
        this.jurisdictionCode = jurisdictionCode;
        this.leader = leader;
        this.text = text;
        this.instructedOn = instructedOn;
        this.channel = channel;
        this.scanId = scanId;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public long getId() { return id; }
    public long getReportId() { return reportId; }
    public String getJurisdictionCode() { return jurisdictionCode; }
    public String getLeader() { return leader; }
    public String getText() { return text; }
    public String getInstructedOn() { return instructedOn; }
    public InstructionChannel getChannel() { return channel; }
    public Long getScanId() { return scanId; }
    public String getRecordedBy() { return recordedBy; }
    public long getRecordedAt() { return recordedAt; }
}
