package cn.supervision.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import javax.inject.Inject;

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

    /** A UNIT_USER lists only its own unit. */
    private static long czjId() throws Exception {
        String units = Http.get(API + "/v1/jurisdictions/370500/units", "czj-user").body();
        return PlatformIT.firstId(units);
    }

    @Test
    public void aRoutineCampaignOverHttp() throws Exception {
        Http.Reply systems = Http.await(API + "/v1/indicator-systems?jurisdiction=370500&status=PUBLISHED", "city-admin",
                r -> r.status() == 200 && r.body().contains("东营市市直部门单位职能运行监管指标体系"), 60_000);
        long system = PlatformIT.firstId(systems.body());
        String plan = "{\"kind\":\"ROUTINE\",\"title\":\"2026年第4季度常规监管\",\"period\":{\"type\":\"QUARTER\",\"year\":2026,\"number\":4},"
                + "\"systems\":{\"PARTY_ORGAN\":" + system + ",\"GOVERNMENT_DEPARTMENT\":" + system + ",\"PUBLIC_INSTITUTION\":" + system + "}}";
        Http.Reply created = Http.json("POST", API + "/v1/campaigns", "city-admin", "{\"jurisdictionCode\":\"370500\",\"plan\":" + plan + "}");
        assertEquals(created.body(), 201, created.status());
        long id = PlatformIT.firstId(created.body());
        assertTrue(created.body(), created.body().contains("\"categories\":[\"CORE\",\"AUXILIARY\",\"PUBLIC_EVALUATION\",\"PLATFORM_DATA\"]"));

        assertEquals(403, Http.get(API + "/v1/campaigns/" + id, "lijin-admin").status());
        Http.Reply skip = Http.json("POST", API + "/v1/campaigns/" + id + "/transitions", "city-admin",
                "{\"to\":\"PUBLISHED\",\"reason\":\"跳过\"}");
        assertEquals(skip.body(), 409, skip.status());
        Http.Reply start = Http.json("POST", API + "/v1/campaigns/" + id + "/transitions", "city-admin",
                "{\"to\":\"COLLECTING\",\"reason\":\"开始采集\"}");
        assertEquals(start.body(), 200, start.status());
        assertTrue("every ACTIVE city unit is a target", PlatformIT.count(start.body().substring(start.body().indexOf("targetUnitIds")), ",") >= 40);
        assertEquals(409, Http.json("PUT", API + "/v1/campaigns/" + id, "city-admin", plan).status());
        Http.Reply history = Http.get(API + "/v1/campaigns/" + id + "/history", "city-leader");
        assertTrue(history.body(), history.body().contains("开始采集") && history.body().contains("\"by\":\"city-admin\""));

        // 东营市财政局 (CZJ) reports for itself; the office enters a platform figure; the results explain themselves
        long czj = czjId();
        Http.Reply own = Http.json("POST", API + "/v1/campaigns/" + id + "/inputs", "czj-user",
                "{\"unitId\":" + czj + ",\"code\":\"D1.1\",\"input\":{\"value\":92},\"source\":\"SELF_REPORT\",\"explanation\":\"见任务台账\"}");
        assertEquals(own.body(), 201, own.status());
        Http.Reply office = Http.json("POST", API + "/v1/campaigns/" + id + "/inputs", "city-admin",
                "{\"unitId\":" + czj + ",\"code\":\"C3.1\",\"input\":{\"value\":97},\"source\":\"OFFICE\"}");
        assertEquals(office.body(), 201, office.status());
        long other = PlatformIT.firstId(Http.get(API + "/v1/jurisdictions/370500/units", "city-admin").body());
        assertEquals(403, Http.json("POST", API + "/v1/campaigns/" + id + "/inputs", "czj-user",
                "{\"unitId\":" + other + ",\"code\":\"D1.1\",\"input\":{\"value\":100},\"source\":\"SELF_REPORT\"}").status());

        Http.Reply results = Http.get(API + "/v1/campaigns/" + id + "/results", "city-leader");
        assertEquals(results.body(), 200, results.status());
        // CZJ: D1.1 9 of 12 (CORE) + C3.1 4.25 of 15 (PLATFORM_DATA) → routine categories (max 90): 13.25 × 100 / 90 = 14.72
        String czjResult = results.body().substring(results.body().indexOf("\"unitId\":" + czj + ","));
        assertTrue(czjResult.substring(0, 200), czjResult.startsWith("\"unitId\":" + czj + ",\"unitName\":\"东营市财政局\"")
                && czjResult.contains("\"total\":14.72") && czjResult.contains("\"grade\":\"较差\""));
    }
}
