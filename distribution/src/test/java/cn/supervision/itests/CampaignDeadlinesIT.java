package cn.supervision.itests;

import static cn.supervision.itests.PlatformIT.API;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;

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

import cn.supervision.api.schedule.Scheduler;
import cn.supervision.api.security.Caller;

/**
 * Campaign collection deadlines over HTTP: a campaign whose deadline (Beijing time) was yesterday refuses or marks a
 * unit's self-report as its plan says, the unit was told when collection started, the office sees who is late and is
 * told by the daily campaign-deadlines pass.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class CampaignDeadlinesIT {

    @Inject
    Scheduler scheduler;

    @Configuration
    public Option[] config() {
        return new PlatformIT().config();
    }

    @Before
    public void platformReady() throws Exception {
        PlatformIT.awaitReady();
    }

    private static long czjId() throws Exception {
        // the first test of the suite may run while the REST resources are still registering
        return Json.firstId(Http.await(API + "/v1/jurisdictions/370500/units", "czj-user",
                r -> r.status() == 200 && Json.has(r.body(), "code", "CZJ"), 60_000).body());
    }

    /** A city campaign on CZJ alone, its collection deadline yesterday in Beijing, collecting. */
    private static long collecting(String title, String latePolicy, long czj) throws Exception {
        Http.Reply systems = Http.await(API + "/v1/indicator-systems?jurisdiction=370500&status=PUBLISHED", "city-admin",
                r -> r.status() == 200 && Json.anyText(r.body(), "东营市市直部门单位职能运行监管指标体系"), 60_000);
        long system = Json.firstId(systems.body());
        LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
        String plan = "{\"kind\":\"SPECIAL\",\"title\":\"" + title + "\",\"period\":{\"type\":\"YEAR\",\"year\":2026},"
                + "\"systems\":{\"PARTY_ORGAN\":" + system + ",\"GOVERNMENT_DEPARTMENT\":" + system + ",\"PUBLIC_INSTITUTION\":" + system + "},"
                + "\"collectionDeadline\":\"" + yesterday + "\",\"targetUnitIds\":[" + czj + "]"
                + (latePolicy == null ? "" : ",\"latePolicy\":\"" + latePolicy + "\"") + "}";
        Http.Reply created = Http.json("POST", API + "/v1/campaigns", "city-admin", "{\"jurisdictionCode\":\"370500\",\"plan\":" + plan + "}");
        assertEquals(created.body(), 201, created.status());
        assertTrue(created.body(), Json.has(created.body(), "latePolicy", (latePolicy == null ? "MARK_LATE" : latePolicy)));
        long id = Json.id(created.body());
        Http.Reply start = Http.json("POST", API + "/v1/campaigns/" + id + "/transitions", "city-admin", "{\"to\":\"COLLECTING\",\"reason\":\"开始采集\"}");
        assertEquals(start.body(), 200, start.status());
        return id;
    }

    @Test
    public void aLateSelfReportIsMarkedAndTheOfficeSeesWhoIsLate() throws Exception {
        long czj = czjId();
        String title = "逾期标记专项监管 " + System.nanoTime();
        long id = collecting(title, null, czj);

        // the unit was told what to report and by when
        Http.Reply inbox = Http.await(API + "/v1/inbox", "czj-user", r -> r.status() == 200 && Json.anyText(r.body(), "请填报自评：" + title), 30_000);
        assertTrue(inbox.body(), Json.has(inbox.body(), "category", "CAMPAIGN_COLLECTING") && Json.anyText(inbox.body(), "D1.1"));
        assertFalse("not another unit's", Json.anyText(Http.get(API + "/v1/inbox", "lijin-admin").body(), title));

        Http.Reply before = Http.get(API + "/v1/campaigns/" + id + "/lateness", "city-admin");
        assertEquals(before.body(), 200, before.status());
        assertTrue(before.body(), Json.has(before.body(), "deadlinePassed", true) && Json.has(before.body(), "reported", false)
                && Json.has(before.body(), "late", true));

        Http.Reply late = Http.json("POST", API + "/v1/campaigns/" + id + "/inputs", "czj-user",
                "{\"unitId\":" + czj + ",\"code\":\"D1.1\",\"input\":{\"value\":92},\"source\":\"SELF_REPORT\",\"explanation\":\"见任务台账\"}");
        assertEquals(late.body(), 201, late.status());
        assertTrue(late.body(), Json.has(late.body(), "late", true));
        Http.Reply office = Http.json("POST", API + "/v1/campaigns/" + id + "/inputs", "city-admin",
                "{\"unitId\":" + czj + ",\"code\":\"C3.1\",\"input\":{\"value\":97},\"source\":\"OFFICE\",\"explanation\":\"12345 平台导出\"}");
        assertEquals(office.body(), 201, office.status());
        assertTrue("the office's figures are never late", Json.has(office.body(), "late", false));

        Http.Reply lateness = Http.get(API + "/v1/campaigns/" + id + "/lateness", "city-leader");
        assertEquals(lateness.body(), 200, lateness.status());
        JsonNode row = Json.find(Json.of(lateness), "unitId", czj);
        assertTrue(row.toString(), Json.is(row, "unitCode", "CZJ", "reported", true, "lateReports", 1)
                && Json.has(row, "late", true) && !Json.mentions(row, "D1.1"));

        // authority: anonymous, the unit itself, another county's office
        assertEquals(401, Http.get(API + "/v1/campaigns/" + id + "/lateness", null).status());
        Http.Reply unit = Http.get(API + "/v1/campaigns/" + id + "/lateness", "czj-user");
        assertEquals(unit.body(), 403, unit.status());
        assertTrue(unit.contentType(), unit.contentType().startsWith("application/problem+json"));
        assertEquals(403, Http.get(API + "/v1/campaigns/" + id + "/lateness", "lijin-admin").status());

        // the daily pass tells the office who is late, once
        scheduler.runNow(Caller.system("it"), "campaign-deadlines");
        scheduler.runNow(Caller.system("it"), "campaign-deadlines");
        Http.Reply officeInbox = Http.await(API + "/v1/inbox", "city-admin",
                r -> r.status() == 200 && Json.anyText(r.body(), "自评逾期单位：" + title), 30_000);
        assertEquals(officeInbox.body(), 1, Json.countText(officeInbox.body(), "自评逾期单位：" + title));
        assertTrue(officeInbox.body(), Json.anyText(officeInbox.body(), "东营市财政局"));
    }

    @Test
    public void aRefusingPlanRefusesALateSelfReportAndWritesNothing() throws Exception {
        long czj = czjId();
        long id = collecting("逾期拒收专项监管 " + System.nanoTime(), "REFUSE", czj);
        Http.Reply refused = Http.json("POST", API + "/v1/campaigns/" + id + "/inputs", "czj-user",
                "{\"unitId\":" + czj + ",\"code\":\"D1.1\",\"input\":{\"value\":92},\"source\":\"SELF_REPORT\",\"explanation\":\"见任务台账\"}");
        assertEquals(refused.body(), 409, refused.status());
        assertTrue(refused.contentType(), refused.contentType().startsWith("application/problem+json"));
        assertTrue(refused.body(), Json.anyText(refused.body(), "截止"));
        Http.Reply inputs = Http.get(API + "/v1/campaigns/" + id + "/units/" + czj + "/inputs", "czj-user");
        assertEquals(inputs.body(), 200, inputs.status());
        assertEquals("nothing written", "[]", inputs.body().trim());

        // a policy the plan cannot have is a 400 with nothing created
        Http.Reply bad = Http.json("POST", API + "/v1/campaigns", "city-admin", "{\"jurisdictionCode\":\"370500\",\"plan\":{\"kind\":\"SPECIAL\","
                + "\"title\":\"坏计划\",\"latePolicy\":\"SOMETIMES\"}}");
        assertEquals(bad.body(), 400, bad.status());
        assertFalse(Json.anyText(Http.get(API + "/v1/campaigns", "city-admin").body(), "坏计划"));
    }
}
