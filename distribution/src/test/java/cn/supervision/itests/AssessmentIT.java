package cn.supervision.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import cn.supervision.spreadsheet.Sheet;
import cn.supervision.spreadsheet.Xlsx;

/**
 * The comprehensive assessment (art. 18): the city publishes a routine and a special campaign, sets a mapping over
 * REST, the assessment system reads the mapped view over SOAP, a county cannot, the office confirms a proposed item,
 * the Excel export holds the unit and the export log shows the SOAP and Excel exports.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class AssessmentIT {
    static final String API = PlatformIT.API;
    static final String ASSESSMENT = API + "/v1/assessment";

    @Configuration
    public Option[] config() {
        return new PlatformIT().config();
    }

    @Before
    public void platformReady() throws Exception {
        PlatformIT.awaitReady();
    }

    private static long campaign(String kind, String title, long system) throws Exception {
        String plan = "{\"kind\":\"" + kind + "\",\"title\":\"" + title + "\",\"period\":{\"type\":\"YEAR\",\"year\":2026},"
                + "\"systems\":{\"PARTY_ORGAN\":" + system + ",\"GOVERNMENT_DEPARTMENT\":" + system + ",\"PUBLIC_INSTITUTION\":" + system + "}}";
        Http.Reply created = Http.json("POST", API + "/v1/campaigns", "city-admin", "{\"jurisdictionCode\":\"370500\",\"plan\":" + plan + "}");
        assertEquals(created.body(), 201, created.status());
        long id = Json.id(created.body());
        move(id, "COLLECTING", "开始采集");
        return id;
    }

    private static void move(long id, String to, String reason) throws Exception {
        Http.Reply r = Http.json("POST", API + "/v1/campaigns/" + id + "/transitions", "city-admin",
                "{\"to\":\"" + to + "\",\"reason\":\"" + reason + "\"}");
        assertEquals(r.body(), 200, r.status());
    }

    private static void input(long campaign, long unit, String code, int value) throws Exception {
        Http.Reply r = Http.json("POST", API + "/v1/campaigns/" + campaign + "/inputs", "city-admin",
                "{\"unitId\":" + unit + ",\"code\":\"" + code + "\",\"input\":{\"value\":" + value + "},\"source\":\"OFFICE\",\"explanation\":\"市编办核定\"}");
        assertEquals(r.body(), 201, r.status());
    }

    private static Http.Reply soap(String user, String operation) throws Exception {
        String envelope = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "xmlns:a=\"http://supervision.cn/soap/assessment/v1\"><soapenv:Header>"
                + "<wsse:Security xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd\">"
                + "<wsse:UsernameToken><wsse:Username>" + user + "</wsse:Username><wsse:Password>" + user + "-demo"
                + "</wsse:Password></wsse:UsernameToken></wsse:Security></soapenv:Header><soapenv:Body><a:" + operation + ">"
                + "<jurisdictionCode>370500</jurisdictionCode><year>2026</year></a:" + operation + "></soapenv:Body></soapenv:Envelope>";
        return Http.call("POST", API.replace("/api", "/soap/AssessmentService"), null, "text/xml; charset=UTF-8",
                envelope.getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code <unit>} element of one unit in a mapped view. */
    private static String unitOf(String body, long unitId) {
        int at = body.indexOf("<unitId>" + unitId + "</unitId>");
        assertTrue(body, at >= 0);
        return body.substring(at, body.indexOf("</unit>", at));
    }

    @Test
    public void theAssessmentSystemReadsTheMappedViewOverSoap() throws Exception {
        Http.Reply systems = Http.await(API + "/v1/indicator-systems?jurisdiction=370500&status=PUBLISHED", "city-admin",
                r -> r.status() == 200 && Json.anyText(r.body(), "东营市市直部门单位职能运行监管指标体系"), 60_000);
        long system = Json.firstId(systems.body());
        long czj = Json.firstId(Http.get(API + "/v1/jurisdictions/370500/units", "czj-user").body());

        // routine: CZJ D1.1 92 → 9 of 12, C3.1 97 → 4.25 of 15; routine categories (max 90): 13.25 × 100 / 90 = 14.72
        long routine = campaign("ROUTINE", "2026年度市直部门常规监管", system);
        input(routine, czj, "D1.1", 92);
        input(routine, czj, "C3.1", 97);
        move(routine, "SCORING", "采集截止");
        move(routine, "PUBLISHED", "市编委会审定");
        // special: CZJ alone has a figure
        long special = campaign("SPECIAL", "优化营商环境专项监管", system);
        input(special, czj, "D1.1", 100);
        move(special, "SCORING", "采集截止");
        move(special, "PUBLISHED", "市编委会审定");

        // no mapping yet: the SOAP view is a conflict, not an empty answer
        Http.Reply none = soap("assessment-system", "mappedResults");
        assertTrue(none.body(), none.body().contains("<status>409</status>"));

        // the mapping: only the city office sets it; the body is checked field by field; nothing written on refusal
        String mapping = "{\"method\":\"LINEAR\",\"scaleMax\":10,\"decimals\":2,\"rounding\":\"HALF_UP\",\"routineCampaignId\":" + routine
                + ",\"specialRules\":[{\"kind\":\"BONUS\",\"points\":1,\"totalAtLeast\":5,\"campaignId\":" + special + "}],"
                + "\"note\":\"市考核办 2026 年口径\"}";
        String url = ASSESSMENT + "/370500/2026/mapping";
        assertEquals(401, Http.json("PUT", url, null, mapping).status());
        assertEquals(403, Http.json("PUT", url, "lijin-admin", mapping).status());
        assertEquals(403, Http.json("PUT", url, "czj-user", mapping).status());
        assertEquals(403, Http.json("PUT", url, "assessment-system", mapping).status());
        assertEquals(403, Http.json("PUT", url, "city-leader", mapping).status());
        assertEquals(400, Http.json("PUT", url, "city-admin", "{\"method\":").status());
        Http.Reply badScale = Http.json("PUT", url, "city-admin", mapping.replace("\"scaleMax\":10", "\"scaleMax\":0"));
        assertEquals(badScale.body(), 400, badScale.status());
        assertTrue(badScale.body(), Json.has(badScale.body(), "field", "scaleMax"));
        Http.Reply grades = Http.json("PUT", url, "city-admin", "{\"method\":\"GRADE\",\"scaleMax\":5,\"gradePoints\":{\"优秀\":5,\"良好\":4,\"一般\":3}}");
        assertEquals(grades.body(), 400, grades.status());
        assertTrue(grades.body(), Json.has(grades.body(), "field", "gradePoints.较差"));
        assertEquals(413, Http.json("PUT", url, "city-admin", "{\"note\":\"" + "x".repeat(1_100_000) + "\"}").status());
        assertEquals(404, Http.get(url, "city-admin").status());
        Http.Reply saved = Http.json("PUT", url, "city-admin", mapping);
        assertEquals(saved.body(), 200, saved.status());
        assertTrue(saved.body(), Json.has(saved.body(), "revision", 1) && Json.has(saved.body(), "createdBy", "city-admin"));
        assertEquals(200, Http.get(url, "assessment-system").status());

        // the assessment system reads the mapped view: 14.72 × 10 / 100 = 1.472 → 1.47
        Http.Reply view = soap("assessment-system", "mappedResults");
        assertEquals(view.body(), 200, view.status());
        assertTrue(view.body(), view.body().contains("<mappingRevision>1</mappingRevision>"));
        String mine = unitOf(view.body(), czj);
        assertTrue(mine, mine.contains("<unitCode>CZJ</unitCode>") && mine.contains("<unitName>东营市财政局</unitName>")
                && mine.contains("<routineCampaignId>" + routine + "</routineCampaignId>") && mine.contains("<resultRevision>1</resultRevision>")
                && mine.contains("<total>14.72</total>") && mine.contains("<grade>较差</grade>")
                && mine.contains("<assessmentPoints>1.47</assessmentPoints>") && mine.contains("<finalPoints>1.47</finalPoints>"));
        assertTrue(mine, mine.contains("<kind>BONUS</kind>") && mine.contains("<state>PROPOSED</state>")
                && mine.contains("专项监管“优化营商环境专项监管”") && mine.contains("<campaignId>" + special + "</campaignId>"));
        // the existing operation is unchanged
        Http.Reply published = soap("assessment-system", "publishedResults");
        assertEquals(published.body(), 200, published.status());
        assertTrue(published.body(), published.body().contains("<campaignId>" + routine + "</campaignId>"));

        // a county office reaches outside its scope: a fault, and nothing recorded
        Http.Reply county = soap("lijin-admin", "mappedResults");
        assertTrue(county.body(), county.body().contains("<status>403</status>") && county.body().contains("soap:Client"));

        // the office confirms the proposed bonus: it counts from then on (1.47 + 1 = 2.47)
        Http.Reply items = Http.get(ASSESSMENT + "/370500/2026/items", "city-admin");
        assertEquals(items.body(), 200, items.status());
        long item = Json.idWhere(items.body(), "jurisdictionCode", "370500", "year", 2026, "unitId", czj);
        String confirm = ASSESSMENT + "/items/" + item + "/confirm";
        assertEquals(403, Http.json("POST", confirm, "assessment-system", "{}").status());
        assertEquals(403, Http.json("POST", confirm, "lijin-admin", "{}").status());
        assertEquals(400, Http.json("POST", ASSESSMENT + "/items/" + item + "/drop", "city-admin", "{\"note\":\"\"}").status());
        Http.Reply confirmed = Http.json("POST", confirm, "city-admin", "{\"note\":\"经市考核办审核\"}");
        assertEquals(confirmed.body(), 200, confirmed.status());
        assertTrue(confirmed.body(), Json.has(confirmed.body(), "state", "CONFIRMED") && Json.has(confirmed.body(), "decidedBy", "city-admin"));
        String after = unitOf(soap("assessment-system", "mappedResults").body(), czj);
        assertTrue(after, after.contains("<state>CONFIRMED</state>") && after.contains("<finalPoints>2.47</finalPoints>"));

        // the Excel export opens and holds the unit
        assertEquals(401, Http.get(ASSESSMENT + "/370500/2026/export.xlsx", null).status());
        assertEquals(403, Http.get(ASSESSMENT + "/370500/2026/export.xlsx", "lijin-admin").status());
        Http.Reply xlsx = Http.get(ASSESSMENT + "/370500/2026/export.xlsx", "city-leader");
        assertEquals(200, xlsx.status());
        assertTrue(xlsx.contentType(), xlsx.contentType().startsWith(PlatformIT.XLSX));
        java.util.List<Sheet> book = Xlsx.read(new ByteArrayInputStream(xlsx.bytes()));
        Sheet units = book.get(0);
        assertEquals("单位代码", units.text(0, 1));
        int row = -1;
        for (int r = 1; r < units.rows().size(); r++) {
            if ("CZJ".equals(units.text(r, 1))) {
                row = r;
            }
        }
        assertTrue("CZJ is a row of the export", row > 0);
        assertEquals("东营市财政局", units.text(row, 2));
        assertEquals("1.47", units.text(row, 7));
        assertEquals("2.47", units.text(row, 10));
        assertEquals("加减分事项", book.get(1).name());
        assertTrue(book.get(1).rows().size() >= 2);

        // the export log: the office sees who exported what, from which revisions; others do not
        assertEquals(401, Http.get(ASSESSMENT + "/exports?jurisdiction=370500", null).status());
        assertEquals(403, Http.get(ASSESSMENT + "/exports?jurisdiction=370500", "assessment-system").status());
        assertEquals(403, Http.get(ASSESSMENT + "/exports?jurisdiction=370500", "lijin-admin").status());
        Http.Reply log = Http.get(ASSESSMENT + "/exports?jurisdiction=370500&year=2026", "city-admin");
        assertEquals(log.body(), 200, log.status());
        assertEquals(log.body(), 3, Json.count(log.body(), "format"));
        assertTrue(log.body(), Json.parse(log.body()).isArray() && Json.texts(log.body(), "format").indexOf("XLSX") < Json.texts(log.body(), "format").indexOf("SOAP"));
        assertTrue(log.body(), Json.has(log.body(), "by", "city-leader") && Json.has(log.body(), "by", "assessment-system")
                && Json.has(log.body(), "mappingRevision", 1) && Json.has(log.body(), "campaignId", routine, "kind", "ROUTINE")
                && Json.has(log.body(), "revision", 1));
        assertFalse(log.body(), Json.anyText(log.body(), "lijin-admin"));
        assertEquals("3", log.header("X-Total-Count"));

        // the JSON view is an export too; a unit user and a department read no jurisdiction-wide view
        assertEquals(403, Http.get(ASSESSMENT + "/370500/2026", "czj-user").status());
        assertEquals(403, Http.get(ASSESSMENT + "/370500/2026", "city-audit").status());
        assertEquals(400, Http.get(ASSESSMENT + "/370500/twenty/mapping", "city-admin").status());
        Http.Reply json = Http.get(ASSESSMENT + "/370500/2026", "city-admin");
        assertEquals(json.body(), 200, json.status());
        JsonNode line = Json.find(Json.of(json), "unitId", czj);
        assertTrue(line.toString(), Json.is(line, "unitCode", "CZJ", "unitName", "东营市财政局", "routineCampaignId", routine,
                "resultRevision", 1, "total", Json.num("14.72"), "grade", "较差", "assessmentPoints", Json.num("1.47"),
                "finalPoints", Json.num("2.47")));
        JsonNode exportId = Json.of(json).findValue("exportId");
        assertTrue(json.body(), exportId != null && exportId.isIntegralNumber());
        JsonNode newest = Json.of(Http.get(ASSESSMENT + "/exports?jurisdiction=370500", "city-admin"));
        assertTrue(newest.toString(), Json.is(newest.get(0), "id", exportId.longValue(), "jurisdictionCode", "370500", "year", 2026,
                "format", "REST"));

        // the paths are documented
        String openApi = Http.get(API + "/openapi.json", null).body();
        assertTrue(Json.documents(openApi, "/v1/assessment/{jurisdiction}/{year}/mapping") && Json.documents(openApi, "/v1/assessment/exports")
                && Json.documents(openApi, "/v1/assessment/items/{id}/confirm"));
    }
}
