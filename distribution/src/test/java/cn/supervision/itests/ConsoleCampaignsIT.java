package cn.supervision.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static cn.supervision.itests.ConsoleBrowser.loginAs;
import static cn.supervision.itests.ConsoleBrowser.menus;
import static cn.supervision.itests.ConsoleBrowser.noConsoleErrors;
import static cn.supervision.itests.ConsoleBrowser.screenshot;

import java.nio.charset.StandardCharsets;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.AfterClass;
import org.junit.Before;
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
 * The campaigns pages in the browser: the office plans a campaign in the wizard (the API's field error for a missing title
 * shown at its field), targets units, names a working-group member, starts the collection from the campaign's page and
 * follows its progress and coverage; it returns a unit's self-report with a reason, accepts the next one, publishes,
 * corrects the published results (a second revision) and exports the results table with its progress. The unit reads
 * its own published result (on a phone) and no other unit's; a county office does not see the city's campaign.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ConsoleCampaignsIT {
    static final String BASE = ConsoleBrowser.BASE;
    static final String API = PlatformIT.API;

    @Inject
    RegistryService registry;

    @Configuration
    public Option[] config() {
        return new PlatformIT().config();
    }

    @Before
    public void platformReady() throws Exception {
        PlatformIT.awaitReady();
    }

    @AfterClass
    public static void stopBrowser() {
        ConsoleBrowser.quit();
    }

    private static final String REVIEW_ROW = "//div[@id='review-table']//tr[.//td[contains(., 'D1.1')]]";
    private static final String VISIBLE_POPPER = "//div[contains(@class,'el-select__popper') and not(contains(@style,'display: none'))]";

    /** Opens a select (the XPath of its wrapper) and clicks the visible option that contains the text. */
    private static void pick(Driver.Session s, String wrapper, String option) throws Exception {
        s.clickXpath(wrapper);
        String item = VISIBLE_POPPER + "//li[contains(@class,'el-select-dropdown__item') and contains(normalize-space(.), '" + option + "')]";
        // the option in view and no longer moving (the dropdown opens with a zoom): what is at its centre is the option
        s.waitFor("(() => { const li = document.evaluate(\"" + item + "\", document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue;"
                + " if (!li || !li.offsetParent || li.closest('.el-select__popper').getAnimations({ subtree: true }).length) return false;"
                + " li.scrollIntoView({ block: 'nearest' }); const r = li.getBoundingClientRect();"
                + " const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2); return !!at && li.contains(at); })()", 10_000);
        s.clickXpath(item);
        s.waitFor("!document.evaluate(\"" + item + "\", document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue?.offsetParent", 10_000);
    }

    private static void next(Driver.Session s, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            s.click("#wizard-next");
        }
    }

    /** Moves a unit, found by the transfer's filter, to the target side. */
    private static void target(Driver.Session s, String unitName) throws Exception {
        String filter = "#wizard-transfer .el-transfer-panel:first-child .el-transfer-panel__filter input";
        s.clear(filter);
        s.type(filter, unitName);
        String item = "(//div[contains(@class,'el-transfer-panel')])[1]//label[contains(@class,'el-transfer-panel__item')][starts-with(normalize-space(.), '"
                + unitName + "（')]";
        s.waitFor("document.evaluate(\"" + item + "\", document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue?.offsetParent", 10_000);
        s.clickXpath(item);
        s.clickXpath("(//div[contains(@class,'el-transfer__buttons')]//button)[2]");
        s.waitFor("document.querySelectorAll('#wizard-transfer .el-transfer-panel')[1].innerText.includes('" + unitName + "')", 10_000);
    }

    private static void transition(Driver.Session s, String to, String reason, String stateLabel) throws Exception {
        s.click("#transition-" + to);
        s.waitFor("document.querySelector('#transition-reason') && document.querySelector('#transition-reason').offsetParent !== null", 10_000);
        s.clear("#transition-reason");
        s.type("#transition-reason", reason);
        s.click("#transition-confirm");
        s.waitFor("document.querySelector('#campaign-state').innerText.includes('" + stateLabel + "')"
                + " && [...document.querySelectorAll('.el-overlay')].every(o => getComputedStyle(o).display === 'none')", 20_000);
    }

    private static String errorBeside(String css) {
        return "(document.querySelector('" + css + "').closest('.el-form-item').querySelector('.el-form-item__error') || {}).innerText || ''";
    }

    @Test
    public void theOfficePlansRunsReviewsPublishesCorrectsAndExportsAndTheUnitReadsItsOwnResult() throws Exception {
        Http.Reply systems = Http.await(API + "/v1/indicator-systems?jurisdiction=370500&status=PUBLISHED", "city-admin",
                r -> r.status() == 200 && Json.anyText(r.body(), "东营市市直部门单位职能运行监管指标体系"), 120_000);
        JsonNode published = Json.of(systems);
        long system = Json.id(Json.elements(published).filter(x -> x.path("definition").path("name").asText().equals("东营市市直部门单位职能运行监管指标体系"))
                .findFirst().orElseThrow(() -> new AssertionError(systems.body())));
        long czj = Json.firstId(Http.get(API + "/v1/jurisdictions/370500/units", "czj-user").body());
        String title = "活动向导测试 " + Long.toString(System.nanoTime() % 1_000_000_000L, 36);

        // ------------------------------------------------------------ the plan wizard
        Driver.Session s = loginAs("city-admin");
        s.open(BASE + "/console/campaigns");
        s.waitFor("document.querySelector('#new-campaign') !== null", 20_000);
        s.click("#new-campaign");
        s.waitFor("location.pathname === '/console/campaigns/new' && document.querySelectorAll('#wizard-transfer .el-transfer-panel__item').length > 0"
                + " && !document.querySelector('.el-loading-mask')", 20_000);
        // the title is left empty; the systems: the city's published system for government departments
        next(s, 1);
        pick(s, "//input[@id='wizard-system-GOVERNMENT_DEPARTMENT']/ancestor::div[contains(@class,'el-select__wrapper')]", "编号 " + system + "）");
        next(s, 1);
        target(s, "东营市财政局");
        target(s, "东营市人民政府办公室");
        next(s, 1);
        s.click("#wizard-add-member");
        s.type(".member-username-0 input", "evaluator");
        pick(s, "//div[contains(@class,'member-role-0')]//div[contains(@class,'el-select__wrapper')]", "专家学者");
        next(s, 1);
        s.waitFor("document.querySelector('#wizard-summary').innerText.includes('2 个单位')", 10_000);
        s.click("#wizard-submit");
        // the API's field error is shown at its field, on the step it belongs to
        s.waitFor("document.querySelector('#wizard-title').offsetParent !== null && " + errorBeside("#wizard-title") + ".includes('必须填写标题')", 10_000);
        s.severeLogs(); // the refused plan's 400 is the expected one
        screenshot(s, "40-campaign-wizard-error");
        s.type("#wizard-title", title);
        next(s, 4);
        s.click("#wizard-submit");
        s.waitFor("/^\\/console\\/campaigns\\/[0-9]+$/.test(location.pathname) && document.querySelector('#campaign-state')"
                + " && document.querySelector('#campaign-state').innerText.includes('草稿')", 20_000);
        long id = Long.parseLong(s.script("return location.pathname.split('/').pop()"));
        String campaign = Http.get(API + "/v1/campaigns/" + id, "city-admin").body();
        assertTrue(campaign, Json.anyText(campaign, title) && Json.has(campaign, "state", "DRAFT") && Json.has(campaign, "username", "evaluator")
                && Json.has(campaign, "role", "EXPERT") && Json.has(campaign, "GOVERNMENT_DEPARTMENT", system));
        JsonNode targets = Json.parse(campaign).path("targetUnitIds");
        assertEquals(campaign, 2, targets.size());
        assertTrue(campaign, Json.any(targets, t -> t.isIntegralNumber() && t.longValue() == czj));
        s.waitFor("document.querySelector('#campaign-members').innerText.includes('evaluator') && document.querySelector('#campaign-targets').innerText.includes('东营市财政局')", 10_000);
        screenshot(s, "41-campaign-detail");

        // the list links the campaign
        s.open(BASE + "/console/campaigns");
        s.waitFor("document.querySelector('#campaigns-table') && document.querySelector('#campaigns-table').innerText.includes('" + title + "')", 20_000);
        s.clickXpath("//div[@id='campaigns-table']//tr[.//td[contains(., '" + title + "')]]//button[contains(@class,'detail-button')]");
        s.waitFor("location.pathname === '/console/campaigns/" + id + "' && document.querySelector('#campaign-state') !== null", 20_000);

        // collection starts from the campaign's page, with a reason; progress and coverage follow
        transition(s, "COLLECTING", "向导测试开始采集", "数据采集中");
        s.waitFor("document.querySelector('#campaign-history').innerText.includes('向导测试开始采集')", 10_000);
        assertTrue(Json.anyText(Http.get(API + "/v1/campaigns/" + id + "/history", "city-admin").body(), "向导测试开始采集"));
        s.click("#tab-progress");
        s.waitFor("document.querySelector('#progress-table') && document.querySelector('#progress-table').innerText.includes('东营市财政局')"
                + " && document.querySelector('#progress-table').innerText.includes('未开始') && document.querySelector('#progress-cards').innerText.includes('监管对象单位')", 20_000);
        screenshot(s, "42-campaign-progress");
        s.click("#tab-coverage");
        s.waitFor("document.querySelector('#coverage-table') && document.querySelector('#coverage-table').innerText.includes('东营市财政局')"
                + " && document.querySelector('#coverage-summary').innerText.includes('尚有选用类别的指标没有')", 20_000);
        s.click("#tab-lateness");
        s.waitFor("document.querySelector('#lateness-table') && document.querySelector('#lateness-table').innerText.includes('东营市人民政府办公室')", 20_000);

        // the unit self-reports (over the API) with an evidence file; the office returns it with a reason in the browser
        Http.Reply reported = Http.json("POST", API + "/v1/campaigns/" + id + "/inputs", "czj-user",
                "{\"unitId\":" + czj + ",\"code\":\"D1.1\",\"input\":{\"value\":92},\"source\":\"SELF_REPORT\",\"explanation\":\"向导测试台账\"}");
        assertEquals(reported.body(), 201, reported.status());
        long input = Json.id(reported.body());
        assertEquals(201, Http.call("POST", API + "/v1/campaigns/" + id + "/inputs/" + input + "/evidence?fileName=wizard-ledger.pdf", "czj-user",
                "application/pdf", "%PDF-1.4 向导测试台账".getBytes(StandardCharsets.UTF_8)).status());
        s.click("#tab-review");
        s.waitFor("document.querySelector('#review-table') && document.querySelector('#review-table').innerText.includes('D1.1')"
                + " && document.querySelector('#review-table').innerText.includes('数值 92')", 20_000);
        s.clickXpath(REVIEW_ROW + "//button[contains(@class,'queue-evidence')]");
        s.waitFor("[...document.querySelectorAll('.el-drawer')].some(d => d.offsetParent !== null && d.innerText.includes('wizard-ledger.pdf'))", 10_000);
        screenshot(s, "43-campaign-review-evidence");
        s.clickXpath("//div[contains(@class,'el-drawer') and .//span[contains(., '佐证材料：')]]//button[contains(@class,'el-drawer__close-btn')]");
        s.waitFor("[...document.querySelectorAll('.el-overlay')].every(o => getComputedStyle(o).display === 'none')", 10_000);
        s.clickXpath(REVIEW_ROW + "//button[contains(@class,'queue-return')]");
        s.waitFor("document.querySelector('#return-reason') && document.querySelector('#return-reason').offsetParent !== null", 10_000);
        s.click("#return-confirm");
        s.waitFor(errorBeside("#return-reason") + ".includes('退回理由')", 10_000);
        s.severeLogs(); // a return without a reason is refused (400), shown at the field
        s.type("#return-reason", "佐证材料不全，请补充台账");
        s.click("#return-confirm");
        s.waitFor("document.querySelector('#review-table').innerText.includes('没有待审核的单位自评')"
                + " && [...document.querySelectorAll('.el-overlay')].every(o => getComputedStyle(o).display === 'none')", 20_000);
        String unitSees = Http.get(API + "/v1/campaigns/" + id + "/units/" + czj + "/inputs", "czj-user").body();
        assertTrue(unitSees, Json.has(unitSees, "review", "RETURNED") && Json.anyText(unitSees, "佐证材料不全，请补充台账"));

        // the unit reports again; the office accepts it
        assertEquals(201, Http.json("POST", API + "/v1/campaigns/" + id + "/inputs", "czj-user",
                "{\"unitId\":" + czj + ",\"code\":\"D1.1\",\"input\":{\"value\":96},\"source\":\"SELF_REPORT\",\"explanation\":\"已补充台账\"}").status());
        s.click("#review-refresh");
        s.waitFor("document.querySelector('#review-table').innerText.includes('数值 96')", 20_000);
        s.clickXpath(REVIEW_ROW + "//button[contains(@class,'queue-accept')]");
        s.waitFor("document.querySelector('#review-table').innerText.includes('没有待审核的单位自评')", 20_000);
        assertTrue(Json.has(Http.get(API + "/v1/campaigns/" + id + "/units/" + czj + "/inputs", "city-admin").body(), "review", "ACCEPTED"));

        // scoring and publication from the campaign's page
        transition(s, "SCORING", "向导测试采集截止", "评分中");
        transition(s, "PUBLISHED", "向导测试审定发布", "已发布");

        // the export, with its progress; then a correction makes revision 2
        s.click("#tab-results");
        s.waitFor("document.querySelector('#revisions-table') && document.querySelector('#revisions-table').innerText.includes('第 1 版')", 20_000);
        s.click("#export-results");
        s.waitFor("document.querySelector('#export-results-progress') && document.querySelector('#export-results-progress').innerText.includes('已完成')", 30_000);
        s.click("#new-correction");
        s.waitFor("document.querySelector('#correction-reason') && document.querySelector('#correction-reason').offsetParent !== null", 10_000);
        pick(s, "//div[contains(@class,'correction-unit-0')]//div[contains(@class,'el-select__wrapper')]", "东营市财政局");
        pick(s, "//div[contains(@class,'correction-code-0')]//div[contains(@class,'el-select__wrapper')]", "D1.1 ");
        s.type(".correction-value-0 input", "80");
        s.type("#correction-reason", "向导测试复核更正");
        screenshot(s, "44-campaign-correction");
        s.click("#correction-submit");
        s.waitFor("document.querySelector('#revisions-table').innerText.includes('第 2 版')"
                + " && document.querySelector('#revisions-table').innerText.includes('向导测试复核更正')", 20_000);
        String revisions = Http.get(API + "/v1/campaigns/" + id + "/revisions", "city-admin").body();
        assertTrue(revisions, Json.has(revisions, "revision", 2) && Json.anyText(revisions, "向导测试复核更正"));
        screenshot(s, "45-campaign-results-revisions");
        noConsoleErrors(s);
        s.close();

        // ------------------------------------------------------------ the unit's own results, on a phone
        String own = Http.get(API + "/v1/campaigns/" + id + "/results", "czj-user").body();
        assertEquals("the unit's own row only: " + own, 1, Json.count(own, "unitId"));
        JsonNode total = Json.parse(own).path(0).path("total");
        assertTrue(own, total.isNumber());
        String shownTotal = total.decimalValue().stripTrailingZeros().toPlainString();
        Driver.Session unit = loginAs("czj-user", 390, 844);
        assertTrue(menus(unit), menus(unit).contains("我的结果"));
        unit.open(BASE + "/console/my-results");
        unit.waitFor("document.querySelector('#my-results-campaign') !== null", 20_000);
        pick(unit, "//input[@id='my-results-campaign']/ancestor::div[contains(@class,'el-select__wrapper')]", title);
        unit.waitFor("document.querySelector('#my-result-summary') && document.querySelector('#my-result-summary').innerText.includes('东营市财政局')"
                + " && document.querySelector('#my-result-summary').innerText.includes('第 2 版')"
                + " && document.querySelector('#my-result-indicators') && document.querySelector('#my-result-indicators').innerText.includes('得分说明')"
                + " && document.querySelector('#my-results').innerText.includes('" + shownTotal + "')", 20_000);
        String page = unit.text("#my-results");
        assertTrue(page, page.contains(shownTotal));
        assertFalse("no other unit's result: " + page, page.contains("东营市人民政府办公室"));
        assertEquals("nothing wider than the phone's screen", "true", unit.script("return String(document.documentElement.scrollWidth <= window.innerWidth)"));
        screenshot(unit, "46-unit-my-results-phone");
        // the office's campaign pages are not the unit's
        unit.open(BASE + "/console/campaigns/" + id);
        unit.waitFor("!location.pathname.startsWith('/console/campaigns') && document.querySelector('#who') !== null", 10_000); // sent to the unit's home
        assertEquals("false", unit.script("return String(document.querySelector('#campaign-tabs') !== null)"));
        noConsoleErrors(unit);
        unit.close();

        // ------------------------------------------------------------ a county office does not see the city's campaign
        assertTrue(Http.get(API + "/v1/campaigns/" + id, "lijin-admin").status() >= 400);
        Driver.Session county = loginAs("lijin-admin");
        county.open(BASE + "/console/campaigns");
        county.waitFor("document.querySelector('#campaigns-table') && !document.querySelector('.el-loading-mask')", 20_000);
        assertFalse(county.text("#campaigns-table").contains(title));
        county.open(BASE + "/console/campaigns/" + id);
        county.waitFor("document.querySelector('.problem') !== null && !document.querySelector('.el-loading-mask')", 20_000);
        assertFalse(county.script("return document.body.innerText").contains(title));
        assertEquals("no tabs of data", "false", county.script("return String(document.querySelector('#campaign-tabs') !== null)"));
        screenshot(county, "47-county-refused");
        county.severeLogs(); // the refusal (403/404) is the expected one
        county.close();
    }
}
