package cn.supervision.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static cn.supervision.itests.ConsoleBrowser.figure;
import static cn.supervision.itests.ConsoleBrowser.loginAs;
import static cn.supervision.itests.ConsoleBrowser.menus;
import static cn.supervision.itests.ConsoleBrowser.noConsoleErrors;
import static cn.supervision.itests.ConsoleBrowser.screenshot;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Predicate;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.AfterClass;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import cn.supervision.api.registry.RegistryService;
import cn.supervision.itests.ConsoleBrowser.Driver;

/**
 * The use of results in the browser: a finding of 东营市财政局 (seeded over the API) gets a rectification notice from the city
 * office (a past deadline is refused next to its field), the unit — at a phone's width — finds it in its inbox, files a plan,
 * uploads evidence and claims (销号申请), the office accepts and exports the ledger; a warning (raised by a published campaign)
 * is dispatched, verified and closed in the browser. Each step is checked over the API. The county office does not see the
 * city's notice; the city leader reads it without a single action button.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ConsoleLedgersIT {
    static final String BASE = ConsoleBrowser.BASE;
    static final String API = PlatformIT.API;
    static final String ENTER = "\uE007";
    /** Ctrl+A then release: what is typed next replaces a field's text (a date picker's, say). */
    static final String SELECT_ALL = "\uE009a\uE000";
    static final String DESCRIPTION = "控制台整改测试：政府采购内控制度未按期修订";
    static final String MEASURES = "修订政府采购内部控制制度并经党组会审议印发";

    @Inject
    RegistryService registry;

    @Configuration
    public Option[] config() {
        return new PlatformIT().config();
    }

    @AfterClass
    public static void stopBrowser() {
        ConsoleBrowser.quit();
    }

    private static String has(String css, String text) {
        return "(document.querySelector('" + css + "') !== null && document.querySelector('" + css + "').innerText.includes('" + text + "'))";
    }

    private static String visible(String css) {
        return "(document.querySelector('" + css + "') !== null && document.querySelector('" + css + "').offsetParent !== null)";
    }

    private static boolean present(Driver.Session s, String css) throws Exception {
        return "true".equals(s.script("return String(document.querySelector(\"" + css + "\") !== null)"));
    }

    /** A warning of the unit, raised by the rules when a campaign with a low duty view is published. */
    private static String[] seedWarning(long czj) throws Exception {
        Http.Reply systems = Http.await(API + "/v1/indicator-systems?jurisdiction=370500&status=PUBLISHED", "city-admin",
                r -> r.status() == 200 && Json.anyText(r.body(), "东营市市直部门单位职能运行监管指标体系"), 60_000);
        long system = Json.firstId(systems.body());
        String plan = "{\"kind\":\"SPECIAL\",\"title\":\"控制台预警台账测试专项监管\",\"period\":{\"type\":\"MONTH\",\"year\":2026,\"number\":5},"
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
        Predicate<JsonNode> entry = w -> Json.is(w, "jurisdictionCode", "370500", "unitId", czj, "rule", "LOW_VIEW",
                "subject", "campaign:" + campaign);
        Http.Reply listed = Http.await(API + "/v1/warnings?jurisdiction=370500&limit=1000", "city-admin",
                r -> r.status() == 200 && Json.any(Json.of(r), entry), 60_000);
        JsonNode warning = Json.elements(Json.of(listed)).filter(entry).findFirst().orElseThrow();
        return new String[] {String.valueOf(Json.id(warning)), Json.string(warning, "number")};
    }

    @Test
    public void aNoticeGoesFromTheOfficeToTheUnitsPhoneAndBackAndAWarningIsClosed() throws Exception {
        Http.await(API + "/v1/health", null, r -> r.status() == 200, 120_000);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        long czj = Json.firstId(Http.get(API + "/v1/jurisdictions/370500/units", "czj-user").body());

        // seeded over the API: what the browser steps start from
        Http.Reply seeded = Http.json("POST", API + "/v1/findings", "city-admin", "{\"jurisdictionCode\":\"370500\",\"unitId\":" + czj
                + ",\"source\":{\"kind\":\"MANUAL\",\"reference\":\"控制台测试登记\"},\"category\":\"PROCESS_MECHANISM\",\"severity\":\"SERIOUS\","
                + "\"description\":\"" + DESCRIPTION + "\",\"evidence\":\"2026年专项检查\"}");
        assertEquals(seeded.body(), 201, seeded.status());
        long finding = Json.id(seeded.body());
        String[] warning = seedWarning(czj);

        // ---------------------------------------------------------------- the office opens a notice: a past deadline first
        Driver.Session s = loginAs("city-admin");
        String officeMenu = menus(s);
        assertTrue(officeMenu, officeMenu.contains("问题清单") && officeMenu.contains("整改台账") && officeMenu.contains("机构编制建议")
                && officeMenu.contains("消息"));
        s.open(BASE + "/console/findings");
        s.waitFor(has("#findings-table", "问题描述"), 20_000);
        s.type(".table-search input", "控制台整改测试");
        s.waitFor("document.querySelector('#issue-" + finding + "') !== null", 20_000);
        s.click("#issue-" + finding);
        s.waitFor(visible("#notice-evidence"), 10_000);
        s.type("#notice-deadline", today.minusDays(3) + ENTER);
        s.type("#notice-evidence", "整改报告及修订后的政府采购内控制度");
        s.click("#notice-submit");
        s.waitFor("[...document.querySelectorAll('.el-dialog .el-form-item__error')].some(e => e.offsetParent !== null && e.innerText.trim() !== '')", 20_000);
        String refusal = s.script("return [...document.querySelectorAll('.el-dialog .el-form-item__error')].map(e => e.innerText).join(' ')");
        figure("ledgers: a past deadline is refused next to the field: " + refusal);
        s.severeLogs();
        screenshot(s, "70-office-notice-deadline-refused");
        assertTrue(Json.has(Http.get(API + "/v1/findings/" + finding, "city-admin").body(), "state", "OPEN"));

        LocalDate deadline = today.plusDays(30);
        s.type("#notice-deadline", SELECT_ALL + deadline + ENTER);
        s.click("#notice-submit");
        s.waitFor("/^\\/console\\/rectifications\\/\\d+$/.test(location.pathname) && " + has("#notice-summary", String.valueOf(deadline)), 20_000);
        long notice = Long.parseLong(s.script("return location.pathname.split('/').pop()"));
        String issued = Http.get(API + "/v1/rectifications/" + notice, "city-admin").body();
        assertTrue(issued, Json.has(issued, "deadline", deadline) && Json.has(issued, "state", "ISSUED")
                && Json.has(issued, "findingId", finding));
        String number = Json.string(Json.parse(issued), "number");
        long item = Json.id(Json.parse(issued).path("items").path(0));
        assertTrue(Json.has(Http.get(API + "/v1/findings/" + finding, "city-admin").body(), "state", "IN_RECTIFICATION"));
        noConsoleErrors(s);

        // ---------------------------------------------------------------- the unit, on a phone: inbox, plan, evidence, claim
        Driver.Session unit = loginAs("czj-user");
        unit.call("POST", "/window/rect", "{\"width\":390,\"height\":844}");
        unit.open(BASE + "/console/inbox");
        unit.waitFor(has("#inbox-list", number), 20_000);
        figure("ledgers: the unit's pages at a window " + unit.script("return window.innerWidth + ' px wide'"));
        screenshot(unit, "71-unit-inbox-phone");
        unit.clickXpath("//div[contains(@class,'message') and contains(., '" + number + "')]//button[contains(., '查看')]");
        unit.waitFor("location.pathname === '/console/rectifications/" + notice + "' && document.querySelector('#plan-" + item + "') !== null", 20_000);
        unit.click("#plan-" + item);
        unit.waitFor(visible("#plan-measures"), 10_000);
        unit.type("#plan-measures", MEASURES);
        unit.type("#plan-person", "办公室主任 王明");
        unit.type("#plan-due", SELECT_ALL + today.plusDays(20) + ENTER);
        unit.click("#act-submit");
        unit.waitFor(has("#item-" + item, "已报整改方案") + " && " + has("#item-" + item, MEASURES), 20_000);

        Path evidence = Files.createTempFile("整改报告", ".pdf");
        Files.write(evidence, "%PDF-1.4 控制台整改报告".getBytes(StandardCharsets.UTF_8));
        String fileName = evidence.getFileName().toString();
        unit.click("#evidence-" + item);
        unit.waitFor(visible("#evidence-file"), 10_000);
        unit.type("#evidence-file", evidence.toAbsolutePath().toString());
        unit.click("#upload-submit");
        unit.waitFor(has("#item-" + item, fileName), 20_000);
        screenshot(unit, "72-unit-plan-evidence-phone");

        unit.click("#claim-" + item);
        unit.waitFor(visible("#claim-note"), 10_000);
        unit.type("#claim-note", "制度已修订印发，申请销号");
        unit.click("#act-submit");
        unit.waitFor(has("#item-" + item, "已申请销号"), 20_000);
        String overflow = unit.script("return String(document.documentElement.scrollWidth - window.innerWidth)");
        figure("ledgers: the unit's notice page overflows its phone-wide window by " + overflow + " px");
        assertTrue("no horizontal scrolling of the page on a phone: " + overflow, Integer.parseInt(overflow) <= 1);
        screenshot(unit, "73-unit-claimed-phone");
        noConsoleErrors(unit);
        unit.close();
        String claimed = Http.get(API + "/v1/rectifications/" + notice, "czj-user").body();
        assertTrue(claimed, Json.has(claimed, "state", "CLAIMED") && Json.anyText(claimed, MEASURES) && Json.has(claimed, "responsiblePerson", "办公室主任 王明"));
        assertTrue(Json.anyText(Http.get(API + "/v1/rectifications/" + notice + "/evidence", "city-admin").body(), fileName));

        // ---------------------------------------------------------------- the office accepts, exports the ledger
        s.open(BASE + "/console/rectifications/" + notice);
        s.waitFor("document.querySelector('#accept-" + item + "') !== null", 20_000);
        s.click("#accept-" + item);
        s.waitFor(visible("#act-submit"), 10_000);
        s.click("#act-submit");
        s.waitFor(has("#item-" + item, "已销号待回访") + " && " + has("#notice-state", "待回访") + " && " + has("#notice-history", "申请销号"), 20_000);
        screenshot(s, "74-office-accepted");
        String accepted = Http.get(API + "/v1/rectifications/" + notice, "city-admin").body();
        assertTrue(accepted, Json.has(accepted, "state", "AWAITING_VISIT") && Json.has(accepted, "state", "ACCEPTED")
                && Json.has(accepted, "acceptedOn", today));
        assertTrue(Json.has(Http.get(API + "/v1/rectifications/" + notice + "/history", "city-admin").body(), "kind", "ACCEPT"));

        s.open(BASE + "/console/rectifications");
        s.waitFor(has("#rectifications-table", number), 20_000);
        s.click("#export-ledger");
        s.waitFor("document.querySelector('.transfer-done') !== null || document.querySelector('.transfer-failed') !== null", 25_000);
        String exported = s.text(".transfer");
        assertTrue(exported, present(s, ".transfer-done"));
        screenshot(s, "75-office-ledger-exported");

        s.open(BASE + "/console/findings/" + finding);
        s.waitFor(has("#finding-history", "整改中") + " && " + has("#finding-summary", DESCRIPTION), 20_000);
        screenshot(s, "79-office-finding-history");
        noConsoleErrors(s);

        // ---------------------------------------------------------------- a warning dispatched, verified and closed
        String warningId = warning[0];
        s.open(BASE + "/console/warnings");
        s.waitFor(has("#warnings-table", "产生时间"), 20_000);
        s.type(".table-search input", warning[1]);
        s.waitFor("document.querySelector('#dispatch-warning-" + warningId + "') !== null", 20_000);
        s.click("#dispatch-warning-" + warningId);
        s.waitFor(visible("#warning-reason"), 10_000);
        s.type("#warning-reason", "请核查履职评价偏低的原因");
        s.click("#warning-submit");
        s.waitFor("document.querySelector('#verify-warning-" + warningId + "') !== null && " + has("#warnings-table", "已下发"), 20_000);
        assertTrue(Json.has(Http.get(API + "/v1/warnings/" + warningId, "city-admin").body(), "state", "DISPATCHED"));
        s.click("#verify-warning-" + warningId);
        s.waitFor(visible("#warning-reason"), 10_000);
        s.click("#warning-submit");
        s.waitFor("document.querySelector('#close-warning-" + warningId + "') !== null", 20_000);
        s.click("#close-warning-" + warningId);
        s.waitFor(visible("#warning-reason"), 10_000);
        s.click("#warning-submit");
        s.waitFor("[...document.querySelectorAll('.el-dialog .el-form-item__error')].some(e => e.offsetParent !== null && e.innerText.trim() !== '')", 20_000);
        s.severeLogs();
        s.type("#warning-reason", "经核查已落实整改，予以销号");
        s.click("#warning-submit");
        s.waitFor("document.querySelector('#close-warning-" + warningId + "') === null && " + has("#warnings-table", "已销号"), 20_000);
        s.click("#open-warning-" + warningId);
        s.waitFor(has("#warning-drawer", "经核查已落实整改"), 20_000);
        screenshot(s, "76-office-warning-closed");
        String closed = Http.get(API + "/v1/warnings/" + warningId, "city-admin").body();
        assertTrue(closed, Json.has(closed, "state", "CLOSED") && Json.anyText(closed, "经核查已落实整改") && Json.anyText(closed, "请核查履职评价偏低的原因"));
        noConsoleErrors(s);
        s.close();

        // ---------------------------------------------------------------- the county office does not see the city's ledger
        Driver.Session county = loginAs("lijin-admin");
        county.open(BASE + "/console/rectifications");
        county.waitFor("document.querySelector('#rectifications-table') !== null && document.querySelector('.el-loading-mask') === null", 20_000);
        assertFalse(county.text("#rectifications-table").contains(number));
        assertFalse(Json.has(Http.get(API + "/v1/rectifications?limit=1000", "lijin-admin").body(), "number", number));
        county.open(BASE + "/console/rectifications/" + notice);
        county.waitFor("document.querySelector('.problem') !== null", 20_000);
        assertFalse(county.script("return document.body.innerText").contains(DESCRIPTION));
        assertFalse(present(county, "button[id^=accept-]"));
        county.severeLogs();
        screenshot(county, "77-county-refused");
        county.close();

        // ---------------------------------------------------------------- the city leader reads, without one action
        Driver.Session leader = loginAs("city-leader");
        leader.open(BASE + "/console/rectifications/" + notice);
        leader.waitFor(has("#item-" + item, MEASURES) + " && " + has("#notice-history", "销号"), 20_000);
        for (String action : new String[] {"button[id^=plan-]", "button[id^=claim-]", "button[id^=accept-]", "button[id^=return-]", "button[id^=evidence-]", "#record-visit", "#record-escalation"}) {
            assertFalse(action, present(leader, action));
        }
        screenshot(leader, "78-leader-reads");
        leader.open(BASE + "/console/findings");
        leader.waitFor(has("#findings-table", DESCRIPTION), 20_000);
        assertFalse(present(leader, "#new-finding") || present(leader, "button[id^=issue-]"));
        leader.open(BASE + "/console/warnings");
        leader.waitFor("document.querySelector('#warnings-table') !== null && document.querySelector('.el-loading-mask') === null", 20_000);
        assertFalse(present(leader, "button[id^=dispatch-warning-]") || present(leader, "button[id^=close-warning-]") || present(leader, "#evaluate-warnings"));
        noConsoleErrors(leader);
        leader.close();
    }
}
