package cn.supervision.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
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

import cn.supervision.api.warning.WarningService;

/**
 * The warning ledger over HTTP: a campaign published with a low duty view raises a yellow warning by itself (the
 * publication event), which the city office dispatches and turns into a finding; another county and the unit before
 * dispatch see nothing of it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class WarningsIT {
    static final String API = PlatformIT.API;

    @Inject
    WarningService warnings;

    @Configuration
    public Option[] config() {
        return new PlatformIT().config();
    }

    @Before
    public void platformReady() throws Exception {
        PlatformIT.awaitReady();
    }

    /** The ledger entry of this campaign and unit, from a listing (the object holding both). */
    private static JsonNode entry(String listing, long campaign, long unit) {
        return Json.nodes(Json.parse(listing))
                .filter(w -> Json.is(w, "jurisdictionCode", "370500", "unitId", unit, "rule", "LOW_VIEW", "subject", "campaign:" + campaign)
                        && w.path("id").isIntegralNumber() && w.path("number").isTextual())
                .findFirst().orElse(null);
    }

    @Test
    public void aLowViewOnPublicationIsRaisedDispatchedAndConverted() throws Exception {
        Http.Reply systems = Http.await(API + "/v1/indicator-systems?jurisdiction=370500&status=PUBLISHED", "city-admin",
                r -> r.status() == 200 && Json.anyText(r.body(), "东营市市直部门单位职能运行监管指标体系"), 60_000);
        long system = Json.firstId(systems.body());
        long czj = Json.firstId(Http.get(API + "/v1/jurisdictions/370500/units", "czj-user").body());
        String plan = "{\"kind\":\"SPECIAL\",\"title\":\"预警测试专项监管\",\"period\":{\"type\":\"MONTH\",\"year\":2026,\"number\":10},"
                + "\"systems\":{\"PARTY_ORGAN\":" + system + ",\"GOVERNMENT_DEPARTMENT\":" + system + ",\"PUBLIC_INSTITUTION\":" + system + "},"
                + "\"targetUnitIds\":[" + czj + "]}";
        Http.Reply created = Http.json("POST", API + "/v1/campaigns", "city-admin", "{\"jurisdictionCode\":\"370500\",\"plan\":" + plan + "}");
        assertEquals(created.body(), 201, created.status());
        long campaign = Json.id(created.body());
        assertEquals(200, Http.json("POST", API + "/v1/campaigns/" + campaign + "/transitions", "city-admin",
                "{\"to\":\"COLLECTING\",\"reason\":\"开始采集\"}").status());
        Http.Reply input = Http.json("POST", API + "/v1/campaigns/" + campaign + "/inputs", "city-admin",
                "{\"unitId\":" + czj + ",\"code\":\"D1.1\",\"input\":{\"value\":40},\"source\":\"OFFICE\",\"explanation\":\"市编办核定\"}");
        assertEquals(input.body(), 201, input.status());
        assertEquals(200, Http.json("POST", API + "/v1/campaigns/" + campaign + "/transitions", "city-admin",
                "{\"to\":\"SCORING\",\"reason\":\"采集截止\"}").status());
        Http.Reply published = Http.json("POST", API + "/v1/campaigns/" + campaign + "/transitions", "city-admin",
                "{\"to\":\"PUBLISHED\",\"reason\":\"市编委会审定\"}");
        assertEquals(published.body(), 200, published.status());

        // the publication event runs the rules: the warning appears without anyone asking
        Http.Reply listed = Http.await(API + "/v1/warnings?jurisdiction=370500&level=YELLOW&limit=1000", "city-admin",
                r -> r.status() == 200 && entry(r.body(), campaign, czj) != null, 60_000);
        JsonNode warning = entry(listed.body(), campaign, czj);
        long id = warning.path("id").longValue();
        assertTrue(warning.toString(), Json.is(warning, "level", "YELLOW", "state", "TO_DISPATCH")
                && Json.has(warning.path("values"), "threshold", "60")
                && warning.path("number").textValue().startsWith("YJ370500-"));

        // nobody else sees it before dispatch; nobody else manages it
        assertEquals(401, Http.get(API + "/v1/warnings?jurisdiction=370500", null).status());
        Http.Reply otherCounty = Http.get(API + "/v1/warnings?jurisdiction=370500", "lijin-admin");
        assertEquals(otherCounty.body(), 403, otherCounty.status());
        assertTrue(otherCounty.body(), Json.anyText(otherCounty.body(), "无权查看预警"));
        assertEquals(403, Http.get(API + "/v1/warnings/" + id, "lijin-admin").status());
        assertEquals(403, Http.get(API + "/v1/warnings/" + id, "czj-user").status());
        assertFalse(Json.has(Http.get(API + "/v1/warnings?jurisdiction=370500", "czj-user").body(), "id", id));
        assertEquals(403, Http.json("POST", API + "/v1/warnings/" + id + "/dispatch", "czj-user", "{}").status());
        assertEquals(403, Http.json("POST", API + "/v1/warnings/" + id + "/dispatch", "lijin-admin", "{}").status());
        assertEquals(403, Http.json("POST", API + "/v1/warnings/" + id + "/dispatch", "city-leader", "{}").status());
        assertEquals(403, Http.json("POST", API + "/v1/warnings/evaluate?jurisdiction=370500", "czj-user", "{}").status());
        assertEquals(400, Http.json("POST", API + "/v1/warnings/" + id + "/dispatch", "city-admin", "{\"reason\":").status());
        Http.Reply early = Http.json("POST", API + "/v1/warnings/" + id + "/verify", "city-admin", "{\"reason\":\"核查\"}");
        assertEquals(early.body(), 409, early.status());
        assertTrue(early.body(), Json.anyText(early.body(), "待下发"));

        // dispatched: the unit reads it (and gets a message); a second dispatch is out of order
        Http.Reply dispatched = Http.json("POST", API + "/v1/warnings/" + id + "/dispatch", "city-admin", "{\"reason\":\"请核查履职情况\"}");
        assertEquals(dispatched.body(), 200, dispatched.status());
        assertTrue(dispatched.body(), Json.has(dispatched.body(), "state", "DISPATCHED"));
        Http.Reply again = Http.json("POST", API + "/v1/warnings/" + id + "/dispatch", "city-admin", "{}");
        assertEquals(again.body(), 409, again.status());
        assertTrue(again.body(), Json.anyText(again.body(), "已下发"));
        Http.Reply seen = Http.get(API + "/v1/warnings/" + id, "czj-user");
        assertEquals(seen.body(), 200, seen.status());
        assertTrue(seen.body(), Json.of(seen).path("history").isArray() && Json.anyText(Json.of(seen).path("history"), "请核查履职情况"));
        assertEquals(403, Http.get(API + "/v1/warnings/" + id, "lijin-admin").status());

        // converted into a finding that names the warning
        Http.Reply noReason = Http.json("POST", API + "/v1/warnings/" + id + "/convert", "city-admin", "{}");
        assertEquals(noReason.body(), 400, noReason.status());
        Http.Reply converted = Http.json("POST", API + "/v1/warnings/" + id + "/convert", "city-admin", "{\"reason\":\"列入问题清单整改\"}");
        assertEquals(converted.body(), 200, converted.status());
        assertTrue(converted.body(), Json.has(converted.body(), "state", "CONVERTED"));
        JsonNode finding = Json.of(converted).findValue("findingId");
        assertTrue(converted.body(), finding != null && finding.isIntegralNumber());
        Http.Reply f = Http.get(API + "/v1/findings/" + finding.longValue(), "city-admin");
        assertEquals(f.body(), 200, f.status());
        assertTrue(f.body(), Json.has(f.body(), "warningId", id) && Json.has(f.body(), "kind", "WARNING"));
        Http.Reply detail = Http.get(API + "/v1/warnings/" + id, "city-admin");
        assertEquals(3, Json.count(detail.body(), "to"));

        // evaluating again raises nothing new for the same facts; the summary counts what the caller sees
        Http.Reply evaluated = Http.json("POST", API + "/v1/warnings/evaluate?jurisdiction=370500", "city-admin", "{}");
        assertEquals(evaluated.body(), 200, evaluated.status());
        assertTrue(evaluated.body(), entry(evaluated.body(), campaign, czj) == null);
        Http.Reply summary = Http.get(API + "/v1/warnings/summary?jurisdiction=370500", "city-admin");
        assertEquals(summary.body(), 200, summary.status());
        assertTrue(summary.body(), Json.hasField(summary.body(), "CONVERTED") && Json.hasField(summary.body(), "YELLOW"));
        assertEquals(403, Http.get(API + "/v1/warnings/summary?jurisdiction=370500", "lijin-admin").status());
    }
}
