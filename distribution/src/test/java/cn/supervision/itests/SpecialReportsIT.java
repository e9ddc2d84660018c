package cn.supervision.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import cn.supervision.api.report.SpecialReportService;

/**
 * A special report (监管专报) on a finding of unit CZJ: drafted by city-admin, approved by city-office-head (not by its
 * drafter), refused to leaders before review, sent to city-leader with its archived PDF; the leader is told, reads it,
 * and instructs with a task for CZJ; the office is told, adds a task of its own and records a paper instruction with its
 * scan; czj-user reports progress on its task through /v1/tasks; the office closes the tasks and then the report.
 * Refusals: anonymous 401, lijin-admin and czj-user 403 on the report, city-admin and lijin-leader 403 on instructing,
 * 400 for a malformed body and a non-leader recipient, 409 naming the state, 413 and 415 for the scan.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class SpecialReportsIT {
    static final String API = PlatformIT.API;
    static final String REPORTS = API + "/v1/special-reports";

    /** Waits until the special-report service is up (its Blueprint container starts after the platform's). */
    @Inject
    SpecialReportService reports;

    /** The platform, and PDFBox in the container to read the archived PDF back. */
    @Configuration
    public Option[] config() {
        return new PlatformIT().config();
    }

    @Before
    public void platformReady() throws Exception {
        PlatformIT.awaitReady();
    }

    /** A PDF's text without white space (PDFBox may break lines and space out CJK glyphs). */
    private static String pdfText(byte[] pdf) throws IOException {
        assertTrue(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1).startsWith("%PDF-"));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        }
    }

    private static Http.Reply ok(int status, Http.Reply r) {
        assertEquals(r.body(), status, r.status());
        return r;
    }

    @Test
    public void reportReviewedSentInstructedTrackedAndClosed() throws Exception {
        long czj = Json.firstId(Http.await(API + "/v1/jurisdictions/370500/units", "czj-user", r -> r.status() == 200, 60_000).body());
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        long finding = Json.id(ok(201, Http.json("POST", API + "/v1/findings", "city-admin", "{\"jurisdictionCode\":\"370500\","
                + "\"unitId\":" + czj + ",\"source\":{\"kind\":\"MANUAL\",\"reference\":\"专项检查\"},\"category\":\"DUTY_NOT_PERFORMED\","
                + "\"severity\":\"GRAVE\",\"description\":\"政府采购监督职责履行不到位\"}")).body());

        // drafting: the office of the jurisdiction only, links of the jurisdiction only
        String draft = "{\"title\":\"关于市财政局政府采购监督职责履行不到位的专报\",\"sections\":[{\"heading\":\"一、基本情况\","
                + "\"text\":\"专项检查发现市财政局连续两年未开展政府采购监督检查。\"},{\"heading\":\"二、处理建议\",\"text\":\"建议责成限期整改。\"}],"
                + "\"findingIds\":[" + finding + "],\"unitIds\":[" + czj + "],\"campaignIds\":[]}";
        // other test classes share the container: what the refusals must leave unchanged is whatever is there now
        String before = ok(200, Http.get(REPORTS + "?jurisdiction=370500", "city-admin")).body();
        ok(401, Http.json("POST", REPORTS + "?jurisdiction=370500", null, draft));
        ok(403, Http.json("POST", REPORTS + "?jurisdiction=370500", "lijin-admin", draft));
        ok(403, Http.json("POST", REPORTS + "?jurisdiction=370500", "czj-user", draft));
        ok(403, Http.json("POST", REPORTS + "?jurisdiction=370500", "city-leader", draft));
        ok(400, Http.json("POST", REPORTS + "?jurisdiction=370500", "city-admin", "{\"title\":"));
        String badLink = ok(400, Http.json("POST", REPORTS + "?jurisdiction=370500", "city-admin",
                draft.replace("\"findingIds\":[" + finding + "]", "\"findingIds\":[987654]"))).body();
        assertTrue(badLink, Json.anyText(badLink, "findingIds[0]"));
        ok(413, Http.json("POST", REPORTS + "?jurisdiction=370500", "city-admin", draft.replace("建议责成限期整改。",
                "建议责成限期整改。".repeat(150_000))));
        assertEquals("nothing written by the refusals", before, ok(200, Http.get(REPORTS + "?jurisdiction=370500", "city-admin")).body());
        Http.Reply created = ok(201, Http.json("POST", REPORTS + "?jurisdiction=370500", "city-admin", draft));
        long id = Json.id(created.body());
        String report = REPORTS + "/" + id;
        assertTrue(created.body(), Json.has(created.body(), "state", "DRAFT") && Json.mentions(created.body(), "unitName"));
        ok(403, Http.get(report, "lijin-admin"));
        ok(403, Http.get(report, "czj-user"));
        ok(403, Http.get(report, "city-leader"));
        ok(401, Http.get(report, null));

        // review: never by the drafter; an unreviewed report cannot go to leaders
        ok(200, Http.json("POST", report + "/submit", "city-admin", "{}"));
        String unreviewed = ok(409, Http.json("POST", report + "/send", "city-admin", "{\"leaders\":[\"city-leader\"]}")).body();
        assertTrue(unreviewed, Json.anyText(unreviewed, "尚未审核通过") && Json.anyText(unreviewed, "审核中"));
        ok(403, Http.json("POST", report + "/approve", "city-admin", "{}"));
        ok(403, Http.json("POST", report + "/approve", "lijin-admin", "{}"));
        String approved = ok(200, Http.json("POST", report + "/approve", "city-office-head", "{}")).body();
        assertTrue(approved, Json.has(approved, "state", "APPROVED") && Json.has(approved, "reviewer", "city-office-head")
                && Json.anyText(approved, "年第"));
        assertTrue(Json.anyText(ok(409, Http.json("POST", report + "/approve", "city-office-head", "{}")).body(), "已审核"));

        // sent to a named leader of the jurisdiction, with the archived PDF
        String notLeader = ok(400, Http.json("POST", report + "/send", "city-admin", "{\"leaders\":[\"city-office-head\"]}")).body();
        assertTrue(notLeader, Json.anyText(notLeader, "leaders[0]"));
        ok(400, Http.json("POST", report + "/send", "city-admin", "{\"leaders\":[\"lijin-leader\"]}"));
        ok(403, Http.json("POST", report + "/send", "lijin-admin", "{\"leaders\":[\"city-leader\"]}"));
        String sent = ok(200, Http.json("POST", report + "/send", "city-admin", "{\"leaders\":[\"city-leader\"]}")).body();
        assertTrue(sent, Json.has(sent, "state", "SENT") && Json.has(sent, "documentNumber", Json.text()) && Json.has(sent, "username", "city-leader"));
        String leaderInbox = ok(200, Http.get(API + "/v1/inbox", "city-leader")).body();
        assertTrue(leaderInbox, Json.anyText(leaderInbox, "SPECIAL_REPORT_SENT") && Json.anyText(leaderInbox, "/v1/special-reports/" + id));

        String issue = Json.string(Json.parse(approved), "issue");
        String number = Json.string(Json.parse(sent), "documentNumber");
        String text = pdfText(ok(200, Http.get(report + "/document", "city-leader")).bytes());
        for (String expected : new String[] {"关于市财政局政府采购监督职责履行不到位的专报", issue, number, "建议责成限期整改",
                "严重", "city-leader", "city-office-head"}) {
            assertTrue(expected + " in the archived PDF: " + text, text.contains(expected));
        }
        // on demand: a new version of the same number (DOCX for revising), the office only
        ok(403, Http.json("POST", report + "/documents?format=DOCX", "city-leader", "{}"));
        ok(403, Http.json("POST", report + "/documents?format=DOCX", "lijin-admin", "{}"));
        ok(400, Http.json("POST", report + "/documents?format=ODT", "city-admin", "{}"));
        String docx = ok(201, Http.json("POST", report + "/documents?format=DOCX", "city-admin", "{}")).body();
        assertTrue(docx, Json.has(docx, "format", "DOCX") && Json.has(docx, "documentNumber", number));
        ok(403, Http.get(report, "lijin-leader"));
        ok(403, Http.get(report + "/document", "czj-user"));
        assertTrue(Json.has(ok(200, Http.get(REPORTS, "city-leader")).body(), "id", id));
        assertFalse(Json.has(ok(200, Http.get(REPORTS, "lijin-leader")).body(), "id", id));
        String read = ok(200, Http.json("POST", report + "/read", "city-leader", "{}")).body();
        assertTrue(read, Json.any(Json.parse(read).path("recipients"), r -> Json.is(r, "username", "city-leader", "readAt", Json.text())));

        // the instruction: the named leader only; its task goes to CZJ
        String instruction = "{\"text\":\"请市财政局牵头研究落实，月底前报结果。\",\"tasks\":[{\"title\":\"建立政府采购监督检查制度\","
                + "\"ownerKind\":\"UNIT\",\"ownerCode\":\"CZJ\",\"deadline\":\"" + today.plusDays(30) + "\"}]}";
        ok(403, Http.json("POST", report + "/instructions", "city-admin", instruction));
        ok(403, Http.json("POST", report + "/instructions", "lijin-leader", instruction));
        ok(403, Http.json("POST", report + "/instructions", "czj-user", instruction));
        ok(400, Http.json("POST", report + "/instructions", "city-leader", "{\"text\":"));
        String unknownOwner = ok(400, Http.json("POST", report + "/instructions", "city-leader", instruction.replace("\"CZJ\"", "\"NOPE\""))).body();
        assertTrue(unknownOwner, Json.anyText(unknownOwner, "tasks[0]"));
        assertTrue(Json.has(ok(200, Http.get(report, "city-admin")).body(), "instructions", Json.value("[]")));
        String recorded = ok(201, Http.json("POST", report + "/instructions", "city-leader", instruction)).body();
        long instructionId = Json.id(recorded);
        JsonNode firstTask = Json.parse(recorded).path("taskIds").path(0);
        assertTrue(recorded, firstTask.isIntegralNumber());
        long unitTask = firstTask.longValue();
        assertTrue(recorded, Json.has(recorded, "channel", "PLATFORM") && Json.has(recorded, "open", 1));
        String officeInbox = ok(200, Http.get(API + "/v1/inbox", "city-admin")).body();
        assertTrue(officeInbox, Json.anyText(officeInbox, "SPECIAL_REPORT_INSTRUCTED"));

        // the owner reports progress on its task through the task API; the report stays closed to it
        String task = ok(200, Http.get(API + "/v1/tasks/" + unitTask, "czj-user")).body();
        assertTrue(task, Json.has(task, "origin", "INSTRUCTION") && Json.has(task, "originId", instructionId));
        ok(200, Http.json("POST", API + "/v1/tasks/" + unitTask + "/progress", "czj-user", "{\"text\":\"已起草监督检查制度，正在征求意见。\",\"percent\":60}"));
        ok(403, Http.get(report, "czj-user"));

        // the office turns the instruction into a further task of its own, and records a paper instruction with its scan
        String assigned = ok(200, Http.json("POST", REPORTS + "/instructions/" + instructionId + "/tasks", "city-admin",
                "{\"tasks\":[{\"title\":\"跟踪督办并向领导报告\",\"ownerKind\":\"OFFICE\",\"deadline\":\"" + today.plusDays(40) + "\"}]}")).body();
        assertTrue(assigned, Json.has(assigned, "total", 2));
        ok(403, Http.json("POST", REPORTS + "/instructions/" + instructionId + "/tasks", "city-leader",
                "{\"tasks\":[{\"title\":\"x\",\"ownerKind\":\"OFFICE\",\"deadline\":\"" + today.plusDays(40) + "\"}]}"));
        ok(403, Http.call("POST", report + "/scans?fileName=scan.pdf", "lijin-admin", "application/pdf", "%PDF-1.4".getBytes()));
        ok(415, Http.call("POST", report + "/scans?fileName=scan.exe", "city-admin", "application/octet-stream", "MZ".getBytes()));
        ok(413, Http.call("POST", report + "/scans?fileName=scan.pdf", "city-admin", "application/pdf", new byte[11 * 1024 * 1024]));
        String scan = ok(201, Http.call("POST", report + "/scans?fileName=批示.pdf", "city-admin", "application/pdf",
                "%PDF-1.4 paper instruction".getBytes(StandardCharsets.UTF_8))).body();
        long scanId = Json.id(scan);
        assertTrue(scan, Json.has(scan, "sha256", Json.text()));
        String paper = ok(201, Http.json("POST", report + "/paper-instructions", "city-admin", "{\"leader\":\"city-leader\","
                + "\"text\":\"同意，请市编办跟踪督办。\",\"date\":\"" + today + "\",\"scanId\":" + scanId + ",\"tasks\":[]}")).body();
        assertTrue(paper, Json.has(paper, "channel", "PAPER") && Json.has(paper, "scanId", scanId));
        ok(200, Http.get(report + "/scans/" + scanId, "city-leader"));

        // closing: refused while tasks are open, then the office closes the tasks and the report
        String open = ok(200, Http.get(REPORTS + "/instructions?jurisdiction=370500", "city-admin")).body();
        assertTrue(open, Json.has(open, "id", instructionId));
        assertTrue(Json.anyText(ok(409, Http.json("POST", report + "/close", "city-admin", "{}")).body(), "尚有 2 项"));
        // the instruction's two tasks: the unit's, then the office's
        JsonNode taskIds = Json.parse(assigned).path("taskIds");
        assertTrue(assigned, taskIds.size() == 2 && taskIds.get(0).isIntegralNumber() && taskIds.get(1).isIntegralNumber());
        long officeTask = taskIds.get(1).longValue();
        ok(200, Http.json("POST", API + "/v1/tasks/" + unitTask + "/close", "city-admin", "{\"note\":\"制度已印发\"}"));
        ok(200, Http.json("POST", API + "/v1/tasks/" + officeTask + "/close", "city-admin", "{\"note\":\"已向领导报告\"}"));
        String done = ok(200, Http.get(report, "city-leader")).body();
        assertTrue(done, Json.has(done, "allDone", true) && Json.has(done, "state", "INSTRUCTED"));
        ok(403, Http.json("POST", report + "/close", "city-leader", "{}"));
        String closed = ok(200, Http.json("POST", report + "/close", "city-admin", "{\"note\":\"批示事项全部落实\"}")).body();
        assertTrue(closed, Json.has(closed, "state", "CLOSED") && Json.has(closed, "closedBy", "city-admin"));
        assertFalse(Json.has(ok(200, Http.get(REPORTS + "/instructions?jurisdiction=370500", "city-admin")).body(), "id", instructionId));
        assertTrue(Json.anyText(ok(409, Http.json("POST", report + "/instructions", "city-leader", instruction)).body(), "已办结"));

        String history = ok(200, Http.get(report + "/history", "city-leader")).body();
        for (String action : new String[] {"CREATED", "SUBMITTED", "APPROVED", "SENT", "READ", "INSTRUCTED", "TASKS_ASSIGNED",
                "SCAN_UPLOADED", "PAPER_INSTRUCTION", "CLOSED"}) {
            assertTrue(action + " in " + history, Json.has(history, "action", action));
        }
        assertTrue(Json.has(ok(200, Http.get(REPORTS + "?state=CLOSED&jurisdiction=370500", "city-admin")).body(), "id", id));
        ok(400, Http.get(REPORTS + "?state=NONSENSE", "city-admin"));
        ok(403, Http.get(report + "/history", "lijin-admin"));
        String openApi = ok(200, Http.get(API + "/openapi.json", null)).body();
        assertTrue(Json.documents(openApi, "/v1/special-reports/{id}/instructions") && Json.documents(openApi, "/v1/special-reports/instructions/{instructionId}/tasks"));
    }
}
