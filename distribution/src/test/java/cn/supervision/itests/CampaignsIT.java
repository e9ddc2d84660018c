package cn.supervision.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import cn.supervision.api.campaign.CampaignService;

/** A routine campaign planned, started and moved on over HTTP, pinning the city's published system. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class CampaignsIT {
    static final String API = PlatformIT.API;

    @Inject
    CampaignService campaigns;

    @Configuration
    public Option[] config() {
        return new PlatformIT().config();
    }

    @Before
    public void platformReady() throws Exception {
        PlatformIT.awaitReady();
    }

    /** 利津县's special campaign with all five categories: one unit's total, its gap flag and drivers, coverage. */
    @Test
    public void aSpecialCountyCampaignByHand() throws Exception {
        Http.Reply systems = Http.await(API + "/v1/indicator-systems?jurisdiction=370522&status=PUBLISHED", "lijin-admin",
                r -> r.status() == 200 && Json.anyText(r.body(), "利津县县直部门单位职能运行监管指标体系"), 60_000);
        long system = Json.firstId(systems.body());
        String plan = "{\"kind\":\"SPECIAL\",\"title\":\"优化营商环境专项监管\",\"period\":{\"type\":\"MONTH\",\"year\":2026,\"number\":11},"
                + "\"systems\":{\"PARTY_ORGAN\":" + system + ",\"GOVERNMENT_DEPARTMENT\":" + system + ",\"PUBLIC_INSTITUTION\":" + system + "}}";
        Http.Reply created = Http.json("POST", API + "/v1/campaigns", "lijin-admin", "{\"jurisdictionCode\":\"370522\",\"plan\":" + plan + "}");
        assertEquals(created.body(), 201, created.status());
        long id = Json.id(created.body());
        assertEquals(200, Http.json("POST", API + "/v1/campaigns/" + id + "/transitions", "lijin-admin",
                "{\"to\":\"COLLECTING\",\"reason\":\"开始\"}").status());
        String units = Http.get(API + "/v1/jurisdictions/370522/units", "lijin-admin").body();
        long czj = Json.idWhere(units, "code", "LJCZJ");
        for (String in : new String[] {"\"code\":\"D1.1\",\"input\":{\"value\":100}", "\"code\":\"C1.1\",\"input\":{\"value\":60}",
                "\"code\":\"C2.1\",\"input\":{\"value\":60}"}) {
            Http.Reply r = Http.json("POST", API + "/v1/campaigns/" + id + "/inputs", "lijin-admin",
                    "{\"unitId\":" + czj + "," + in + ",\"source\":\"OFFICE\",\"explanation\":\"县编办核定\"}");
            assertEquals(r.body(), 201, r.status());
        }
        Http.Reply unjustified = Http.json("POST", API + "/v1/campaigns/" + id + "/inputs", "lijin-admin",
                "{\"unitId\":" + czj + ",\"code\":\"D1.1\",\"input\":{\"value\":90},\"source\":\"OFFICE\"}");
        assertEquals(unjustified.body(), 400, unjustified.status());
        assertTrue(unjustified.body(), Json.has(unjustified.body(), "field", "explanation"));
        // the city supervises the county but does not run its campaign nor look into it before publication
        Http.Reply cityWrites = Http.json("POST", API + "/v1/campaigns/" + id + "/inputs", "city-admin",
                "{\"unitId\":" + czj + ",\"code\":\"D1.1\",\"input\":{\"value\":0},\"source\":\"OFFICE\",\"explanation\":\"代录\"}");
        assertEquals(cityWrites.body(), 403, cityWrites.status());
        assertEquals(403, Http.get(API + "/v1/campaigns/" + id + "/units/" + czj + "/inputs", "city-admin").status());
        assertEquals(403, Http.get(API + "/v1/campaigns/" + id + "/coverage", "city-admin").status());
        assertEquals(200, Http.get(API + "/v1/campaigns/" + id, "city-admin").status());
        // a city unit and a partner see nothing of the county's campaign
        assertEquals(403, Http.get(API + "/v1/campaigns/" + id, "czj-user").status());
        assertTrue(!Json.has(Http.get(API + "/v1/campaigns", "czj-user").body(), "jurisdictionCode", "370522"));
        assertEquals(403, Http.get(API + "/v1/campaigns/" + id, "assessment-system").status());
        assertEquals("the city reads a county's results only once published", 403,
                Http.get(API + "/v1/campaigns/" + id + "/results", "city-admin").status());
        Http.Reply results = Http.get(API + "/v1/campaigns/" + id + "/results?gapThreshold=10", "lijin-admin");
        JsonNode mine = Json.find(Json.of(results), "unitId", czj);
        // D1.1 12/12, C1.1 0/10, C2.1 0/10, nothing else: all five categories → 12 of 100 = 12.00;
        // duty view 12/60 = 20.00, corroboration 0/40 = 0.00, gap 20 > 10 → flagged, weakest view: corroboration
        JsonNode drivers = mine.path("gapDrivers");
        assertTrue(mine.toString(), Json.is(mine, "total", Json.num("12.00"), "dutyView", Json.num("20.00"),
                "corroborationView", Json.num("0.00"), "flagged", true)
                && drivers.path(0).asText().equals("C1.1 部门协作配合") && drivers.path(1).asText().equals("C2.1 服务对象满意率")
                && drivers.path(2).asText().startsWith("C2.2"));
        Http.Reply coverage = Http.get(API + "/v1/campaigns/" + id + "/coverage", "lijin-admin");
        assertEquals(6, Json.count(coverage.body(), "unitId"));
        assertTrue(Json.mentions(coverage.body(), "D1.2") && Json.nodes(Json.of(coverage)).noneMatch(u -> Json.is(u, "unitId", czj, "unitName", "利津县财政局")
                && u.path("missingCodes").path(0).asText().equals("C1.1")));
    }

    /** A UNIT_USER lists only its own unit. */
    private static long czjId() throws Exception {
        String units = Http.get(API + "/v1/jurisdictions/370500/units", "czj-user").body();
        return Json.firstId(units);
    }

    @Test
    public void aRoutineCampaignOverHttp() throws Exception {
        Http.Reply systems = Http.await(API + "/v1/indicator-systems?jurisdiction=370500&status=PUBLISHED", "city-admin",
                r -> r.status() == 200 && Json.anyText(r.body(), "东营市市直部门单位职能运行监管指标体系"), 60_000);
        long system = Json.firstId(systems.body());
        String plan = "{\"kind\":\"ROUTINE\",\"title\":\"2026年第4季度常规监管\",\"period\":{\"type\":\"QUARTER\",\"year\":2026,\"number\":4},"
                + "\"systems\":{\"PARTY_ORGAN\":" + system + ",\"GOVERNMENT_DEPARTMENT\":" + system + ",\"PUBLIC_INSTITUTION\":" + system + "}}";
        Http.Reply created = Http.json("POST", API + "/v1/campaigns", "city-admin", "{\"jurisdictionCode\":\"370500\",\"plan\":" + plan + "}");
        assertEquals(created.body(), 201, created.status());
        long id = Json.id(created.body());
        assertTrue(created.body(), Json.has(created.body(), "categories", Json.value("[\"CORE\",\"AUXILIARY\",\"PUBLIC_EVALUATION\",\"PLATFORM_DATA\"]")));

        assertEquals(403, Http.get(API + "/v1/campaigns/" + id, "lijin-admin").status());
        Http.Reply skip = Http.json("POST", API + "/v1/campaigns/" + id + "/transitions", "city-admin",
                "{\"to\":\"PUBLISHED\",\"reason\":\"跳过\"}");
        assertEquals(skip.body(), 409, skip.status());
        Http.Reply start = Http.json("POST", API + "/v1/campaigns/" + id + "/transitions", "city-admin",
                "{\"to\":\"COLLECTING\",\"reason\":\"开始采集\"}");
        assertEquals(start.body(), 200, start.status());
        assertTrue("every ACTIVE city unit is a target", Json.of(start).findValue("targetUnitIds").size() >= 40);
        assertEquals(409, Http.json("PUT", API + "/v1/campaigns/" + id, "city-admin", plan).status());
        Http.Reply history = Http.get(API + "/v1/campaigns/" + id + "/history", "city-leader");
        assertTrue(history.body(), Json.anyText(history.body(), "开始采集") && Json.has(history.body(), "by", "city-admin"));

        // 东营市财政局 (CZJ) reports for itself; the office enters a platform figure; the results explain themselves
        long czj = czjId();
        Http.Reply own = Http.json("POST", API + "/v1/campaigns/" + id + "/inputs", "czj-user",
                "{\"unitId\":" + czj + ",\"code\":\"D1.1\",\"input\":{\"value\":92},\"source\":\"SELF_REPORT\",\"explanation\":\"见任务台账\"}");
        assertEquals(own.body(), 201, own.status());
        assertTrue(own.body(), Json.has(own.body(), "review", "SUBMITTED"));
        long ownId = Json.id(own.body());
        Http.Reply evidence = Http.call("POST", API + "/v1/campaigns/" + id + "/inputs/" + ownId + "/evidence?fileName=ledger.pdf",
                "czj-user", "application/pdf", "%PDF-1.4 ledger".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(evidence.body(), 201, evidence.status());
        assertTrue(Json.mentions(evidence.body(), "sha256"));
        assertEquals(415, Http.call("POST", API + "/v1/campaigns/" + id + "/inputs/" + ownId + "/evidence?fileName=run.exe",
                "czj-user", "application/octet-stream", new byte[] {1, 2}).status());
        Http.Reply accepted = Http.json("POST", API + "/v1/campaigns/" + id + "/inputs/" + ownId + "/review", "city-admin",
                "{\"accept\":true}");
        assertEquals(accepted.body(), 200, accepted.status());
        assertTrue(Json.has(accepted.body(), "review", "ACCEPTED"));
        Http.Reply office = Http.json("POST", API + "/v1/campaigns/" + id + "/inputs", "city-admin",
                "{\"unitId\":" + czj + ",\"code\":\"C3.1\",\"input\":{\"value\":97},\"source\":\"OFFICE\",\"explanation\":\"12345 平台导出\"}");
        assertEquals(office.body(), 201, office.status());
        Http.Reply seenByUnit = Http.get(API + "/v1/campaigns/" + id, "czj-user");
        assertEquals(seenByUnit.body(), 200, seenByUnit.status());
        assertTrue(seenByUnit.body(), Json.has(seenByUnit.body(), "workingGroup", Json.value("[]")));
        assertEquals("a unit reads its score once published", 403, Http.get(API + "/v1/campaigns/" + id + "/results", "czj-user").status());
        long other = Json.firstId(Http.get(API + "/v1/jurisdictions/370500/units", "city-admin").body());
        assertEquals(403, Http.json("POST", API + "/v1/campaigns/" + id + "/inputs", "czj-user",
                "{\"unitId\":" + other + ",\"code\":\"D1.1\",\"input\":{\"value\":100},\"source\":\"SELF_REPORT\"}").status());

        Http.Reply results = Http.get(API + "/v1/campaigns/" + id + "/results", "city-leader");
        assertEquals(results.body(), 200, results.status());
        // CZJ: D1.1 9 of 12 (CORE) + C3.1 4.25 of 15 (PLATFORM_DATA) → routine categories (max 90): 13.25 × 100 / 90 = 14.72
        JsonNode czjResult = Json.find(Json.of(results), "unitId", czj);
        assertTrue(czjResult.toString(), Json.is(czjResult, "unitName", "东营市财政局", "total", Json.num("14.72"), "grade", "较差"));

        // publish (revision 1), correct (revision 2), export, and hand the results to the assessment system over SOAP
        assertEquals(200, Http.json("POST", API + "/v1/campaigns/" + id + "/transitions", "city-admin",
                "{\"to\":\"SCORING\",\"reason\":\"采集截止\"}").status());
        Http.Reply published = Http.json("POST", API + "/v1/campaigns/" + id + "/transitions", "city-admin",
                "{\"to\":\"PUBLISHED\",\"reason\":\"市编委会审定\"}");
        assertEquals(published.body(), 200, published.status());
        assertEquals(409, Http.json("POST", API + "/v1/campaigns/" + id + "/inputs", "city-admin",
                "{\"unitId\":" + czj + ",\"code\":\"C3.1\",\"input\":{\"value\":99},\"source\":\"OFFICE\"}").status());
        Http.Reply corrected = Http.json("POST", API + "/v1/campaigns/" + id + "/corrections", "city-admin",
                "{\"reason\":\"热线数据复核\",\"corrections\":[{\"unitId\":" + czj + ",\"code\":\"C3.1\",\"input\":{\"value\":100}}]}");
        assertEquals(corrected.body(), 201, corrected.status());
        Http.Reply revisions = Http.get(API + "/v1/campaigns/" + id + "/revisions", "city-leader");
        assertTrue(Json.has(revisions.body(), "revision", 1) && Json.has(revisions.body(), "revision", 2)
                && Json.anyText(revisions.body(), "热线数据复核"));
        // C3.1 100 → 5: (9 + 5) × 100 / 90 = 15.56
        assertTrue(Json.has(Http.get(API + "/v1/campaigns/" + id + "/results", "city-leader").body(), "total", Json.num("15.56")));

        Http.Reply xlsx = Http.get(API + "/v1/campaigns/" + id + "/results.xlsx", "city-leader");
        assertEquals(200, xlsx.status());
        cn.supervision.spreadsheet.Sheet sheet = cn.supervision.spreadsheet.Xlsx.read(new java.io.ByteArrayInputStream(xlsx.bytes())).get(0);
        assertEquals("排名", sheet.text(0, 0));
        assertTrue(sheet.rows().size() >= 41);
        assertEquals(200, Http.get(API + "/v1/campaigns/" + id + "/units/" + czj + "/result.xlsx", "city-leader").status());

        String envelope = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "xmlns:a=\"http://supervision.cn/soap/assessment/v1\"><soapenv:Header>"
                + "<wsse:Security xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd\">"
                + "<wsse:UsernameToken><wsse:Username>assessment-system</wsse:Username><wsse:Password>assessment-system-demo"
                + "</wsse:Password></wsse:UsernameToken></wsse:Security></soapenv:Header><soapenv:Body><a:publishedResults>"
                + "<jurisdictionCode>370500</jurisdictionCode><year>2026</year></a:publishedResults></soapenv:Body></soapenv:Envelope>";
        Http.Reply soap = Http.call("POST", PlatformIT.API.replace("/api", "/soap/AssessmentService"), null, "text/xml; charset=UTF-8",
                envelope.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(soap.body(), 200, soap.status());
        assertTrue(soap.body(), soap.body().contains("<revision>2</revision>") && soap.body().contains("<total>15.56</total>"));
    }
}
