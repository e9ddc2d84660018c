package cn.supervision.testing.fakes;

import java.util.List;

import cn.supervision.api.document.DocumentFormat;
import cn.supervision.api.document.StoredDocument;
import cn.supervision.api.report.Instruction;
import cn.supervision.api.report.InstructionDraft;
import cn.supervision.api.report.InstructionScan;
import cn.supervision.api.report.ReportState;
import cn.supervision.api.report.ReportTransition;
import cn.supervision.api.report.SpecialReport;
import cn.supervision.api.report.SpecialReportDraft;
import cn.supervision.api.report.SpecialReportService;
import cn.supervision.api.security.Caller;
import cn.supervision.api.task.TaskDraft;

/**
 * A {@link SpecialReportService} that answers nothing: every method throws, so a test subclasses it anonymously and
 * overrides only what the code under test calls (the compiler checks those overrides; default methods stay
 * inherited and run over them).
 */
public class FakeSpecialReportService implements SpecialReportService {
    @Override
    public List<SpecialReport> list(Caller caller, String jurisdictionCode, ReportState state, int offset, int limit) {
        throw unused("list");
    }

    @Override
    public SpecialReport get(Caller caller, long id) {
        throw unused("get");
    }

    @Override
    public List<ReportTransition> history(Caller caller, long id) {
        throw unused("history");
    }

    @Override
    public SpecialReport create(Caller caller, String jurisdictionCode, SpecialReportDraft draft) {
        throw unused("create");
    }

    @Override
    public SpecialReport update(Caller caller, long id, SpecialReportDraft draft) {
        throw unused("update");
    }

    @Override
    public SpecialReport submit(Caller caller, long id) {
        throw unused("submit");
    }

    @Override
    public SpecialReport approve(Caller caller, long id) {
        throw unused("approve");
    }

    @Override
    public SpecialReport returnForRevision(Caller caller, long id, String reason) {
        throw unused("returnForRevision");
    }

    @Override
    public SpecialReport send(Caller caller, long id, List<String> leaders) {
        throw unused("send");
    }

    @Override
    public SpecialReport markRead(Caller caller, long id) {
        throw unused("markRead");
    }

    @Override
    public Instruction instruct(Caller caller, long id, InstructionDraft draft) {
        throw unused("instruct");
    }

    @Override
    public void checkScanUpload(Caller caller, long id) {
        throw unused("checkScanUpload");
    }

    @Override
    public InstructionScan attachScan(Caller caller, long id, String fileName, byte[] content) {
        throw unused("attachScan");
    }

    @Override
    public InstructionScan scan(Caller caller, long id, long scanId) {
        throw unused("scan");
    }

    @Override
    public byte[] scanContent(Caller caller, long id, long scanId) {
        throw unused("scanContent");
    }

    @Override
    public Instruction recordPaperInstruction(Caller caller, long id, InstructionDraft draft) {
        throw unused("recordPaperInstruction");
    }

    @Override
    public Instruction assignTasks(Caller caller, long instructionId, List<TaskDraft> tasks) {
        throw unused("assignTasks");
    }

    @Override
    public Instruction instruction(Caller caller, long instructionId) {
        throw unused("instruction");
    }

    @Override
    public List<Instruction> openInstructions(Caller caller, String jurisdictionCode) {
        throw unused("openInstructions");
    }

    @Override
    public SpecialReport close(Caller caller, long id, String note) {
        throw unused("close");
    }

    @Override
    public StoredDocument generateDocument(Caller caller, long id, DocumentFormat format) {
        throw unused("generateDocument");
    }

    @Override
    public byte[] archivedDocument(Caller caller, long id) {
        throw unused("archivedDocument");
    }

    private static UnsupportedOperationException unused(String method) {
        return new UnsupportedOperationException("SpecialReportService." + method + " is not used by this test");
    }
}
