package cn.supervision.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * A joint meeting over REST: departments registered through the cooperation API, members added (one leaves), a meeting
 * scheduled with an agenda item linking a finding, attendance, minutes and a decision whose task for unit CZJ the unit
 * sees through the task API; the audit bureau (a member) reads the meeting, the discipline commission (left before)
 * and another county do not; every bad input is a 4xx that writes nothing.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class MeetingsIT {
    static final String API = PlatformIT.API;
    static final String MEETINGS = API + "/v1/meetings";
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Configuration
    public Option[] config() {
        return new PlatformIT().config();
    }

    @Before
    public void platformReady() throws Exception {
        PlatformIT.awaitReady();
    }

    private static Http.Reply ok(int status, Http.Reply r) {
        assertEquals(r.body(), status, r.status());
        return r;
    }

    private static void department(String user, String jurisdiction, String code, String name, String kind) throws Exception {
        String listed = ok(200, Http.get(API + "/v1/cooperation/departments?jurisdiction=" + jurisdiction, user)).body();
        if (!Json.has(listed, "code", code)) {
            ok(201, Http.json("POST", API + "/v1/cooperation/departments", user, "{\"jurisdictionCode\":\"" + jurisdiction
                    + "\",\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"kind\":\"" + kind + "\",\"contacts\":[]}"));
        }
    }

    private static String member(String code) {
        return "{\"departmentCode\":\"" + code + "\",\"contacts\":[{\"name\":\"张明\",\"title\":\"科长\",\"phone\":\"0546-8888001\"}]}";
    }

    private static String meeting(LocalDateTime at, long finding) {
        return "{\"title\":\"机构编制监督检查联席会议\",\"startsAt\":\"" + at + "\",\"location\":\"市委编办三楼会议室\",\"host\":\"王主任\","
                + "\"agenda\":[{\"kind\":\"FINDING\",\"refId\":" + finding + "},{\"title\":\"通报年度监管情况\"}]}";
    }

    @Test
    public void aJointMeetingFromMembersToADecisionTrackedAsATask() throws Exception {
        ok(200, Http.await(MEETINGS + "/members", "city-admin", r -> r.status() == 200, 60_000));
        ok(200, Http.await(API + "/v1/cooperation/departments", "city-admin", r -> r.status() == 200, 60_000));
        department("city-admin", "370500", "SJJ", "东营市审计局", "AUDIT");
        department("city-admin", "370500", "JW", "东营市纪委监委", "DISCIPLINE_INSPECTION");
        department("lijin-admin", "370522", "LJ-XC", "利津县委巡察办", "INSPECTION_TOUR");

        // members: authority before anything, a department of another county, a malformed and a huge body; nothing written
        String members = MEETINGS + "/members?jurisdiction=370500";
        String before = ok(200, Http.get(members + "&includeFormer=true", "city-admin")).body();
        ok(401, Http.json("POST", members, null, member("SJJ")));
        ok(403, Http.json("POST", members, "lijin-admin", member("SJJ")));
        ok(403, Http.json("POST", members, "city-audit", member("SJJ")));
        ok(403, Http.json("POST", members, "city-leader", member("SJJ")));
        Http.Reply foreign = ok(400, Http.json("POST", members, "city-admin", member("LJ-XC")));
        assertTrue(foreign.body(), Json.has(foreign.body(), "field", "departmentCode"));
        ok(400, Http.json("POST", members, "city-admin", "{\"departmentCode\":"));
        ok(400, Http.json("POST", members, "city-admin", "{\"departmentCode\":\"SJJ\",\"contacts\":[]}"));
        ok(413, Http.json("POST", members, "city-admin", "{\"departmentCode\":\"SJJ\",\"contacts\":[{\"name\":\"" + "长".repeat(1_100_000) + "\"}]}"));
        assertEquals(before, ok(200, Http.get(members + "&includeFormer=true", "city-admin")).body());

        ok(201, Http.json("POST", members, "city-admin", member("SJJ")));
        ok(409, Http.json("POST", members, "city-admin", member("SJJ")));
        long jw = Json.id(ok(201, Http.json("POST", members, "city-admin", member("JW"))).body());
        ok(403, Http.json("POST", MEETINGS + "/members/" + jw + "/leave", "lijin-admin", "{\"reason\":\"x\"}"));
        ok(400, Http.json("POST", MEETINGS + "/members/" + jw + "/leave", "city-admin", "{\"leftOn\":\"2999-01-01\"}"));
        Http.Reply left = ok(200, Http.json("POST", MEETINGS + "/members/" + jw + "/leave", "city-admin", "{\"reason\":\"工作调整\"}"));
        assertTrue(left.body(), Json.has(left.body(), "leftOn", LocalDate.now(CHINA)));
        String current = ok(200, Http.get(members, "city-audit")).body();
        assertTrue(current, Json.has(current, "departmentCode", "SJJ") && Json.has(current, "name", "张明"));
        assertFalse(current, Json.has(current, "departmentCode", "JW"));
        assertTrue(Json.has(ok(200, Http.get(members + "&includeFormer=true", "city-admin")).body(), "leaveReason", "工作调整"));
        ok(403, Http.get(members, "lijin-admin"));
        ok(403, Http.get(members, "czj-user"));
        ok(401, Http.get(members, null));

        // a finding of the city and one of Lijin
        long czj = Json.firstId(Http.await(API + "/v1/jurisdictions/370500/units", "czj-user", r -> r.status() == 200, 60_000).body());
        String manual = "\"source\":{\"kind\":\"MANUAL\",\"reference\":\"专项检查\"},\"category\":\"DUTY_OVERLAP_GAP\",\"severity\":\"SERIOUS\"";
        long finding = Json.id(ok(201, Http.json("POST", API + "/v1/findings", "city-admin", "{\"jurisdictionCode\":\"370500\","
                + "\"unitId\":" + czj + "," + manual + ",\"description\":\"政府采购监督职责交叉\"}")).body());
        long lijinUnit = Json.firstId(ok(200, Http.get(API + "/v1/jurisdictions/370522/units", "lijin-admin")).body());
        long lijinFinding = Json.id(ok(201, Http.json("POST", API + "/v1/findings", "lijin-admin", "{\"jurisdictionCode\":\"370522\","
                + "\"unitId\":" + lijinUnit + "," + manual + ",\"description\":\"利津县的问题\"}")).body());

        // scheduling: 401/403, a link to another county's finding, a day past, malformed; nothing written
        LocalDate today = LocalDate.now(CHINA);
        LocalDateTime at = LocalDateTime.now(CHINA).minusMinutes(1).truncatedTo(ChronoUnit.MINUTES);
        if (!at.toLocalDate().equals(today)) {
            at = today.atStartOfDay();
        }
        String list = MEETINGS + "?jurisdiction=370500";
        String none = ok(200, Http.get(list, "city-admin")).body();
        ok(401, Http.json("POST", list, null, meeting(at, finding)));
        ok(403, Http.json("POST", list, "lijin-admin", meeting(at, finding)));
        ok(403, Http.json("POST", list, "czj-user", meeting(at, finding)));
        ok(403, Http.json("POST", list, "city-audit", meeting(at, finding)));
        Http.Reply crossLink = ok(400, Http.json("POST", list, "city-admin", meeting(at, lijinFinding)));
        assertTrue(crossLink.body(), Json.has(crossLink.body(), "field", "agenda[0].refId"));
        Http.Reply past = ok(400, Http.json("POST", list, "city-admin", meeting(at.minusDays(2), finding)));
        assertTrue(past.body(), Json.has(past.body(), "field", "startsAt"));
        ok(400, Http.json("POST", list, "city-admin", "{\"title\":"));
        ok(413, Http.json("POST", list, "city-admin", meeting(at, finding).replace("王主任", "王".repeat(1_100_000))));
        assertEquals(none, ok(200, Http.get(list, "city-admin")).body());

        Http.Reply scheduled = ok(201, Http.json("POST", list, "city-admin", meeting(at, finding)));
        long id = Json.id(scheduled.body());
        assertTrue(scheduled.body(), Json.has(scheduled.body(), "state", "SCHEDULED")
                && Json.has(scheduled.body(), "refTitle", Json.text()) && Json.anyText(scheduled.body(), "政府采购监督职责交叉")
                && Json.has(scheduled.body(), "link", "/v1/findings/" + finding));
        assertTrue(scheduled.body(), Json.has(scheduled.body(), "code", "SJJ") && !Json.has(scheduled.body(), "code", "JW"));
        String one = MEETINGS + "/" + id;
        assertEquals("1", ok(200, Http.get(list + "&state=SCHEDULED", "city-admin")).header("X-Total-Count"));

        // who reads it: the member department, the leader; not the department that left, another county, a unit
        assertTrue(Json.has(ok(200, Http.get(one, "city-audit")).body(), "id", id));
        assertTrue(Json.has(ok(200, Http.get(MEETINGS, "city-audit")).body(), "id", id));
        ok(200, Http.get(one, "city-leader"));
        ok(403, Http.get(one, "city-discipline"));
        assertFalse(Json.has(ok(200, Http.get(MEETINGS, "city-discipline")).body(), "id", id));
        ok(403, Http.get(one, "lijin-admin"));
        ok(403, Http.get(one, "lijin-audit"));
        ok(403, Http.get(one, "czj-user"));
        ok(401, Http.get(one, null));
        ok(404, Http.get(MEETINGS + "/99999999", "city-admin"));
        String inbox = ok(200, Http.get(API + "/v1/inbox", "city-audit")).body();
        assertTrue(inbox, Json.anyText(inbox, "/v1/meetings/" + id) && Json.anyText(inbox, "MEETING_SCHEDULED"));

        // decisions need a held meeting; attendance makes it held
        String decision = "{\"text\":\"由市财政局牵头厘清政府采购监督职责\",\"tasks\":[{\"detail\":\"提出职责划分意见\",\"ownerKind\":\"UNIT\","
                + "\"ownerCode\":\"CZJ\",\"deadline\":\"" + today.plusDays(30) + "\"}]}";
        Http.Reply early = ok(409, Http.json("POST", one + "/decisions", "city-admin", decision));
        assertTrue(early.body(), Json.anyText(early.body(), "尚未召开"));
        ok(403, Http.json("POST", one + "/attendance", "lijin-admin", "{\"presentDepartments\":[\"SJJ\"],\"attendees\":[{\"name\":\"张明\",\"departmentCode\":\"SJJ\"}]}"));
        Http.Reply absentPerson = ok(400, Http.json("POST", one + "/attendance", "city-admin",
                "{\"presentDepartments\":[],\"attendees\":[{\"name\":\"张明\",\"departmentCode\":\"SJJ\"}]}"));
        assertTrue(absentPerson.body(), Json.anyText(absentPerson.body(), "attendees[0].departmentCode"));
        ok(400, Http.json("POST", one + "/attendance", "city-admin", "{\"presentDepartments\":[\"JW\"],\"attendees\":[{\"name\":\"李\"}]}"));
        Http.Reply held = ok(200, Http.json("POST", one + "/attendance", "city-admin",
                "{\"presentDepartments\":[\"SJJ\"],\"attendees\":[{\"name\":\"张明\",\"departmentCode\":\"SJJ\"},{\"name\":\"王主任\"}]}"));
        assertTrue(held.body(), Json.has(held.body(), "state", "HELD") && Json.has(held.body(), "present", true));
        ok(409, Http.json("PUT", one, "city-admin", meeting(at, finding)));
        ok(409, Http.json("POST", one + "/cancel", "city-admin", "{\"reason\":\"改期\"}"));

        // a decision: a past deadline and another county's unit are refused whole; then its task reaches unit CZJ
        String pastDeadline = decision.replace(today.plusDays(30).toString(), today.minusDays(1).toString());
        assertTrue(Json.anyText(ok(400, Http.json("POST", one + "/decisions", "city-admin", pastDeadline)).body(), "tasks[0].deadline"));
        String lijinCode = Json.string(Json.of(ok(200, Http.get(API + "/v1/units/" + lijinUnit, "lijin-admin"))), "code");
        assertTrue(Json.anyText(ok(400, Http.json("POST", one + "/decisions", "city-admin", decision.replace("\"CZJ\"", "\"" + lijinCode + "\"")))
                .body(), "tasks[0].ownerCode"));
        ok(403, Http.json("POST", one + "/decisions", "lijin-admin", decision));
        ok(403, Http.json("POST", one + "/decisions", "city-audit", decision));
        ok(400, Http.json("POST", one + "/decisions", "city-admin", "{\"text\":\"x\",\"tasks\":"));
        assertTrue(Json.has(ok(200, Http.get(one, "city-admin")).body(), "decisions", Json.value("[]")));
        Http.Reply decided = ok(201, Http.json("POST", one + "/decisions", "city-admin", decision));
        assertTrue(decided.body(), Json.has(decided.body(), "ownerCode", "CZJ") && Json.has(decided.body(), "status", "OPEN"));
        long decisionId = Json.id(decided.body());
        String tasks = ok(200, Http.get(API + "/v1/tasks?origin=MEETING_DECISION&originId=" + decisionId, "czj-user")).body();
        assertTrue(tasks, Json.has(tasks, "originId", decisionId) && Json.anyText(tasks, "由市财政局牵头厘清政府采购监督职责"));
        assertEquals("[]", ok(200, Http.get(API + "/v1/tasks?origin=MEETING_DECISION&originId=" + decisionId, "lijin-admin")).body());
        String view = ok(200, Http.get(one, "city-admin")).body();
        assertTrue(view, Json.has(view, "no", 1) && Json.has(view, "status", "OPEN"));

        // minutes, the minutes document, issue
        ok(400, Http.json("PUT", one + "/minutes", "city-admin", "{\"text\":\" \"}"));
        ok(403, Http.json("PUT", one + "/minutes", "city-audit", "{\"text\":\"纪要\"}"));
        ok(200, Http.json("PUT", one + "/minutes", "city-admin", "{\"text\":\"会议听取了审计局的情况通报。\\n会议研究了政府采购监督职责问题。\"}"));
        ok(400, Http.json("POST", one + "/documents/minutes?format=XLS", "city-admin", "{}"));
        ok(403, Http.json("POST", one + "/documents/minutes?format=PDF", "lijin-admin", "{}"));
        Http.Reply document = ok(201, Http.json("POST", one + "/documents/minutes?format=PDF", "city-admin", "{}"));
        assertTrue(document.body(), Json.has(document.body(), "kind", "MEETING_MINUTES")
                && Json.has(document.body(), "subject", "meeting:" + id) && Json.has(document.body(), "documentNumber", Json.text()));
        Http.Reply pdf = ok(200, Http.get(API + "/v1/documents/" + Json.id(document.body()) + "/content", "city-admin"));
        assertTrue(pdf.contentType(), pdf.contentType().startsWith("application/pdf"));
        assertEquals("%PDF", new String(pdf.bytes(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        ok(201, Http.json("POST", one + "/documents/minutes?format=DOCX", "city-admin", "{}"));
        Http.Reply issued = ok(200, Http.json("POST", one + "/minutes/issue", "city-admin", "{}"));
        assertTrue(issued.body(), Json.has(issued.body(), "state", "MINUTES_ISSUED"));
        ok(409, Http.json("POST", one + "/decisions", "city-admin", decision));
        ok(409, Http.json("PUT", one + "/minutes", "city-admin", "{\"text\":\"改写\"}"));
        String history = ok(200, Http.get(one + "/history", "city-leader")).body();
        assertTrue(history, Json.has(history, "to", "SCHEDULED") && Json.has(history, "to", "HELD") && Json.has(history, "to", "MINUTES_ISSUED"));

        // another meeting is cancelled with a reason
        long other = Json.id(ok(201, Http.json("POST", list, "city-admin", meeting(at.plusDays(7), finding))).body());
        ok(400, Http.json("POST", MEETINGS + "/" + other + "/cancel", "city-admin", "{}"));
        assertTrue(Json.has(ok(200, Http.json("POST", MEETINGS + "/" + other + "/cancel", "city-admin", "{\"reason\":\"与专题会议合并召开\"}")).body(), "state", "CANCELLED"));
        assertTrue(Json.has(ok(200, Http.get(list + "&state=CANCELLED", "city-leader")).body(), "id", other));
        ok(400, Http.get(list + "&state=DONE", "city-admin"));

        String openapi = ok(200, Http.get(API + "/openapi.json", null)).body();
        assertTrue(Json.documents(openapi, "/v1/meetings/{id}/decisions") && Json.documents(openapi, "/v1/meetings/members"));
    }
}
