package cn.supervision.report.internal;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;

import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.document.DocumentFormat;
import cn.supervision.api.document.DocumentService;
import cn.supervision.api.document.StoredDocument;
import cn.supervision.api.followup.FindingService;
import cn.supervision.api.notification.NotificationService;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.report.Instruction;
import cn.supervision.api.report.InstructionDraft;
import cn.supervision.api.report.InstructionScan;
import cn.supervision.api.report.ReportState;
import cn.supervision.api.report.ReportTransition;
import cn.supervision.api.report.SpecialReport;
import cn.supervision.api.report.SpecialReportDraft;
import cn.supervision.api.report.SpecialReportService;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.UserDirectory;
import cn.supervision.api.task.TaskDraft;
import cn.supervision.api.task.TaskService;

/**
 * Special reports on OpenJPA. Authority is the registry's {@link cn.supervision.api.security.Access}; a leader is further
 * limited to the reports sent to him ({@link ReportAccess}). The state machine is {@link Workflow}, every move and event
 * kept in the report's history ({@link StateMoves}). Each call is handed to the collaborator whose job it is:
 * {@link ReportReader}, {@link Drafting} (checked by {@link DraftChecker}), {@link Review} (submission, approval with the
 * issue number, return), {@link Delivery} (to the {@link Leaders}, and their reading), {@link Instructing} (platform and
 * paper instructions through {@link InstructionRecorder}), {@link Scans} (of paper instructions), {@link FollowUp}
 * (further tasks, closing) and {@link ReportDocument} (the 监管专报 document through {@link Documents}); messages go out
 * through {@link Messenger}, and all of them read time from the one {@link ReportClock}.
 */
public class JpaSpecialReportService implements SpecialReportService {
    static final ZoneId CHINA = ReportClock.ZONE;
    static final int MAX_REASON = Workflow.MAX_REASON;

    private final ReportReader reader;
    private final Drafting drafting;
    private final Review review;
    private final Delivery delivery;
    private final Instructing instructing;
    private final Scans scans;
    private final FollowUp followUp;
    private final ReportDocument document;

    public JpaSpecialReportService(JpaTemplate jpa, RegistryService registry, FindingService findings, CampaignService campaigns,
                                   UserDirectory users, List<TaskService> tasks, List<DocumentService> documents,
                                   List<NotificationService> notifications) {
        this(jpa, registry, findings, campaigns, users, tasks, documents, notifications, Clock.systemUTC());
    }

    JpaSpecialReportService(JpaTemplate jpa, RegistryService registry, FindingService findings, CampaignService campaigns,
                            UserDirectory users, List<TaskService> tasks, List<DocumentService> documents,
                            List<NotificationService> notifications, Clock clock) {
        ReportClock time = new ReportClock(clock);
        StoredJson json = new StoredJson();
        ReportAccess access = new ReportAccess(registry);
        Rows rows = new Rows(jpa);
        InstructionRecorder instructions = new InstructionRecorder(new TaskLedger(tasks));
        Values values = new Values(json, instructions);
        StateMoves moves = new StateMoves(jpa, access, rows, values, time);
        Documents engine = new Documents(documents);
        Messenger messenger = new Messenger(notifications);
        this.reader = new ReportReader(jpa, access, values, instructions);
        this.drafting = new Drafting(jpa, access, new DraftChecker(findings, registry, campaigns), rows, values, json, time);
        this.review = new Review(moves, time);
        this.delivery = new Delivery(jpa, access, new Leaders(users), rows, values, json, moves, engine, messenger, time);
        this.instructing = new Instructing(jpa, access, rows, instructions, messenger, time);
        this.scans = new Scans(jpa, access, rows, time);
        this.followUp = new FollowUp(jpa, access, rows, instructions, moves, time);
        this.document = new ReportDocument(jpa, access, rows, json, engine, time);
    }

    // ------------------------------------------------------------------ reading

    @Override
    public List<SpecialReport> list(Caller caller, String jurisdictionCode, ReportState state, int offset, int limit) {
        return reader.list(caller, jurisdictionCode, state, offset, limit);
    }

    @Override
    public SpecialReport get(Caller caller, long id) {
        return reader.get(caller, id);
    }

    @Override
    public List<ReportTransition> history(Caller caller, long id) {
        return reader.history(caller, id);
    }

    @Override
    public Instruction instruction(Caller caller, long instructionId) {
        return reader.instruction(caller, instructionId);
    }

    @Override
    public List<Instruction> openInstructions(Caller caller, String jurisdictionCode) {
        return reader.openInstructions(caller, jurisdictionCode);
    }

    @Override
    public InstructionScan scan(Caller caller, long id, long scanId) {
        return scans.scan(caller, id, scanId);
    }

    @Override
    public byte[] scanContent(Caller caller, long id, long scanId) {
        return scans.content(caller, id, scanId);
    }

    @Override
    public byte[] archivedDocument(Caller caller, long id) {
        return document.archived(caller, id);
    }

    // ------------------------------------------------------------------ drafting and review

    @Override
    public SpecialReport create(Caller caller, String jurisdictionCode, SpecialReportDraft draft) {
        return drafting.create(caller, jurisdictionCode, draft);
    }

    @Override
    public SpecialReport update(Caller caller, long id, SpecialReportDraft draft) {
        return drafting.update(caller, id, draft);
    }

    @Override
    public SpecialReport submit(Caller caller, long id) {
        return review.submit(caller, id);
    }

    @Override
    public SpecialReport approve(Caller caller, long id) {
        return review.approve(caller, id);
    }

    @Override
    public SpecialReport returnForRevision(Caller caller, long id, String reason) {
        return review.returnForRevision(caller, id, reason);
    }

    // ------------------------------------------------------------------ leaders

    @Override
    public SpecialReport send(Caller caller, long id, List<String> names) {
        return delivery.send(caller, id, names);
    }

    @Override
    public SpecialReport markRead(Caller caller, long id) {
        return delivery.markRead(caller, id);
    }

    @Override
    public Instruction instruct(Caller caller, long id, InstructionDraft draft) {
        return instructing.instruct(caller, id, draft);
    }

    // ------------------------------------------------------------------ paper instructions and tasks

    @Override
    public void checkScanUpload(Caller caller, long id) {
        scans.checkUpload(caller, id);
    }

    @Override
    public InstructionScan attachScan(Caller caller, long id, String fileName, byte[] content) {
        return scans.attach(caller, id, fileName, content);
    }

    @Override
    public Instruction recordPaperInstruction(Caller caller, long id, InstructionDraft draft) {
        return instructing.recordPaper(caller, id, draft);
    }

    @Override
    public Instruction assignTasks(Caller caller, long instructionId, List<TaskDraft> drafts) {
        return followUp.assignTasks(caller, instructionId, drafts);
    }

    @Override
    public SpecialReport close(Caller caller, long id, String note) {
        return followUp.close(caller, id, note);
    }

    @Override
    public StoredDocument generateDocument(Caller caller, long id, DocumentFormat format) {
        return document.generate(caller, id, format);
    }
}
