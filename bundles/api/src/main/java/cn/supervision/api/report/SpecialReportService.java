package cn.supervision.api.report;

import org.osgi.annotation.versioning.ProviderType;

import java.util.List;

import cn.supervision.api.document.DocumentFormat;
import cn.supervision.api.document.StoredDocument;
import cn.supervision.api.security.Caller;
import cn.supervision.api.task.TaskDraft;

/**
 * Special reports (监管专报, art. 22) and the leaders' instructions (批示) on them.
 *
 * <p>DRAFT → IN_REVIEW → (RETURNED → IN_REVIEW) → APPROVED → SENT → INSTRUCTED → CLOSED. A move from another state is
 * refused (conflict naming the current state). Authority (one policy, {@code Access}): {@code READ_SPECIAL_REPORTS} to
 * read (a leader reads only the reports sent to him), {@code MANAGE_SPECIAL_REPORTS} to draft, review, send, record
 * paper instructions and assign tasks, {@code INSTRUCT} for a leader of the jurisdiction named as a recipient. The
 * reviewer who approves is an office member other than the one who submitted (forbidden). Reports are never deleted.
 */
@ProviderType
public interface SpecialReportService {

    /** Reports the caller may read, newest first; {@code jurisdictionCode} and {@code state} may be null. */
    List<SpecialReport> list(Caller caller, String jurisdictionCode, ReportState state, int offset, int limit);

    SpecialReport get(Caller caller, long id);

    /** Every move and event, oldest first. */
    List<ReportTransition> history(Caller caller, long id);

    /**
     * A DRAFT; findings, units and campaigns must be the jurisdiction's (refused as invalid, naming each that is not).
     */
    SpecialReport create(Caller caller, String jurisdictionCode, SpecialReportDraft draft);

    /** Rewrites a DRAFT or RETURNED report. */
    SpecialReport update(Caller caller, long id, SpecialReportDraft draft);

    /** DRAFT or RETURNED → IN_REVIEW. */
    SpecialReport submit(Caller caller, long id);

    /** IN_REVIEW → APPROVED by an office member other than the submitter; the issue number is given. */
    SpecialReport approve(Caller caller, long id);

    /** IN_REVIEW → RETURNED, with a reason. */
    SpecialReport returnForRevision(Caller caller, long id, String reason);

    /**
     * APPROVED → SENT to the named leaders (LEADER users of the report's jurisdiction; any other is refused as
     * invalid); the archived PDF is generated and the leaders are notified. Sending an unreviewed report is a conflict.
     */
    SpecialReport send(Caller caller, long id, List<String> leaders);

    /** A named leader's read receipt (the first reading is kept). */
    SpecialReport markRead(Caller caller, long id);

    /**
     * A named leader records his instruction (SENT or INSTRUCTED); the report becomes INSTRUCTED and the office is
     * told.
     */
    Instruction instruct(Caller caller, long id, InstructionDraft draft);

    /**
     * Refuses (forbidden, not found or conflict) a caller who may not upload a paper instruction's scan, before the
     * upload is read.
     */
    void checkScanUpload(Caller caller, long id);

    /** Keeps the scan of a paper instruction (EvidenceFile rules, SHA-256). */
    InstructionScan attachScan(Caller caller, long id, String fileName, byte[] content);

    /** The scan's record: name, type, size, SHA-256 (for those who may read the report). */
    InstructionScan scan(Caller caller, long id, long scanId);

    /**
     * The scan's bytes (for those who may read the report), re-verified against the SHA-256 recorded at upload: bytes
     * that no longer match are never served (a logged server error).
     */
    byte[] scanContent(Caller caller, long id, long scanId);

    /** The office records a leader's paper instruction with its uploaded scan. */
    Instruction recordPaperInstruction(Caller caller, long id, InstructionDraft draft);

    /** The office turns an instruction into (further) tracked tasks. */
    Instruction assignTasks(Caller caller, long instructionId, List<TaskDraft> tasks);

    Instruction instruction(Caller caller, long instructionId);

    /**
     * Instructions whose report is not closed, with their task counts, of one jurisdiction (every one in scope when
     * null), those with overdue tasks first.
     */
    List<Instruction> openInstructions(Caller caller, String jurisdictionCode);

    /**
     * INSTRUCTED → CLOSED once every task of every instruction is done or cancelled (conflict counting the open ones).
     */
    SpecialReport close(Caller caller, long id, String note);

    /** Generates the report document now (a new version of the same number). */
    StoredDocument generateDocument(Caller caller, long id, DocumentFormat format);

    /** The archived PDF generated when the report was sent (what the leaders read). */
    byte[] archivedDocument(Caller caller, long id);
}
