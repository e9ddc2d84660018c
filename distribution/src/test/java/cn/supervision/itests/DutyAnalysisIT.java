package cn.supervision.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.List;

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
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import cn.supervision.api.duty.DutyAnalysisService;

/**
 * The duty analysis inside Karaf: the bundle with Lucene's smartcn analyser embedded is ACTIVE and segments the demo
 * mandates (its dictionaries load from inside the bundle), the city office runs it over HTTP and finds the planted
 * 户外广告 overlap between 住建 and 城管, dismisses one proposal (final: a second decision is 409, and the pair is not
 * proposed again), confirms another into findings; another county's office and a unit user are refused throughout.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class DutyAnalysisIT {
    static final String API = PlatformIT.API;
    static final String BASE = API + "/v1/duty-analysis";

    @Inject
    DutyAnalysisService analysis;
    @Inject
    BundleContext context;

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

    /** A count of an analysis run (duties, items, newOverlaps, newGaps, known). */
    private static long count(String run, String name) {
        return Json.wholeNumber(Json.parse(run), name);
    }

    @Test
    public void theCityAnalysesItsMandatesAndDecidesOnTheProposals() throws Exception {
        Bundle bundle = Arrays.stream(context.getBundles()).filter(b -> "cn.supervision.duty.analysis".equals(b.getSymbolicName()))
                .findFirst().orElse(null);
        assertNotNull("the duty analysis bundle is installed", bundle);
        assertEquals(Bundle.ACTIVE, bundle.getState());
        Http.await(BASE + "/proposals?jurisdiction=370500", "city-admin", r -> r.status() == 200, 60_000);
        // the city's demo bundle seeds units and power lists in the background: analyse what it brings, not half of it
        Http.await(API + "/v1/contributions", "city-admin",
                r -> Json.has(r.body(), "symbolicName", "cn.supervision.city.dongying", "state", "ACTIVE"), 120_000);
        Http.await(API + "/v1/power-lists?jurisdiction=370500&limit=1", "city-admin",
                r -> r.status() == 200 && r.header("X-Total-Count") != null && Integer.parseInt(r.header("X-Total-Count")) > 0, 60_000);

        // refused before anything is read or written
        String run = BASE + "/runs?jurisdiction=370500";
        ok(403, Http.call("POST", run, "lijin-admin", null, null));
        ok(403, Http.call("POST", run, "czj-user", null, null));
        ok(401, Http.call("POST", run, null, null, null));
        ok(403, Http.get(BASE + "/proposals?jurisdiction=370500", "lijin-admin"));
        ok(403, Http.get(BASE + "/proposals?jurisdiction=370500", "czj-user"));
        ok(400, Http.get(BASE + "/proposals?jurisdiction=370500&kind=SIMILAR", "city-admin"));
        // other test classes of the suite may have analysed the city already: nothing here assumes a first run
        String first = ok(200, Http.call("POST", run, "city-admin", null, null)).body();
        assertTrue(first, count(first, "duties") >= 100 && count(first, "items") >= 500);

        Http.Reply overlaps = ok(200, Http.get(BASE + "/proposals?jurisdiction=370500&kind=OVERLAP&limit=1000", "city-leader"));
        assertTrue(overlaps.header("X-Total-Count"), Integer.parseInt(overlaps.header("X-Total-Count")) >= 10);
        assertTrue("the planted 户外广告 overlap (smartcn segmented the mandates inside Karaf): " + overlaps.body(),
                overlaps.body().split("户外广告设施", -1).length > 2);
        assertTrue(overlaps.body(), Json.mentions(overlaps.body(), "户外") && Json.mentions(overlaps.body(), "广告"));

        Http.Reply listing = ok(200, Http.get(BASE + "/proposals?jurisdiction=370500&kind=OVERLAP&state=PROPOSED&limit=1000", "city-leader"));
        String body = listing.body();
        long adId = -1;
        List<JsonNode> proposals = Json.elements(Json.parse(body)).toList();
        for (JsonNode proposal : proposals) {
            if (Json.mentions(proposal, "OVERLAP") && (adId < 0 || proposal.toString().split("户外广告设施", -1).length > 2)) {
                adId = proposal.path("id").longValue();
            }
        }
        assertTrue("a proposed overlap to decide on: " + body, adId > 0);

        // dismiss: a reason is needed, the decision is final, other offices and units are refused
        String dismiss = BASE + "/proposals/" + adId + "/dismiss";
        ok(403, Http.json("POST", dismiss, "lijin-admin", "{\"reason\":\"不成立\"}"));
        ok(403, Http.json("POST", dismiss, "czj-user", "{\"reason\":\"不成立\"}"));
        ok(403, Http.get(BASE + "/proposals/" + adId, "lijin-admin"));
        ok(400, Http.json("POST", dismiss, "city-admin", "{\"reason\":\" \"}"));
        ok(400, Http.json("POST", dismiss, "city-admin", "{\"reason\":"));
        String dismissed = ok(200, Http.json("POST", dismiss, "city-admin", "{\"reason\":\"规划设置与执法查处分工明确\"}")).body();
        assertTrue(dismissed, Json.has(dismissed, "state", "DISMISSED") && Json.has(dismissed, "decidedBy", "city-admin"));
        ok(409, Http.json("POST", dismiss, "city-admin", "{\"reason\":\"再次排除\"}"));
        ok(409, Http.json("POST", BASE + "/proposals/" + adId + "/confirm", "city-admin", "{\"reason\":\"改为确认\"}"));

        // confirm another: it becomes findings of the duty analysis
        long otherId = -1;
        for (JsonNode proposal : proposals) {
            if (otherId < 0 && Json.mentions(proposal, "OVERLAP") && proposal.path("id").longValue() != adId) {
                otherId = proposal.path("id").longValue();
            }
        }
        String confirmed = ok(200, Http.json("POST", BASE + "/proposals/" + otherId + "/confirm", "city-admin",
                "{\"reason\":\"两部门三定均写此项职责，需厘清\"}")).body();
        JsonNode findingId = Json.parse(confirmed).path("findingIds").path(0);
        assertTrue(confirmed, Json.has(confirmed, "state", "CONFIRMED") && findingId.isIntegralNumber());
        String finding = ok(200, Http.get(API + "/v1/findings/" + findingId.longValue(), "city-admin")).body();
        assertTrue(finding, Json.has(finding, "kind", "DUTY_ANALYSIS") && Json.has(finding, "reference", String.valueOf(otherId))
                && Json.anyText(finding, "DUTY_OVERLAP_GAP"));

        // a second run proposes nothing again, whatever was decided
        String second = ok(200, Http.call("POST", run, "city-admin", null, null)).body();
        assertEquals(second, 0, count(second, "newOverlaps") + count(second, "newGaps"));
        assertEquals(second, count(first, "newOverlaps") + count(first, "newGaps") + count(first, "known"), count(second, "known"));
        assertTrue(Json.has(ok(200, Http.get(BASE + "/proposals/" + adId, "city-leader")).body(), "state", "DISMISSED"));
    }
}
