package cn.supervision.report.internal;

import java.time.Instant;
import java.util.List;

import javax.persistence.EntityManager;

import cn.supervision.api.report.Instruction;
import cn.supervision.api.report.InstructionScan;
import cn.supervision.api.report.Recipient;
import cn.supervision.api.report.SpecialReport;
import cn.supervision.api.report.TaskSummary;
import cn.supervision.report.internal.model.RecipientEntity;
import cn.supervision.report.internal.model.ScanEntity;
import cn.supervision.report.internal.model.SpecialReportEntity;

/** Rows to API values: the report with its recipients, instructions and their tasks' counts; a scan. */
final class Values {
    private final StoredJson json;
    private final InstructionRecorder instructions;

    Values(StoredJson json, InstructionRecorder instructions) {
        this.json = json;
        this.instructions = instructions;
    }

    SpecialReport report(EntityManager em, SpecialReportEntity e) {
        Links links = json.links(e);
        List<Instruction> list = instructions.of(em, e.getId());
        TaskSummary tasks = list.stream().map(Instruction::tasks).reduce(TaskSummary.NONE, TaskSummary::plus);
        return new SpecialReport(e.getId(), e.getJurisdictionCode(), e.getTitle(), e.getIssue(), json.sections(e), links.findings(),
                links.units(), links.campaignIds(), links.scores(), e.getState(), e.getReturnReason(), e.getCreatedBy(),
                Instant.ofEpochMilli(e.getCreatedAt()), e.getSubmittedBy(), e.getApprovedBy(), instant(e.getApprovedAt()),
                recipients(em, e.getId()), e.getSentBy(), instant(e.getSentAt()), e.getDocumentId(), e.getDocumentNumber(), list,
                tasks, e.getClosedBy(), instant(e.getClosedAt()), e.getUpdatedBy(), Instant.ofEpochMilli(e.getUpdatedAt()));
    }

    /** The leaders the report was sent to, in the order named, with when each read it. */
    static List<Recipient> recipients(EntityManager em, long reportId) {
        return em.createQuery("select r from RecipientEntity r where r.reportId = :r order by r.id", RecipientEntity.class)
                .setParameter("r", reportId).getResultList().stream()
                .map(r -> new Recipient(r.getUsername(), r.getReadAt() == null ? null : Instant.ofEpochMilli(r.getReadAt())))
                .toList();
    }

    static InstructionScan scan(ScanEntity s) {
        return new InstructionScan(s.getId(), s.getReportId(), s.getFileName(), s.getContentType(), s.getSize(), s.getSha256(),
                s.getInstructionId(), s.getUploadedBy(), Instant.ofEpochMilli(s.getUploadedAt()));
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
