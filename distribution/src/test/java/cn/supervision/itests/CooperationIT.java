package cn.supervision.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * The city office registers its cooperating departments (审计局 SJJ, 纪委监委 JW), refers a finding with an evidence file
 * to the audit bureau, which alone sees it, downloads the evidence, acknowledges and answers with its result; the
 * office reads the feedback. A published campaign's results are shared with both departments, each with its own
 * read receipt. Other departments, another county's department, a unit and anonymous callers are refused; bad input
 * is refused with nothing written.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class CooperationIT {
    static final String API = PlatformIT.API;
    static final String COOP = API + "/v1/cooperation";

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

    private static String department(String jurisdiction, String code, String name, String kind) {
        return "{\"jurisdictionCode\":\"" + jurisdiction + "\",\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"kind\":\"" + kind
                + "\",\"contacts\":[{\"name\":\"联络员\",\"title\":\"科长\",\"phone\":\"0546-8880000\"}]}";
    }

    /** The id of department {@code code} of {@code jurisdiction}, registered by {@code user} when absent. */
    private static long ensure(String user, String jurisdiction, String code, String body) throws Exception {
        String listed = ok(200, Http.get(COOP + "/departments?jurisdiction=" + jurisdiction, user)).body();
        Optional<JsonNode> registered = Json.elements(Json.parse(listed))
                .filter(d -> Json.is(d, "jurisdictionCode", jurisdiction, "code", code)).findFirst();
        if (registered.isPresent()) {
            return Json.id(registered.get());
        }
        return Json.id(ok(201, Http.json("POST", COOP + "/departments", user, body)).body());
    }

    /** Publishes a routine city campaign over two units with a few OFFICE figures (as FindingsIT does). */
    /** A DRAFT city campaign over the units. */
    private static long campaign(String title, long... units) throws Exception {
        Http.Reply systems = Http.await(API + "/v1/indicator-systems?jurisdiction=370500&status=PUBLISHED", "city-admin",
                r -> r.status() == 200 && Json.anyText(r.body(), "东营市市直部门单位职能运行监管指标体系"), 60_000);
        long system = Json.firstId(systems.body());
        String plan = "{\"kind\":\"ROUTINE\",\"title\":\"" + title + "\",\"period\":{\"type\":\"YEAR\",\"year\":2026},"
                + "\"systems\":{\"PARTY_ORGAN\":" + system + ",\"GOVERNMENT_DEPARTMENT\":" + system + ",\"PUBLIC_INSTITUTION\":" + system
                + "},\"targetUnitIds\":" + java.util.Arrays.toString(units).replace(" ", "") + "}";
        return Json.id(ok(201, Http.json("POST", API + "/v1/campaigns", "city-admin",
                "{\"jurisdictionCode\":\"370500\",\"plan\":" + plan + "}")).body());
    }

    private static long publishedCampaign(long czj, long other) throws Exception {
        long id = campaign("2026年度协作通报试点", czj, other);
        ok(200, Http.json("POST", API + "/v1/campaigns/" + id + "/transitions", "city-admin", "{\"to\":\"COLLECTING\",\"reason\":\"开始采集\"}"));
        for (String in : new String[] {"\"code\":\"D1.1\",\"input\":{\"value\":92}", "\"code\":\"C3.1\",\"input\":{\"value\":97}"}) {
            ok(201, Http.json("POST", API + "/v1/campaigns/" + id + "/inputs", "city-admin",
                    "{\"unitId\":" + czj + "," + in + ",\"source\":\"OFFICE\",\"explanation\":\"市编办核定\"}"));
        }
        ok(200, Http.json("POST", API + "/v1/campaigns/" + id + "/transitions", "city-admin", "{\"to\":\"SCORING\",\"reason\":\"采集截止\"}"));
        ok(200, Http.json("POST", API + "/v1/campaigns/" + id + "/transitions", "city-admin", "{\"to\":\"PUBLISHED\",\"reason\":\"市编委会审定\"}"));
        return id;
    }

    @Test
    public void aReferralAndAShareReachOnlyTheirDepartments() throws Exception {
        long czj = Json.firstId(Http.await(API + "/v1/jurisdictions/370500/units", "czj-user", r -> r.status() == 200, 60_000).body());
        String units = Http.get(API + "/v1/jurisdictions/370500/units", "city-admin").body();
        long other = Json.ids(units).stream().filter(unit -> unit != czj).findFirst().orElse(czj);
        Http.await(COOP + "/departments", "city-admin", r -> r.status() == 200, 60_000);

        // ---------------------------------------------------------------- departments
        String sjjBody = department("370500", "SJJ", "东营市审计局", "AUDIT");
        ok(401, Http.json("POST", COOP + "/departments", null, sjjBody));
        ok(403, Http.json("POST", COOP + "/departments", "lijin-admin", sjjBody));
        ok(403, Http.json("POST", COOP + "/departments", "czj-user", sjjBody));
        ok(403, Http.json("POST", COOP + "/departments", "city-audit", sjjBody));
        ok(400, Http.json("POST", COOP + "/departments", "city-admin", "{\"code\":"));
        Http.Reply badCode = ok(400, Http.json("POST", COOP + "/departments", "city-admin", department("370500", "审 计", "x", "AUDIT")));
        assertTrue(badCode.body(), Json.anyText(badCode.body(), "code"));
        assertFalse("a refused registration writes nothing",
                Json.has(ok(200, Http.get(COOP + "/departments", "city-admin")).body(), "name", "x"));
        // the ITs share one platform: another test may have registered the demo departments already
        long sjj = ensure("city-admin", "370500", "SJJ", sjjBody);
        long jw = ensure("city-admin", "370500", "JW", department("370500", "JW", "东营市纪委监委", "DISCIPLINE_INSPECTION"));
        ok(409, Http.json("POST", COOP + "/departments", "city-admin", sjjBody));
        long lijinSjj = ensure("lijin-admin", "370522", "SJJ", department("370522", "SJJ", "利津县审计局", "AUDIT"));
        String mine = ok(200, Http.get(COOP + "/departments", "city-audit")).body();
        assertTrue(mine, Json.has(mine, "code", "SJJ") && !Json.has(mine, "code", "JW"));
        ok(403, Http.get(COOP + "/departments", "czj-user"));
        ok(200, Http.json("PUT", COOP + "/departments/" + jw, "city-admin",
                "{\"name\":\"中共东营市纪律检查委员会 东营市监察委员会\",\"kind\":\"DISCIPLINE_INSPECTION\",\"contacts\":[]}"));
        ok(400, Http.json("PUT", COOP + "/departments/" + jw, "city-admin", "{\"code\":\"JW2\",\"name\":\"x\",\"kind\":\"DISCIPLINE_INSPECTION\"}"));

        // ---------------------------------------------------------------- a referral
        long finding = Json.id(ok(201, Http.json("POST", API + "/v1/findings", "city-admin", "{\"jurisdictionCode\":\"370500\","
                + "\"unitId\":" + czj + ",\"source\":{\"kind\":\"MANUAL\",\"reference\":\"专项检查\"},\"category\":\"STAFFING\","
                + "\"severity\":\"GRAVE\",\"description\":\"超编进人并违规发放津贴\"}")).body());
        String referral = "{\"findingId\":" + finding + ",\"departmentId\":" + sjj + ",\"note\":\"涉及财政资金，请依职责核查\"}";
        Http.Reply foreign = ok(400, Http.json("POST", COOP + "/referrals", "city-admin",
                "{\"findingId\":" + finding + ",\"departmentId\":" + lijinSjj + ",\"note\":\"x\"}"));
        assertTrue(foreign.body(), Json.anyText(foreign.body(), "370522"));
        ok(403, Http.json("POST", COOP + "/referrals", "lijin-admin",
                "{\"jurisdictionCode\":\"370500\",\"findingId\":" + finding + ",\"departmentId\":" + sjj + ",\"note\":\"x\"}"));
        ok(403, Http.json("POST", COOP + "/referrals", "czj-user", referral));
        ok(403, Http.json("POST", COOP + "/referrals", "city-audit", referral));
        ok(401, Http.json("POST", COOP + "/referrals", null, referral));
        ok(400, Http.json("POST", COOP + "/referrals", "city-admin", "{\"findingId\":"));
        ok(400, Http.json("POST", COOP + "/referrals", "city-admin", "{\"findingId\":" + finding + ",\"departmentId\":" + sjj + "}"));
        assertEquals("[]", ok(200, Http.get(COOP + "/referrals", "city-admin")).body());
        Http.Reply created = ok(201, Http.json("POST", COOP + "/referrals", "city-admin", referral));
        long id = Json.id(created.body());
        String one = COOP + "/referrals/" + id;

        byte[] pdf = "%PDF-1.4 核查材料".getBytes(StandardCharsets.UTF_8);
        ok(403, Http.call("POST", one + "/evidence?fileName=a.pdf", "city-discipline", "application/pdf", pdf));
        ok(409, Http.call("POST", one + "/evidence?fileName=a.pdf", "city-audit", "application/pdf", pdf));
        ok(413, Http.call("POST", one + "/evidence?fileName=a.pdf", "city-admin", "application/pdf", new byte[11 * 1024 * 1024]));
        ok(415, Http.call("POST", one + "/evidence?fileName=a.exe", "city-admin", "application/octet-stream", pdf));
        long evidence = Json.id(ok(201, Http.call("POST", one + "/evidence?fileName=" + java.net.URLEncoder.encode("核查材料.pdf",
                StandardCharsets.UTF_8), "city-admin", "application/pdf", pdf)).body());

        // only the audit bureau of the city sees it
        String list = ok(200, Http.get(COOP + "/referrals", "city-audit")).body();
        assertTrue(list, Json.has(list, "id", id) && Json.anyText(list, "超编进人并违规发放津贴") && Json.has(list, "severity", "GRAVE"));
        assertEquals("[]", ok(200, Http.get(COOP + "/referrals", "city-discipline")).body());
        assertEquals("[]", ok(200, Http.get(COOP + "/referrals", "lijin-audit")).body());
        ok(403, Http.get(COOP + "/referrals?jurisdiction=370500", "lijin-audit"));
        ok(403, Http.get(COOP + "/referrals", "czj-user"));
        ok(401, Http.get(COOP + "/referrals", null));
        ok(403, Http.get(one, "city-discipline"));
        ok(403, Http.get(one, "lijin-audit"));
        ok(403, Http.get(one, "czj-user"));
        ok(403, Http.get(one + "/evidence/" + evidence, "city-discipline"));
        ok(403, Http.get(API + "/v1/findings/" + finding, "city-audit")); // the findings ledger stays closed to departments
        String seen = ok(200, Http.get(one, "city-audit")).body();
        assertTrue(seen, Json.anyText(seen, "核查材料.pdf") && Json.has(seen, "state", "SENT"));
        Http.Reply file = ok(200, Http.get(one + "/evidence/" + evidence, "city-audit"));
        assertArrayEquals(pdf, file.bytes());

        // receipt and feedback by the addressed department only
        ok(403, Http.json("POST", one + "/receipt", "city-discipline", "{}"));
        ok(403, Http.json("POST", one + "/receipt", "city-admin", "{}"));
        ok(409, Http.json("POST", one + "/feedback", "city-audit", "{\"kind\":\"ACCEPTED\"}"));
        assertTrue(Json.has(ok(200, Http.json("POST", one + "/receipt", "city-audit", "{\"note\":\"已签收\"}")).body(), "state", "ACKNOWLEDGED"));
        ok(409, Http.call("POST", one + "/evidence?fileName=b.pdf", "city-admin", "application/pdf", pdf));
        ok(400, Http.json("POST", one + "/feedback", "city-audit", "{\"kind\":\"NOT_ACCEPTED\"}"));
        ok(400, Http.json("POST", one + "/feedback", "city-audit", "{\"kind\":"));
        ok(403, Http.json("POST", one + "/feedback", "city-discipline", "{\"kind\":\"RESULT\",\"text\":\"x\"}"));
        ok(403, Http.json("POST", one + "/feedback", "lijin-audit", "{\"kind\":\"RESULT\",\"text\":\"x\"}"));
        long result = Json.id(ok(201, Http.call("POST", one + "/evidence?fileName=result.pdf", "city-audit", "application/pdf", pdf)).body());
        String answered = ok(200, Http.json("POST", one + "/feedback", "city-audit",
                "{\"kind\":\"RESULT\",\"text\":\"已责令整改，追缴违规发放津贴\",\"fileId\":" + result + "}")).body();
        assertTrue(answered, Json.has(answered, "state", "CONCLUDED"));
        ok(409, Http.json("POST", one + "/feedback", "city-audit", "{\"kind\":\"ACCEPTED\"}"));

        String office = ok(200, Http.get(one, "city-admin")).body();
        assertTrue(office, Json.has(office, "state", "CONCLUDED") && Json.anyText(office, "已责令整改，追缴违规发放津贴")
                && Json.has(office, "resultFileId", result));
        assertEquals(office, 3, Json.count(office, "actor"));
        assertTrue(Json.has(ok(200, Http.get(one, "city-leader")).body(), "state", "CONCLUDED"));
        assertEquals("[]", ok(200, Http.get(COOP + "/referrals/overdue", "city-admin")).body());
        String auditInbox = ok(200, Http.get(API + "/v1/inbox", "city-audit")).body();
        assertTrue(auditInbox, Json.anyText(auditInbox, "/v1/cooperation/referrals/" + id));
        assertFalse(Json.anyText(ok(200, Http.get(API + "/v1/inbox", "city-discipline")).body(), "/v1/cooperation/referrals/" + id));
        String officeInbox = ok(200, Http.get(API + "/v1/inbox", "city-admin")).body();
        assertTrue(officeInbox, Json.anyText(officeInbox, "COOPERATION_FEEDBACK"));

        // ---------------------------------------------------------------- a share of published results
        long draftCampaign = campaign("未发布活动", czj);
        Http.Reply unpublished = ok(400, Http.json("POST", COOP + "/shares", "city-admin", "{\"subject\":\"通报\",\"message\":\"内容\",\"campaignId\":"
                + draftCampaign + ",\"departmentIds\":[" + sjj + "]}"));
        assertTrue(unpublished.body(), Json.anyText(unpublished.body(), "campaignId"));
        long campaign = publishedCampaign(czj, other);
        String share = "{\"subject\":\"2026年度监管评估结果通报\",\"message\":\"请结合职责参考使用\",\"campaignId\":" + campaign
                + ",\"departmentIds\":[" + sjj + "," + jw + "]}";
        ok(400, Http.json("POST", COOP + "/shares", "city-admin", share.replace("[" + sjj + "," + jw + "]", "[" + lijinSjj + "]")));
        ok(403, Http.json("POST", COOP + "/shares", "lijin-admin", share.replace("{\"subject\"", "{\"jurisdictionCode\":\"370500\",\"subject\"")));
        ok(403, Http.json("POST", COOP + "/shares", "czj-user", share));
        assertEquals("[]", ok(200, Http.get(COOP + "/shares", "city-admin")).body());
        long shareId = Json.id(ok(201, Http.json("POST", COOP + "/shares", "city-admin", share)).body());
        String s = COOP + "/shares/" + shareId;
        String forAudit = ok(200, Http.get(s, "city-audit")).body();
        assertTrue(forAudit, Json.has(forAudit, "unitId", czj) && Json.hasField(forAudit, "rank") && Json.hasField(forAudit, "total"));
        assertEquals(forAudit, 1, Json.count(forAudit, "departmentCode"));
        assertTrue(Json.has(ok(200, Http.get(COOP + "/shares", "city-discipline")).body(), "id", shareId));
        assertEquals("[]", ok(200, Http.get(COOP + "/shares", "lijin-audit")).body());
        ok(403, Http.get(s, "lijin-audit"));
        ok(403, Http.get(s, "czj-user"));
        ok(403, Http.json("POST", s + "/read", "city-admin", "{}"));
        assertTrue(Json.has(ok(200, Http.json("POST", s + "/read", "city-audit", "{}")).body(), "readBy", "city-audit"));
        String receipts = ok(200, Http.get(s, "city-admin")).body();
        assertEquals(receipts, 2, Json.count(receipts, "departmentCode"));
        assertEquals(receipts, 1, Json.countWhere(receipts, "readBy", "city-audit"));
        assertEquals(receipts, 1, Json.count(receipts, "readAt")); // null receipts are left out of the JSON
        assertTrue(Json.anyText(ok(200, Http.get(API + "/v1/inbox", "city-discipline")).body(), "/v1/cooperation/shares/" + shareId));

        // deactivated departments receive nothing new but keep what they had
        // (a department of this test's own: JW and SJJ stay active for the other tests sharing the platform)
        long dcs = ensure("city-admin", "370500", "DCS", department("370500", "DCS", "东营市政府督查室", "GOVERNMENT_SUPERVISION"));
        ok(201, Http.json("POST", COOP + "/shares", "city-admin", share.replace("[" + sjj + "," + jw + "]", "[" + dcs + "]")));
        ok(400, Http.json("POST", COOP + "/departments/" + dcs + "/deactivate", "city-admin", "{}"));
        ok(200, Http.json("POST", COOP + "/departments/" + dcs + "/deactivate", "city-admin", "{\"reason\":\"测试停用\"}"));
        ok(400, Http.json("POST", COOP + "/referrals", "city-admin", "{\"findingId\":" + finding + ",\"departmentId\":" + dcs + ",\"note\":\"x\"}"));
        String kept = ok(200, Http.get(COOP + "/shares", "city-admin")).body();
        assertEquals(kept, 2, Json.countWhere(kept, "subject", "2026年度监管评估结果通报"));
        assertTrue(Json.has(ok(200, Http.get(COOP + "/departments?inactive=true", "city-admin")).body(), "active", false));

        String openapi = ok(200, Http.get(API + "/openapi.json", null)).body();
        assertTrue(Json.documents(openapi, "/v1/cooperation/referrals/{id}/feedback"));
    }
}
