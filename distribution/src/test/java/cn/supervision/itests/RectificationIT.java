package cn.supervision.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.service.cm.ConfigurationAdmin;

import cn.supervision.api.followup.Finding;
import cn.supervision.api.followup.FindingCategory;
import cn.supervision.api.followup.FindingDraft;
import cn.supervision.api.followup.FindingService;
import cn.supervision.api.followup.FindingSource;
import cn.supervision.api.followup.FindingState;
import cn.supervision.api.followup.Severity;
import cn.supervision.api.followup.SourceKind;
import cn.supervision.api.schedule.PassResult;
import cn.supervision.api.schedule.Scheduler;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Role;

/**
 * Rectification end to end over HTTP: a published city campaign → findings → notices → plan → progress with evidence →
 * completion claim → items accepted → visit fails → 约谈 → visit passes → closed; the daily pass run through the
 * scheduler sends a reminder e-mail to the unit (received by an SMTP server the test starts) for a deadline inside the
 * reminder window, and marks a notice due today OVERDUE and proposes a 约谈 (grace and rule set to 0 days through
 * ConfigurationAdmin: the platform's clock is the real one). Another county and another unit's user are refused.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class RectificationIT {
    static final String API = PlatformIT.API;
    static final Caller CITY = new Caller("city-admin", Set.of(Role.CITY_ADMIN), "370500", null);

    @Inject
    FindingService findings;
    @Inject
    Scheduler scheduler;
    @Inject
    ConfigurationAdmin configurations;

    @Configuration
    public Option[] config() {
        return new PlatformIT().config();
    }

    /** The ids of a notice's items, in order. */
    private static List<Long> items(String notice) {
        return Json.elements(Json.parse(notice).path("items")).map(Json::id).toList();
    }

    private static void configure(ConfigurationAdmin admin, String pid, Object... pairs) throws Exception {
        org.osgi.service.cm.Configuration c = admin.getConfiguration(pid, null);
        Dictionary<String, Object> props = c.getProperties() == null ? new Hashtable<>() : c.getProperties();
        for (int i = 0; i < pairs.length; i += 2) {
            props.put((String) pairs[i], pairs[i + 1]);
        }
        c.update(props);
    }

    private long published(long czj, long other) throws Exception {
        Http.Reply systems = Http.await(API + "/v1/indicator-systems?jurisdiction=370500&status=PUBLISHED", "city-admin",
                r -> r.status() == 200 && Json.anyText(r.body(), "东营市市直部门单位职能运行监管指标体系"), 60_000);
        long system = Json.firstId(systems.body());
        String plan = "{\"kind\":\"SPECIAL\",\"title\":\"整改测试专项监管\",\"period\":{\"type\":\"MONTH\",\"year\":2026,\"number\":9},"
                + "\"systems\":{\"PARTY_ORGAN\":" + system + ",\"GOVERNMENT_DEPARTMENT\":" + system + ",\"PUBLIC_INSTITUTION\":" + system + "},"
                + "\"targetUnitIds\":[" + czj + "," + other + "]}";
        Http.Reply created = Http.json("POST", API + "/v1/campaigns", "city-admin", "{\"jurisdictionCode\":\"370500\",\"plan\":" + plan + "}");
        assertEquals(created.body(), 201, created.status());
        long campaign = Json.id(created.body());
        assertEquals(200, Http.json("POST", API + "/v1/campaigns/" + campaign + "/transitions", "city-admin",
                "{\"to\":\"COLLECTING\",\"reason\":\"开始采集\"}").status());
        for (long unit : new long[] {czj, other}) {
            Http.Reply input = Http.json("POST", API + "/v1/campaigns/" + campaign + "/inputs", "city-admin",
                    "{\"unitId\":" + unit + ",\"code\":\"D1.1\",\"input\":{\"value\":30},\"source\":\"OFFICE\",\"explanation\":\"市编办核定\"}");
            assertEquals(input.body(), 201, input.status());
        }
        assertEquals(200, Http.json("POST", API + "/v1/campaigns/" + campaign + "/transitions", "city-admin",
                "{\"to\":\"SCORING\",\"reason\":\"采集截止\"}").status());
        Http.Reply done = Http.json("POST", API + "/v1/campaigns/" + campaign + "/transitions", "city-admin",
                "{\"to\":\"PUBLISHED\",\"reason\":\"市编委会审定\"}");
        assertEquals(done.body(), 200, done.status());
        return campaign;
    }

    private long finding(long unit, FindingSource source, String description) {
        Finding f = findings.create(CITY, "370500", new FindingDraft(unit, source, FindingCategory.DUTY_NOT_PERFORMED, Severity.SERIOUS,
                description, "监管结果：D1.1 得分偏低"));
        return f.id();
    }

    private static String notice(long unit, LocalDate deadline, long... findingIds) {
        StringBuilder ids = new StringBuilder();
        for (long f : findingIds) {
            ids.append(ids.length() == 0 ? "" : ",").append(f);
        }
        return "{\"jurisdictionCode\":\"370500\",\"unitId\":" + unit + ",\"findingIds\":[" + ids + "],"
                + (deadline == null ? "" : "\"deadline\":\"" + deadline + "\",") + "\"requiredEvidence\":\"整改报告及制度文件\"}";
    }

    /** SOAP RectificationService.rectificationStatus with a WS-Security UsernameToken (demo password). */
    private static Http.Reply soap(String user, String jurisdiction, int year) throws Exception {
        String envelope = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "xmlns:r=\"http://supervision.cn/soap/rectification/v1\"><soapenv:Header>"
                + "<wsse:Security soapenv:mustUnderstand=\"1\" "
                + "xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd\">"
                + "<wsse:UsernameToken><wsse:Username>" + user + "</wsse:Username>"
                + "<wsse:Password Type=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText\">"
                + user + "-demo</wsse:Password></wsse:UsernameToken></wsse:Security></soapenv:Header>"
                + "<soapenv:Body><r:rectificationStatus><jurisdictionCode>" + jurisdiction + "</jurisdictionCode><year>" + year
                + "</year></r:rectificationStatus></soapenv:Body></soapenv:Envelope>";
        return Http.call("POST", PlatformIT.API.replace("/api", "/soap") + "/RectificationService", null, "text/xml; charset=UTF-8",
                envelope.getBytes(StandardCharsets.UTF_8));
    }

    /** The text of a mail: its headers, and its body decoded from base64 or quoted-printable. */
    static String text(SmtpReceiver.Mail mail) {
        String data = mail.data();
        int split = data.indexOf("\n\n");
        String headers = split < 0 ? data : data.substring(0, split);
        String body = split < 0 ? "" : data.substring(split + 2);
        String encoding = headers.toLowerCase();
        if (encoding.contains("content-transfer-encoding: base64")) {
            body = new String(Base64.getMimeDecoder().decode(body.trim()), StandardCharsets.UTF_8);
        } else if (encoding.contains("content-transfer-encoding: quoted-printable")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            String joined = body.replace("=\n", "");
            for (int i = 0; i < joined.length(); i++) {
                char c = joined.charAt(i);
                if (c == '=' && i + 2 < joined.length()) {
                    out.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
                    i += 2;
                } else {
                    out.write(c);
                }
            }
            body = out.toString(StandardCharsets.UTF_8);
        }
        return headers + "\n\n" + body;
    }

    @Test
    public void publishedToClosedWithAReminderMailAndAnOverdueNoticeEscalated() throws Exception {
        Http.await(API + "/v1/health", null, r -> r.status() == 200, 120_000);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String units = Http.get(API + "/v1/jurisdictions/370500/units?limit=1000", "city-admin").body();
        long czj = Json.firstId(Http.get(API + "/v1/jurisdictions/370500/units", "czj-user").body());
        // the first government department of the city besides CZJ
        long otherUnit = Json.id(Json.elements(Json.parse(units)).filter(u -> Json.is(u, "kind", "GOVERNMENT_DEPARTMENT") && !Json.is(u, "code", "CZJ"))
                .findFirst().orElseThrow(() -> new AssertionError("no other department: " + units)));

        try (SmtpReceiver smtp = new SmtpReceiver()) {
            configure(configurations, "cn.supervision.notification.smtp", "host", "127.0.0.1", "port", String.valueOf(smtp.port()),
                    "from", "platform@demo.supervision.invalid");
            configure(configurations, "cn.supervision.rectification", "overdueGraceDays", "0", "escalateAfterOverdueDays", "0",
                    "remindDaysBefore", "7");

            long campaign = published(czj, otherUnit);
            // one finding per published score (the ledger refuses a second one for the same score), others from an inspection
            long f1 = finding(czj, FindingSource.campaign(campaign, "D1.1", 1), "重点任务推进台账不完整");
            long f2 = finding(czj, FindingSource.of(SourceKind.INSPECTION, "东编办督查〔2026〕5号"), "牵头职责落实不到位");
            long f3 = finding(czj, FindingSource.of(SourceKind.MANUAL, "专项检查发现"), "履职佐证材料缺失");
            long f4 = finding(otherUnit, FindingSource.campaign(campaign, "D1.1", 1), "另一单位的问题");

            // bad input and authority before anything is written
            String body = notice(czj, today.plusDays(5), f1, f2);
            assertEquals(401, Http.json("POST", API + "/v1/rectifications", null, body).status());
            assertEquals(403, Http.json("POST", API + "/v1/rectifications", "lijin-admin", body).status());
            assertEquals(403, Http.json("POST", API + "/v1/rectifications", "czj-user", body).status());
            assertEquals(403, Http.json("POST", API + "/v1/rectifications", "city-leader", body).status());
            Http.Reply past = Http.json("POST", API + "/v1/rectifications", "city-admin", notice(czj, today.minusDays(1), f1));
            assertEquals(past.body(), 400, past.status());
            assertTrue(past.body(), Json.has(past.body(), "field", "deadline"));
            assertEquals(400, Http.json("POST", API + "/v1/rectifications", "city-admin", "{\"jurisdictionCode\":").status());
            assertEquals(FindingState.OPEN, findings.get(CITY, f1).state());

            // notice A: deadline inside the reminder window; notice B: due today (overdue at once with grace 0); C: another unit
            Http.Reply a = Http.json("POST", API + "/v1/rectifications", "city-admin", body);
            assertEquals(a.body(), 201, a.status());
            assertNotNull(a.location());
            long noticeA = Json.id(a.body());
            assertTrue(a.body(), Json.has(a.body(), "number", Json.startingWith("〔" + today.getYear() + "〕")) && Json.has(a.body(), "state", "ISSUED"));
            assertEquals(FindingState.IN_RECTIFICATION, findings.get(CITY, f1).state());
            Http.Reply b = Http.json("POST", API + "/v1/rectifications", "city-admin", notice(czj, today, f3));
            assertEquals(b.body(), 201, b.status());
            long noticeB = Json.id(b.body());
            Http.Reply c = Http.json("POST", API + "/v1/rectifications", "city-admin", notice(otherUnit, null, f4));
            assertEquals(c.body(), 201, c.status());
            long noticeC = Json.id(c.body());
            long itemC = items(c.body()).get(0);

            // the unit sees its own notices only; another county sees none of them
            String mine = Http.get(API + "/v1/rectifications", "czj-user").body();
            assertTrue(mine, Json.has(mine, "id", noticeA, "number", Json.text()) && !Json.has(mine, "id", noticeC, "number", Json.text()));
            assertEquals(403, Http.get(API + "/v1/rectifications/" + noticeC, "czj-user").status());
            assertEquals(403, Http.get(API + "/v1/rectifications/" + noticeA, "lijin-admin").status());
            assertEquals(403, Http.get(API + "/v1/rectifications?jurisdiction=370500", "lijin-admin").status());
            assertEquals(403, Http.json("POST", API + "/v1/rectifications/" + noticeC + "/items/" + itemC + "/plan", "czj-user",
                    "{\"measures\":\"x\",\"responsiblePerson\":\"y\",\"dueDate\":\"" + today + "\"}").status());
            assertEquals(403, Http.call("POST", API + "/v1/rectifications/" + noticeC + "/items/" + itemC + "/evidence?fileName=a.pdf",
                    "czj-user", "application/pdf", "%PDF".getBytes(StandardCharsets.UTF_8)).status());

            // the daily pass through the scheduler: reminder for A, B overdue as a state and a talk proposed
            List<PassResult> runs = scheduler.runNow(Caller.system("rectification-it"), "rectification-deadlines");
            assertEquals(1, runs.size());
            assertEquals(runs.toString(), null, runs.get(0).failure());
            String overdue = Http.get(API + "/v1/rectifications/" + noticeB, "city-admin").body();
            assertTrue(overdue, Json.has(overdue, "state", "OVERDUE") && Json.has(overdue, "kind", "ADMONITORY_TALK")
                    && Json.has(overdue, "state", "PROPOSED"));
            String listedOverdue = Http.get(API + "/v1/rectifications/overdue?jurisdiction=370500", "city-admin").body();
            assertTrue(listedOverdue, Json.has(listedOverdue, "noticeId", noticeB));
            long changedAgain = scheduler.runNow(Caller.system("rectification-it"), "rectification-deadlines").get(0).changed();
            assertEquals("idempotent the same day", 0, changedAgain);
            long deadline = System.currentTimeMillis() + 60_000;
            SmtpReceiver.Mail reminder = null;
            while (reminder == null && System.currentTimeMillis() < deadline) {
                reminder = smtp.mails().stream().filter(m -> m.recipients().contains("czj-user@demo.supervision.invalid")
                        && text(m).contains("/v1/rectifications/" + noticeA) && text(m).contains("的整改期限为")).findFirst().orElse(null);
                if (reminder == null) {
                    TimeUnit.MILLISECONDS.sleep(Http.POLL_INTERVAL_MILLIS); // polling the receiver with a deadline
                }
            }
            assertNotNull("reminder e-mail received; got " + smtp.mails(), reminder);
            assertTrue(text(reminder), text(reminder).contains("尚有 2 个问题未申请销号"));

            // the office confirms the proposed talk of B
            long proposal = Json.id(Json.element(Json.parse(overdue).path("escalations"), "kind", "ADMONITORY_TALK", "state", "PROPOSED"));
            Http.Reply held = Http.json("POST", API + "/v1/rectifications/" + noticeB + "/escalations/" + proposal + "/confirm", "city-admin",
                    "{\"date\":\"" + today + "\",\"participants\":\"市编办副主任；市财政局局长\",\"minutes\":\"逾期未整改，约谈主要负责人\"}");
            assertEquals(held.body(), 200, held.status());
            assertTrue(held.body(), Json.has(held.body(), "state", "RECORDED"));

            // A: plan → progress → evidence → claim → accepted
            List<Long> itemsA = items(a.body());
            assertEquals(2, itemsA.size());
            String base = API + "/v1/rectifications/" + noticeA + "/items/";
            Http.Reply tooLate = Http.json("POST", base + itemsA.get(0) + "/plan", "czj-user",
                    "{\"measures\":\"完善台账\",\"responsiblePerson\":\"张三\",\"dueDate\":\"" + today.plusDays(6) + "\"}");
            assertEquals(tooLate.body(), 400, tooLate.status());
            for (long item : itemsA) {
                Http.Reply plan = Http.json("POST", base + item + "/plan", "czj-user",
                        "{\"measures\":\"完善重点任务台账并建立月调度机制\",\"responsiblePerson\":\"张三（办公室主任）\",\"dueDate\":\"" + today.plusDays(4) + "\"}");
                assertEquals(plan.body(), 200, plan.status());
                assertEquals(200, Http.json("POST", base + item + "/progress", "czj-user", "{\"report\":\"台账已补齐 9 月\"}").status());
                Http.Reply early = Http.json("POST", base + item + "/claim", "czj-user", "{\"note\":\"已完成\"}");
                assertEquals(early.body(), 400, early.status());
                Http.Reply file = Http.call("POST", base + item + "/evidence?fileName=" + java.net.URLEncoder.encode("整改报告.pdf", "UTF-8"),
                        "czj-user", "application/pdf", "%PDF-1.4 整改报告".getBytes(StandardCharsets.UTF_8));
                assertEquals(file.body(), 201, file.status());
                assertTrue(file.body(), Json.has(file.body(), "sha256", Json.text()));
                assertEquals(403, Http.json("POST", base + item + "/review", "czj-user", "{\"accept\":true}").status());
                Http.Reply claimed = Http.json("POST", base + item + "/claim", "czj-user", "{\"note\":\"已完成整改\"}");
                assertEquals(claimed.body(), 200, claimed.status());
                assertEquals(403, Http.json("POST", base + item + "/review", "lijin-admin", "{\"accept\":true}").status());
                Http.Reply accepted = Http.json("POST", base + item + "/review", "city-admin", "{\"accept\":true}");
                assertEquals(accepted.body(), 200, accepted.status());
                assertTrue(accepted.body(), Json.has(accepted.body(), "state", "ACCEPTED"));
            }
            String awaiting = Http.get(API + "/v1/rectifications/" + noticeA, "czj-user").body();
            assertTrue(awaiting, Json.has(awaiting, "state", "AWAITING_VISIT") && Json.has(awaiting, "nextVisitOn", today.plusDays(90)));

            // visit fails → 约谈 → visit passes → closed
            Http.Reply failed = Http.json("POST", API + "/v1/rectifications/" + noticeA + "/visits", "city-admin",
                    "{\"visitedOn\":\"" + today + "\",\"result\":\"NOT_RECTIFIED\",\"notes\":\"月调度机制未运行\"}");
            assertEquals(failed.body(), 201, failed.status());
            assertEquals(403, Http.json("POST", API + "/v1/rectifications/" + noticeA + "/escalations", "lijin-admin",
                    "{\"kind\":\"ADMONITORY_TALK\",\"date\":\"" + today + "\",\"participants\":\"x\",\"minutes\":\"y\",\"reason\":\"z\"}").status());
            Http.Reply talk = Http.json("POST", API + "/v1/rectifications/" + noticeA + "/escalations", "city-admin",
                    "{\"kind\":\"ADMONITORY_TALK\",\"date\":\"" + today + "\",\"participants\":\"市编办主任；市财政局局长\","
                            + "\"minutes\":\"回访整改不到位，限期一个月\",\"reason\":\"回访整改不到位\"}");
            assertEquals(talk.body(), 201, talk.status());
            Http.Reply passed = Http.json("POST", API + "/v1/rectifications/" + noticeA + "/visits", "city-admin",
                    "{\"visitedOn\":\"" + today + "\",\"result\":\"RECTIFIED\",\"notes\":\"抽查三个月台账，机制运行正常\"}");
            assertEquals(passed.body(), 201, passed.status());
            String closed = Http.get(API + "/v1/rectifications/" + noticeA, "city-admin").body();
            assertTrue(closed, Json.has(closed, "state", "CLOSED") && !Json.has(closed, "state", "ACCEPTED"));
            assertEquals(FindingState.RECTIFIED, findings.get(CITY, f1).state());
            assertEquals(FindingState.RECTIFIED, findings.get(CITY, f2).state());
            Http.Reply again = Http.json("POST", base + itemsA.get(0) + "/progress", "czj-user", "{\"report\":\"办结后\"}");
            assertEquals(again.body(), 409, again.status());
            assertTrue(again.body(), Json.anyText(again.body(), "CLOSED"));

            // everything kept, the ledger, and partners' status
            String history = Http.get(API + "/v1/rectifications/" + noticeA + "/history", "czj-user").body();
            for (String kind : List.of("ISSUED", "PLAN", "PROGRESS", "EVIDENCE", "CLAIM", "ACCEPT", "ALL_ACCEPTED", "VISIT_FAIL", "ESCALATION", "VISIT_PASS")) {
                assertTrue(kind + " in " + history, Json.has(history, "kind", kind));
            }
            Http.Reply ledger = Http.get(API + "/v1/rectifications/ledger.xlsx?jurisdiction=370500", "city-admin");
            assertEquals(200, ledger.status());
            assertTrue(ledger.contentType(), ledger.contentType().startsWith(PlatformIT.XLSX));
            assertFalse(Http.get(API + "/v1/rectifications/ledger.xlsx", "czj-user").body().isEmpty());
            String status = Http.get(API + "/v1/rectifications/status?jurisdiction=370500&year=" + today.getYear(), "city-admin").body();
            assertTrue(status, Json.has(status, "unitId", czj));
            Http.Reply soap = soap("assessment-system", "370500", today.getYear());
            assertEquals(soap.body(), 200, soap.status());
            assertTrue(soap.body(), soap.body().contains("<unitCode>CZJ</unitCode>") && soap.body().contains("<closedItems>2</closedItems>")
                    && soap.body().contains("<overdueItems>1</overdueItems>") && soap.body().contains("<escalations>2</escalations>"));
            Http.Reply soapCounty = soap("lijin-admin", "370500", today.getYear());
            assertEquals(soapCounty.body(), 500, soapCounty.status());
            assertTrue(soapCounty.body(), soapCounty.body().contains("<status>403</status>"));
            assertTrue(Http.get(PlatformIT.API.replace("/api", "/soap") + "/RectificationService?wsdl", null).body()
                    .contains("rectificationStatus"));

            // oversized bodies are refused before they are read
            byte[] big = new byte[11 * 1024 * 1024];
            Http.Reply hugeFile = Http.call("POST", API + "/v1/rectifications/" + noticeB + "/items/" + items(b.body()).get(0)
                    + "/evidence?fileName=big.pdf", "czj-user", "application/pdf", big);
            assertEquals(413, hugeFile.status());
            Http.Reply hugeJson = Http.call("POST", API + "/v1/rectifications", "city-admin", "application/json", big);
            assertEquals(413, hugeJson.status());
        } finally {
            configure(configurations, "cn.supervision.rectification", "overdueGraceDays", "1", "escalateAfterOverdueDays", "15");
            // e-mail off again: later tests in this container would otherwise record deliveries to a receiver that is gone
            configure(configurations, "cn.supervision.notification.smtp", "host", "");
        }
    }
}
