package cn.supervision.api.report;

import java.time.Instant;
import java.util.List;

/**
 * A special report (监管专报, art. 22) of one jurisdiction. {@code issue} (期号, e.g. 2026年第3期) is given at approval;
 * {@code documentId} / {@code documentNumber} name the archived PDF generated when it was sent (what leaders read).
 * {@code tasks}: every task of every instruction, counted when read — {@code tasks.allDone()} is what lets the office
 * close the report. {@code drafter} created it, {@code submittedBy} put it to review, {@code reviewer} approved it (never
 * the submitter).
 */
public record SpecialReport(long id, String jurisdictionCode, String title, String issue, List<ReportSection> sections,
                            List<LinkedFinding> findings, List<LinkedUnit> units, List<Long> campaignIds,
                            List<LinkedScore> scores, ReportState state, String returnReason, String drafter,
                            Instant createdAt, String submittedBy, String reviewer, Instant approvedAt,
                            List<Recipient> recipients, String sentBy, Instant sentAt, Long documentId,
                            String documentNumber, List<Instruction> instructions, TaskSummary tasks, String closedBy,
                            Instant closedAt, String updatedBy, Instant updatedAt) {
}
