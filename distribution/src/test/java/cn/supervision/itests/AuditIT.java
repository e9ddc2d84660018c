package cn.supervision.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;

import cn.supervision.api.audit.AuditLog;
import cn.supervision.api.audit.ChainVerification;
import cn.supervision.api.security.Caller;
import cn.supervision.spreadsheet.Sheet;
import cn.supervision.spreadsheet.Xlsx;

/** The audit trail over HTTP: writes and logins recorded with who, what and outcome; read by office scope; exported. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class AuditIT {
    static final String API = PlatformIT.API;
    static final String AUDIT = API + "/v1/audit";

    @Inject
    AuditLog audit;
    @Inject
    SessionFactory shell;

    @Configuration
    public Option[] config() {
        return new PlatformIT().config();
    }

    private static void healthy() throws InterruptedException {
        Http.await(API + "/v1/health", null, r -> r.status() == 200, 120_000);
    }

    private static String unitJson(String code, String name) {
        return "{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"kind\":\"PUBLIC_INSTITUTION\","
                + "\"mandate\":{\"duties\":[{\"number\":1,\"text\":\"承担审计测试工作。\"}],\"internalBodies\":[\"综合科\"],"
                + "\"staffing\":{\"administrativeSlots\":0,\"institutionalSlots\":3,\"leadershipPosts\":1}}}";
    }

    private static Http.Reply basic(String method, String url, String user, String password) throws Exception {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return Http.call(method, url, null, null, null, Map.of("Authorization", "Basic " + token));
    }

    @Test
    public void aWriteIsReadBackWithWhoWhatAndOutcome() throws Exception {
        healthy();
        String code = "AU" + UUID.randomUUID().toString().substring(0, 6);
        Http.Reply created = Http.json("POST", API + "/v1/jurisdictions/370522/units", "lijin-admin", unitJson(code, "利津县审计测试中心"));
        assertEquals(created.body(), 201, created.status());
        String id = created.location().substring(created.location().lastIndexOf('/') + 1);
        Http.Reply refused = Http.json("POST", API + "/v1/jurisdictions/370500/units", "lijin-admin", unitJson(code + "X", "越权"));
        assertEquals(403, refused.status());

        Http.Reply list = Http.get(AUDIT + "?user=lijin-admin&action=WRITE&limit=20", "lijin-admin");
        assertEquals(list.body(), 200, list.status());
        assertNotNull(list.header("X-Total-Count"));
        assertTrue(Long.parseLong(list.header("X-Total-Count")) >= 2);
        String body = list.body();
        JsonNode entry = entryWith(body, e -> Json.anyText(e, "created=" + id));
        assertTrue(entry.toString(), Json.has(entry, "username", "lijin-admin") && Json.has(entry, "roles", "COUNTY_ADMIN")
                && Json.has(entry, "jurisdictionCode", "370522") && Json.has(entry, "method", "POST")
                && Json.has(entry, "resource", "/v1/jurisdictions/{code}/units") && Json.anyText(entry, "code=370522")
                && Json.has(entry, "status", 201) && Json.has(entry, "source", "127.0.0.1") && entry.path("hash").isTextual());
        List<JsonNode> entries = Json.elements(Json.parse(body)).toList();
        int refusal = IntStream.range(0, entries.size()).filter(i -> Json.has(entries.get(i), "status", 403)).findFirst().orElse(-1);
        int write = IntStream.range(0, entries.size()).filter(i -> Json.anyText(entries.get(i), "created=" + id)).findFirst().orElse(-1);
        assertTrue("newest first: the refusal came later " + body, refusal >= 0 && refusal < write);
        Http.Reply refusals = Http.get(AUDIT + "?user=lijin-admin&action=WRITE&outcome=REFUSED", "lijin-admin");
        assertTrue(refusals.body(), Json.has(refusals.body(), "status", 403) && !Json.has(refusals.body(), "status", 201));

        ChainVerification chain = audit.verify(Caller.system("it"));
        assertTrue(chain.reason(), chain.intact());
        assertTrue(chain.checked() >= 2);
    }

    @Test
    public void aFailedLoginIsRecordedWithTheNameAndNeverThePassword() throws Exception {
        healthy();
        String user = "intruder-" + UUID.randomUUID().toString().substring(0, 6);
        assertEquals(401, basic("GET", API + "/v1/jurisdictions", user, "Guess-Pa55-audit").status());
        // SOAP: the same, from its UsernameToken
        String envelope = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "xmlns:r=\"http://supervision.cn/soap/registry/v1\"><soapenv:Header><wsse:Security soapenv:mustUnderstand=\"1\" "
                + "xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd\">"
                + "<wsse:UsernameToken><wsse:Username>" + user + "-soap</wsse:Username><wsse:Password Type=\"http://docs.oasis-open.org/"
                + "wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText\">Guess-Pa55-soap</wsse:Password>"
                + "</wsse:UsernameToken></wsse:Security></soapenv:Header><soapenv:Body><r:listJurisdictions/></soapenv:Body></soapenv:Envelope>";
        Http.Reply soap = Http.call("POST", PlatformIT.SOAP, null, "text/xml; charset=UTF-8", envelope.getBytes(StandardCharsets.UTF_8));
        assertTrue(soap.body(), soap.body().contains("FailedAuthentication"));

        Http.Reply failed = Http.get(AUDIT + "?action=LOGIN_FAILED&limit=100", "city-admin");
        assertEquals(failed.body(), 200, failed.status());
        JsonNode rest = entryWith(failed.body(), e -> Json.has(e, "username", user));
        assertTrue(rest.toString(), Json.has(rest, "channel", "REST") && Json.has(rest, "status", 401));
        JsonNode soapEntry = entryWith(failed.body(), e -> Json.has(e, "username", user + "-soap"));
        assertTrue(soapEntry.toString(), Json.has(soapEntry, "channel", "SOAP"));
        Http.Reply export = Http.get(AUDIT + "/export?action=LOGIN_FAILED", "city-admin");
        for (String text : List.of(failed.body(), export.body())) {
            assertFalse(text.contains("Guess-Pa55"));
        }
        // a county office does not see them: the claimed name proves nothing, they are the platform's (the city's)
        assertFalse(Json.anyText(Http.get(AUDIT + "?action=LOGIN_FAILED&limit=100", "lijin-admin").body(), user));
        // a successful login is recorded too (once per user and address within a window)
        Http.get(API + "/v1/jurisdictions", "guangrao-admin");
        assertTrue(Json.mentions(Http.get(AUDIT + "?action=LOGIN_SUCCEEDED&user=guangrao-admin", "guangrao-admin").body(), "LOGIN_SUCCEEDED"));
    }

    @Test
    public void aCountyNeverReadsTheCitysOrAnotherCountysEntriesAndOtherRolesAreRefused() throws Exception {
        healthy();
        String code = "AC" + UUID.randomUUID().toString().substring(0, 6);
        assertEquals(201, Http.json("POST", API + "/v1/jurisdictions/370500/units", "city-admin", unitJson(code, "东营市审计测试中心")).status());
        assertEquals(201, Http.json("POST", API + "/v1/jurisdictions/370523/units", "guangrao-admin",
                unitJson(code + "G", "广饶县审计测试中心")).status());

        Http.Reply city = Http.get(AUDIT + "?limit=500", "city-admin");
        assertTrue(Json.has(city.body(), "username", "city-admin") && Json.has(city.body(), "username", "guangrao-admin"));
        Http.Reply lijin = Http.get(AUDIT + "?limit=500", "lijin-admin");
        assertEquals(200, lijin.status());
        assertFalse(lijin.body(), Json.has(lijin.body(), "username", "city-admin"));
        assertFalse(lijin.body(), Json.has(lijin.body(), "username", "guangrao-admin"));
        assertFalse(lijin.body(), Json.has(lijin.body(), "jurisdictionCode", "370500"));
        assertEquals(403, Http.get(AUDIT + "?jurisdiction=370500", "lijin-admin").status());
        assertEquals(403, Http.get(AUDIT + "?jurisdiction=370523", "lijin-admin").status());
        assertEquals(403, Http.get(AUDIT + "/export?jurisdiction=370500", "lijin-admin").status());
        Http.Reply guangraoOnly = Http.get(AUDIT + "?jurisdiction=370523&limit=500", "city-admin");
        assertFalse(Json.has(guangraoOnly.body(), "username", "city-admin"));

        for (String user : List.of("czj-user", "city-leader", "assessment-system", "evaluator")) {
            Http.Reply refused = Http.get(AUDIT, user);
            assertEquals(user + " " + refused.body(), 403, refused.status());
            assertEquals(user, 403, Http.get(AUDIT + "/export", user).status());
        }
        assertEquals(401, Http.get(AUDIT, null).status());
        // append-only: there is nothing to change or remove an entry with
        assertTrue(Http.call("DELETE", AUDIT, "city-admin", null, null).status() >= 400);
    }

    @Test
    public void exportsAsCsvAndExcelWithChineseHeaders() throws Exception {
        healthy();
        Http.json("POST", API + "/v1/jurisdictions/370522/units", "lijin-admin", unitJson("AE" + UUID.randomUUID().toString().substring(0, 6),
                "利津县导出测试中心"));
        Http.Reply csv = Http.get(AUDIT + "/export?format=csv&action=WRITE", "lijin-admin");
        assertEquals(csv.body(), 200, csv.status());
        assertTrue(csv.contentType(), csv.contentType().startsWith("text/csv"));
        String text = new String(csv.bytes(), StandardCharsets.UTF_8);
        assertTrue(text, text.startsWith("\uFEFF序号,时间,用户,角色,行政区划,来源地址,渠道,类型,操作,资源,记录标识,状态码,结果,前序哈希,哈希"));
        assertTrue(text.contains("lijin-admin") && text.contains("写操作") && !text.contains("city-admin"));

        Http.Reply xlsx = Http.get(AUDIT + "/export?format=xlsx", "city-admin");
        assertEquals(200, xlsx.status());
        Sheet sheet = Xlsx.read(new ByteArrayInputStream(xlsx.bytes())).get(0);
        assertEquals("审计日志", sheet.name());
        assertEquals("序号", sheet.text(0, 0));
        assertEquals("哈希", sheet.text(0, 14));
        assertTrue(sheet.rows().size() > 1);
        assertEquals(400, Http.get(AUDIT + "/export?format=pdf", "city-admin").status());
        assertEquals(400, Http.get(AUDIT + "?from=yesterday", "city-admin").status());
    }

    @Test
    public void aSoapWriteIsRecordedWithItsOutcome() throws Exception {
        healthy();
        String batch = "audit-" + UUID.randomUUID().toString().substring(0, 6);
        // a partner system of the city submitting into a county: refused (403), and recorded as such
        String envelope = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:p=\"http://supervision.cn/soap/platform-data/v1\">"
                + "<soapenv:Header><wsse:Security xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd\">"
                + "<wsse:UsernameToken><wsse:Username>assessment-system</wsse:Username><wsse:Password Type=\"http://docs.oasis-open.org/wss/2004/01/"
                + "oasis-200401-wss-username-token-profile-1.0#PasswordText\">assessment-system-demo</wsse:Password></wsse:UsernameToken></wsse:Security>"
                + "</soapenv:Header><soapenv:Body><p:submitBatch><jurisdictionCode>370522</jurisdictionCode><sourceSystem>hotline</sourceSystem>"
                + "<clientBatchId>" + batch + "</clientBatchId><row><metric>m</metric><unit>u</unit><date>2026-05-01</date>"
                + "<value>70</value></row></p:submitBatch></soapenv:Body></soapenv:Envelope>";
        String soap = "http://localhost:" + PlatformIT.PORT + "/services/soap/PlatformDataService";
        Http.Reply refused = Http.call("POST", soap, null, "text/xml; charset=UTF-8", envelope.getBytes(StandardCharsets.UTF_8));
        assertTrue(refused.body(), refused.body().contains("<status>403</status>"));

        Http.Reply list = Http.get(AUDIT + "?user=assessment-system&action=WRITE&limit=100", "city-admin");
        JsonNode entry = entryWith(list.body(), e -> Json.anyText(e, "clientBatchId=" + batch));
        assertTrue(entry.toString(), Json.has(entry, "channel", "SOAP") && Json.has(entry, "method", "submitBatch")
                && Json.anyText(entry, "jurisdiction=370522") && Json.has(entry, "status", 403) && Json.has(entry, "roles", "PARTNER_SYSTEM")
                && Json.has(entry, "source", "127.0.0.1"));
        assertFalse(Json.anyText(list.body(), "assessment-system-demo"));
    }

    @Test
    public void aWritingShellCommandIsRecordedWhateverItsOutcome() throws Exception {
        healthy();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream print = new java.io.PrintStream(out, true, StandardCharsets.UTF_8);
        Session session = shell.create(new ByteArrayInputStream(new byte[0]), print, print);
        try {
            session.execute("supervision:campaign-publish 987654 审计测试");
            session.execute("supervision:campaign-list");
        } finally {
            session.close();
        }
        Http.Reply list = Http.get(AUDIT + "?action=WRITE&limit=200", "city-admin");
        JsonNode entry = entryWith(list.body(), e -> Json.has(e, "resource", "supervision:campaign-publish"));
        assertTrue("a refused publish is recorded as refused (no campaign 987654), not as done: " + entry,
                Json.has(entry, "status", 404));
        assertTrue(entry.toString(), Json.has(entry, "channel", "SHELL") && Json.has(entry, "recordIds", "id=987654")
                && Json.has(entry, "username", Json.startingWith("shell:")) && Json.has(entry, "jurisdictionCode", "370500"));
        assertFalse("reads are not recorded", Json.anyText(list.body(), "supervision:campaign-list"));
        assertFalse("the platform's own entries are the city's", Json.anyText(Http.get(AUDIT + "?limit=500", "lijin-admin").body(),
                "supervision:campaign-publish"));
    }

    /** The first audit entry (an object with a sequence number, its event inside) that matches. */
    static JsonNode entryWith(String json, Predicate<JsonNode> which) {
        return Json.nodes(Json.parse(json)).filter(e -> e.isObject() && e.has("sequence") && which.test(e)).findFirst()
                .orElseThrow(() -> new AssertionError("no such entry in " + json));
    }
}
