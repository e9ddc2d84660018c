package cn.supervision.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

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

import cn.supervision.api.followup.FindingService;

/**
 * The findings ledger over HTTP: a small city campaign published, its findings previewed and generated (each linked to
 * its score, never twice), withdrawn with a reason, refused to another county and to units before notification, and an
 * accountability proposal recorded and decided.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class FindingsIT {
    static final String API = PlatformIT.API;
    static final String RULE = "{\"belowShare\":0.6,\"vetoes\":true,\"gapFlags\":true}";

    @Inject
    FindingService findings;

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

    /** Publishes a routine city campaign over 东营市财政局 and one other unit with a few OFFICE figures and a veto. */
    private static long publishedCampaign(long czj, long other) throws Exception {
        Http.Reply systems = Http.await(API + "/v1/indicator-systems?jurisdiction=370500&status=PUBLISHED", "city-admin",
                r -> r.status() == 200 && Json.anyText(r.body(), "东营市市直部门单位职能运行监管指标体系"), 60_000);
        long system = Json.firstId(systems.body());
        String plan = "{\"kind\":\"ROUTINE\",\"title\":\"2026年度问题清单试点\",\"period\":{\"type\":\"YEAR\",\"year\":2026},"
                + "\"systems\":{\"PARTY_ORGAN\":" + system + ",\"GOVERNMENT_DEPARTMENT\":" + system + ",\"PUBLIC_INSTITUTION\":" + system
                + "},\"targetUnitIds\":[" + czj + "," + other + "]}";
        long id = Json.id(ok(201, Http.json("POST", API + "/v1/campaigns", "city-admin",
                "{\"jurisdictionCode\":\"370500\",\"plan\":" + plan + "}")).body());
        ok(200, Http.json("POST", API + "/v1/campaigns/" + id + "/transitions", "city-admin", "{\"to\":\"COLLECTING\",\"reason\":\"开始采集\"}"));
        for (String in : new String[] {"\"code\":\"D1.1\",\"input\":{\"value\":92}", "\"code\":\"C3.1\",\"input\":{\"value\":97}",
                "\"code\":\"V1\",\"input\":{\"triggered\":true}"}) {
            ok(201, Http.json("POST", API + "/v1/campaigns/" + id + "/inputs", "city-admin",
                    "{\"unitId\":" + czj + "," + in + ",\"source\":\"OFFICE\",\"explanation\":\"市编办核定\"}"));
        }
        ok(200, Http.json("POST", API + "/v1/campaigns/" + id + "/transitions", "city-admin", "{\"to\":\"SCORING\",\"reason\":\"采集截止\"}"));
        ok(200, Http.json("POST", API + "/v1/campaigns/" + id + "/transitions", "city-admin", "{\"to\":\"PUBLISHED\",\"reason\":\"市编委会审定\"}"));
        return id;
    }

    /** The finding of {@code unit} linked to the score of indicator {@code code}, in a list of findings. */
    private static long idOf(String findingsJson, long unit, String code) {
        Predicate<JsonNode> campaign = JsonNode::isIntegralNumber;
        return Json.id(Json.elements(Json.parse(findingsJson))
                .filter(f -> Json.is(f, "jurisdictionCode", "370500", "unitId", unit)
                        && Json.is(f.path("source"), "kind", "CAMPAIGN_RESULT", "campaignId", campaign, "indicatorCode", code))
                .findFirst().orElseThrow(() -> new AssertionError(code + " in " + findingsJson)));
    }

    @Test
    public void findingsFromAPublishedCampaignWithAuthorityAndAccountability() throws Exception {
        long czj = Json.firstId(Http.await(API + "/v1/jurisdictions/370500/units", "czj-user", r -> r.status() == 200, 60_000).body());
        String units = Http.get(API + "/v1/jurisdictions/370500/units", "city-admin").body();
        long other = Json.ids(units).stream().filter(unit -> unit != czj).findFirst().orElse(czj);
        long campaign = publishedCampaign(czj, other);
        String generation = API + "/v1/campaigns/" + campaign + "/findings";

        // preview: nothing written, refused to another county, a unit and anonymous callers; bad rules are 400
        Http.Reply preview = ok(200, Http.json("POST", generation + "/preview", "city-admin", RULE));
        int previewed = Json.count(preview.body(), "unitId");
        String czjPart = preview.body();
        // D1.1 92 → 9 of 12 (75 %) and C3.1 97 → 4.25 of 5 are above 60 %; the other leaves had no data (0); V1 triggered
        assertTrue(czjPart, Json.nodes(Json.parse(czjPart)).anyMatch(f -> Json.is(f, "unitId", czj)
                && Json.is(f.path("source"), "kind", "CAMPAIGN_RESULT", "campaignId", campaign, "indicatorCode", "D1.2", "revision", 1)));
        assertFalse("9 of 12 is above the share", Json.nodes(Json.parse(czjPart)).anyMatch(f -> Json.is(f, "unitId", czj)
                && Json.is(f.path("source"), "kind", "CAMPAIGN_RESULT", "campaignId", campaign, "indicatorCode", "D1.1")));
        assertTrue(Json.has(czjPart, "indicatorCode", "V1") && Json.has(czjPart, "category", "DISCIPLINE"));
        assertTrue(czjPart, Json.anyText(czjPart, "满分 10") && Json.anyText(czjPart, "市委市政府重点工作落实"));
        assertFalse("C1.1 is peer review, not a routine campaign's category", Json.has(czjPart, "indicatorCode", "C1.1"));
        assertEquals(0, Json.countWhere(Http.get(API + "/v1/findings?jurisdiction=370500", "city-admin").body(), "campaignId", campaign));
        ok(403, Http.json("POST", generation + "/preview", "lijin-admin", RULE));
        ok(403, Http.json("POST", generation, "czj-user", RULE));
        ok(401, Http.json("POST", generation, null, RULE));
        Http.Reply share = ok(400, Http.json("POST", generation + "/preview", "city-admin", "{\"belowShare\":1.5,\"vetoes\":true,\"gapFlags\":true}"));
        assertTrue(share.body(), Json.has(share.body(), "field", "belowShare"));
        ok(400, Http.json("POST", generation + "/preview", "city-admin", "{\"belowShare\":"));
        ok(400, Http.json("POST", generation + "/preview", "city-admin", "{\"belowShare\":0.6,\"everything\":true}"));

        // generate: exactly the preview, each finding linked to its score; a second run creates nothing
        Http.Reply generated = ok(201, Http.json("POST", generation, "city-admin", RULE));
        assertEquals(previewed, Json.count(generated.body(), "unitId"));
        assertEquals(previewed, Json.countWhere(generated.body(), "campaignId", campaign, "indicatorCode", Json.text()));
        assertEquals(previewed, Json.countWhere(generated.body(), "revision", 1));
        assertEquals("[]", ok(201, Http.json("POST", generation, "city-admin", RULE)).body());
        assertEquals("[]", ok(200, Http.json("POST", generation + "/preview", "city-admin", RULE)).body());
        long d12 = idOf(generated.body(), czj, "D1.2");
        long v1 = idOf(generated.body(), czj, "V1");

        Http.Reply listed = ok(200, Http.get(API + "/v1/findings?jurisdiction=370500&unit=" + czj + "&state=OPEN&limit=2", "city-leader"));
        assertEquals(2, Json.countWhere(listed.body(), "unitId", czj));
        assertTrue(Integer.parseInt(listed.header("X-Total-Count")) >= 2);
        Http.Reply one = ok(200, Http.get(API + "/v1/findings/" + d12, "city-admin"));
        assertTrue(one.body(), Json.has(one.body(), "state", "OPEN") && Json.has(one.body(), "unitName", "东营市财政局"));

        // not notified yet: another county, the unit itself and anonymous callers read nothing
        ok(403, Http.get(API + "/v1/findings/" + d12, "lijin-admin"));
        ok(403, Http.get(API + "/v1/findings/" + d12, "czj-user"));
        ok(403, Http.get(API + "/v1/findings/" + d12 + "/history", "czj-user"));
        ok(401, Http.get(API + "/v1/findings/" + d12, null));
        // (other tests sharing the platform may have notified CZJ of their own findings: only this one must stay hidden)
        assertEquals(0, Json.countWhere(ok(200, Http.get(API + "/v1/findings", "czj-user")).body(), "id", d12));
        assertEquals(0, Json.countWhere(ok(200, Http.get(API + "/v1/findings", "lijin-admin")).body(), "jurisdictionCode", "370500"));
        ok(403, Http.get(API + "/v1/findings?jurisdiction=370500", "lijin-admin"));
        ok(404, Http.get(API + "/v1/findings/99999999", "city-admin"));

        // by hand: every field named, foreign units and jurisdictions refused, the same score twice 409
        Http.Reply invalid = ok(400, Http.json("POST", API + "/v1/findings", "city-admin", "{\"jurisdictionCode\":\"370500\"}"));
        for (String field : new String[] {"unitId", "source", "category", "severity", "description"}) {
            assertTrue(invalid.body(), Json.has(invalid.body(), "field", field));
        }
        String manual = "\"source\":{\"kind\":\"MANUAL\",\"reference\":\"日常检查\"},\"category\":\"STAFFING\",\"severity\":\"GENERAL\","
                + "\"description\":\"超编进人\"";
        ok(403, Http.json("POST", API + "/v1/findings", "lijin-admin", "{\"jurisdictionCode\":\"370500\",\"unitId\":" + czj + "," + manual + "}"));
        ok(403, Http.json("POST", API + "/v1/findings", "czj-user", "{\"jurisdictionCode\":\"370500\",\"unitId\":" + czj + "," + manual + "}"));
        assertTrue(Json.has(ok(400, Http.json("POST", API + "/v1/findings", "city-admin", "{\"jurisdictionCode\":\"370500\",\"unitId\":999999,"
                + manual + "}")).body(), "field", "unitId"));
        ok(400, Http.json("POST", API + "/v1/findings", "city-admin", "{\"jurisdictionCode\":\"370500\",\"unitId\":\"x\"}"));
        ok(409, Http.json("POST", API + "/v1/findings", "city-admin", "{\"jurisdictionCode\":\"370500\",\"unitId\":" + czj
                + ",\"source\":{\"kind\":\"CAMPAIGN_RESULT\",\"campaignId\":" + campaign + ",\"indicatorCode\":\"D1.2\",\"revision\":1},"
                + "\"category\":\"OTHER\",\"severity\":\"GENERAL\",\"description\":\"再次登记\"}"));
        byte[] huge = ("{\"jurisdictionCode\":\"370500\",\"description\":\"" + "长".repeat(400_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        ok(413, Http.call("POST", API + "/v1/findings", "city-admin", "application/json", huge));
        Http.Reply created = ok(201, Http.json("POST", API + "/v1/findings", "city-admin", "{\"jurisdictionCode\":\"370500\",\"unitId\":"
                + czj + "," + manual + "}"));
        assertTrue(created.location(), created.location().endsWith("/v1/findings/" + Json.id(created.body())));

        // withdraw with a reason, kept in the history; out of order 409 naming the state
        long manualId = Json.id(created.body());
        ok(400, Http.json("POST", API + "/v1/findings/" + manualId + "/withdraw", "city-admin", "{}"));
        ok(403, Http.json("POST", API + "/v1/findings/" + manualId + "/withdraw", "lijin-admin", "{\"reason\":\"x\"}"));
        assertTrue(Json.has(ok(200, Http.json("POST", API + "/v1/findings/" + manualId + "/withdraw", "city-admin", "{\"reason\":\"与第 "
                + d12 + " 号重复\"}")).body(), "state", "WITHDRAWN"));
        assertTrue(Json.anyText(ok(409, Http.json("POST", API + "/v1/findings/" + manualId + "/withdraw", "city-admin", "{\"reason\":\"再撤\"}"))
                .body(), "WITHDRAWN"));
        Http.Reply history = ok(200, Http.get(API + "/v1/findings/" + manualId + "/history", "city-leader"));
        assertTrue(history.body(), Json.has(history.body(), "to", "OPEN") && Json.has(history.body(), "to", "WITHDRAWN")
                && Json.anyText(history.body(), "与第 " + d12 + " 号重复") && Json.has(history.body(), "by", "city-admin"));

        // accountability: the city office proposes to the party committee, decides, closes; others are refused
        String proposal = "{\"kind\":\"PROPOSAL_TO_PARTY_COMMITTEE\",\"measure\":\"建议市委对单位主要负责同志进行约谈\",\"subject\":\"主要负责同志\"}";
        ok(403, Http.json("POST", API + "/v1/findings/" + v1 + "/accountability", "lijin-admin", proposal));
        ok(403, Http.json("POST", API + "/v1/findings/" + v1 + "/accountability", "czj-user", proposal));
        ok(400, Http.json("POST", API + "/v1/findings/" + v1 + "/accountability", "city-admin", "{\"kind\":\"OFFICE_MEASURE\"}"));
        ok(409, Http.json("POST", API + "/v1/findings/" + manualId + "/accountability", "city-admin", proposal));
        Http.Reply record = ok(201, Http.json("POST", API + "/v1/findings/" + v1 + "/accountability", "city-admin", proposal));
        assertTrue(record.body(), Json.has(record.body(), "status", "PROPOSED") && Json.has(record.body(), "findingId", v1));
        long recordId = Json.id(record.body());
        assertTrue(Json.anyText(ok(409, Http.json("POST", API + "/v1/accountability/" + recordId + "/status", "city-admin",
                "{\"to\":\"CLOSED\",\"note\":\"办结\"}")).body(), "PROPOSED"));
        ok(403, Http.json("POST", API + "/v1/accountability/" + recordId + "/status", "lijin-admin", "{\"to\":\"DECIDED\",\"note\":\"x\"}"));
        Http.Reply decided = ok(200, Http.json("POST", API + "/v1/accountability/" + recordId + "/status", "city-admin",
                "{\"to\":\"DECIDED\",\"note\":\"市委同意约谈\"}"));
        assertTrue(decided.body(), Json.has(decided.body(), "outcome", "市委同意约谈") && Json.has(decided.body(), "status", "DECIDED"));
        Http.Reply records = ok(200, Http.get(API + "/v1/findings/" + v1 + "/accountability", "city-leader"));
        assertEquals(1, Json.countWhere(records.body(), "findingId", v1));
        ok(403, Http.get(API + "/v1/accountability/" + recordId, "czj-user"));
        assertEquals(200, Http.get(API + "/v1/accountability/" + recordId, "city-admin").status());

        Http.Reply openApi = Http.get(API + "/openapi.json", null);
        assertTrue(Json.documents(openApi.body(), "/v1/findings/{id}/history") && Json.documents(openApi.body(), "/v1/campaigns/{id}/findings/preview")
                && Json.documents(openApi.body(), "/v1/accountability/{id}/status"));
    }
}
