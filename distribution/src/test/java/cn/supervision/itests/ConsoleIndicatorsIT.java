package cn.supervision.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static cn.supervision.itests.ConsoleBrowser.loginAs;
import static cn.supervision.itests.ConsoleBrowser.noConsoleErrors;
import static cn.supervision.itests.ConsoleBrowser.screenshot;

import javax.inject.Inject;

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
 * The indicator-system pages of the console (指标体系): the city office opens its published system and sees the tree
 * with weights and rules, copies it to a draft of the next year, edits a weight (the validation problems appear next to
 * the indicators they concern, publishing is refused), diffs the draft against the published version, puts the weight
 * back, validates, tries the rule engine on a sample value, publishes its draft and retires it with a reason; each effect
 * is checked over the API. A county office cannot see (let alone change) the city's system; a unit user has no such page.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ConsoleIndicatorsIT {
    static final String BASE = ConsoleBrowser.BASE;
    static final String API = PlatformIT.API;
    static final String CITY_SYSTEM = "东营市市直部门单位职能运行监管指标体系";

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

    private static long citySystem() throws Exception {
        Http.Reply systems = Http.await(API + "/v1/indicator-systems?jurisdiction=370500&status=PUBLISHED", "city-admin",
                r -> r.status() == 200 && Json.anyText(r.body(), CITY_SYSTEM), 60_000);
        return PlatformIT.citySystemId(systems.body());
    }

    /** The element exists and its text contains {@code text} (a JavaScript condition; the text has no quote). */
    private static String has(String css, String text) {
        return "(document.querySelector('" + css + "') !== null && document.querySelector('" + css + "').innerText.includes('" + text + "'))";
    }

    private static String tree() {
        return "document.querySelector('.indicator-system-tree') ? document.querySelector('.indicator-system-tree').innerText : ''";
    }

    /** Opens the edit dialog of an indicator of the draft's tree, sets its weight and saves. */
    private static void setWeight(Driver.Session s, String code, String weight) throws Exception {
        s.clickXpath("//div[contains(@class,'indicator-system-tree')]//tr[.//span[contains(@class,'node-code') and normalize-space(.)='" + code
                + "']]//button[contains(@class,'edit-node')]");
        s.waitFor("document.querySelector('#node-weight') !== null && document.querySelector('#node-weight').offsetParent !== null", 10_000);
        s.clear("#node-weight");
        s.type("#node-weight", weight);
        s.click("#node-save");
        s.waitFor("document.querySelector('#node-weight') === null || document.querySelector('#node-weight').offsetParent === null", 10_000);
    }

    @Test
    public void theCityOfficeCopiesValidatesDiffsTriesPublishesAndRetiresItsSystem() throws Exception {
        long city = citySystem();
        Driver.Session s = loginAs("city-admin");
        s.clickXpath("//*[contains(@class,'aside')]//li[contains(concat(' ', @class, ' '), ' el-menu-item ') and normalize-space(.)='指标体系']");
        s.waitFor("location.pathname === '/console/indicators'", 10_000);
        s.waitFor("document.querySelector('#indicators-table') && document.querySelector('#indicators-table').innerText.includes('" + CITY_SYSTEM + "')", 20_000);
        s.type(".table-search input", "东营市市直部门");
        screenshot(s, "25-indicator-list");
        s.clickXpath("//div[@id='indicators-table']//tr[td[1][normalize-space(.)='" + city + "']]//button[contains(@class,'open-system')]");
        s.waitFor("location.pathname === '/console/indicators/" + city + "'", 10_000);
        // the tree: codes, names, points, categories and rules (D1.1: 12 points, a band rule on the completion rate)
        // the status and the validation summary come with their own requests: wait for everything asserted below
        s.waitFor("['D1.1', '三定规定主要职责履行', '12', '核心职责', '区间计分', '定性', '定性等次评定'].every(t => (" + tree() + ").includes(t))"
                + " && " + has("#system-status", "已发布") + " && " + has("#validation-summary", "校验通过"), 20_000);
        String text = s.script("return " + tree());
        assertTrue(text, text.contains("三定规定主要职责履行") && text.contains("12") && text.contains("核心职责") && text.contains("区间计分")
                && text.contains("定性") && text.contains("定性等次评定"));
        assertTrue(s.text("#system-status"), s.text("#system-status").contains("已发布"));
        assertTrue(s.text("#validation-summary"), s.text("#validation-summary").contains("校验通过"));
        screenshot(s, "20-indicator-tree");

        // copy to a draft of next year
        s.click("#indicators-copy");
        s.waitFor("document.querySelector('#copy-year') !== null && document.querySelector('#copy-year').offsetParent !== null", 10_000);
        s.clear("#copy-year");
        s.type("#copy-year", "2027");
        s.click("#copy-confirm");
        s.waitFor("location.pathname !== '/console/indicators/" + city + "' && document.querySelector('#system-status') !== null"
                + " && document.querySelector('#system-status').innerText.includes('草稿')", 20_000);
        long draft = Long.parseLong(s.script("return location.pathname.substring(location.pathname.lastIndexOf('/') + 1)"));
        String created = Http.get(API + "/v1/indicator-systems/" + draft, "city-admin").body();
        assertTrue(created, Json.has(created, "status", "DRAFT") && Json.has(created, "copiedFrom", city) && Json.has(created, "year", 2027));

        // a weight changed on the draft: the problems show next to the indicators, publishing is refused
        s.waitFor(tree() + ".includes('D1.1')", 20_000);
        setWeight(s, "D1.1", "10");
        s.waitFor("(" + tree() + ").includes('下级指标分值合计 38') && [...document.querySelectorAll('.indicator-system-tree tr')]"
                + ".some(r => r.querySelector('.node-problem') && r.querySelector('.node-code').innerText.includes('D1'))", 20_000);
        assertTrue("the draft was saved with the new weight",
                Json.anyText(Http.get(API + "/v1/indicator-systems/" + draft + "/validation", "city-admin").body(), "下级指标分值合计 38"));
        String problems = s.script("return [...document.querySelectorAll('.indicator-system-tree tr')].filter(r => r.querySelector('.node-problem'))"
                + ".map(r => r.querySelector('.node-code').innerText).join(',')");
        assertTrue(problems, problems.contains("D1"));
        screenshot(s, "22-indicator-validation");
        s.click("#indicators-publish");
        s.waitFor("document.querySelector('.el-message-box') !== null", 10_000);
        s.clickXpath("//div[contains(@class,'el-message-box')]//button[contains(., '发布')]");
        s.waitFor("[...document.querySelectorAll('.problem')].some(p => p.innerText.includes('不能发布'))", 20_000);
        s.severeLogs(); // the refused publication's 400 is the expected one
        assertTrue(Json.has(Http.get(API + "/v1/indicator-systems/" + draft, "city-admin").body(), "status", "DRAFT"));

        // the diff against the published version, in Chinese
        s.click("#indicators-diff");
        s.waitFor("location.pathname === '/console/indicators/diff'", 10_000);
        s.waitFor("['D1.1', '权重/分值', '年度', '2026年', '2027年'].every(t => document.querySelector('#diff-changed')?.innerText.includes(t))"
                + " && " + has("#diff-summary", "修改"), 20_000);
        String diff = s.text("#diff-changed");
        assertTrue(diff, diff.contains("权重/分值") && diff.contains("年度") && diff.contains("2026年") && diff.contains("2027年"));
        assertTrue(s.text("#diff-summary"), s.text("#diff-summary").contains("修改"));
        screenshot(s, "21-indicator-diff");

        // back to the draft: the weight put back, validated clean
        s.open(BASE + "/console/indicators/" + draft);
        s.waitFor(tree() + ".includes('D1.1')", 20_000);
        setWeight(s, "D1.1", "12");
        s.click("#indicators-validate");
        s.waitFor("document.querySelector('#validation-summary') !== null && document.querySelector('#validation-summary').innerText.includes('校验通过')", 20_000);
        assertFalse(Json.mentions(Http.get(API + "/v1/indicator-systems/" + draft + "/validation", "city-admin").body(), "ERROR"));

        // the rule tester: a 95% completion rate loses 3 of D1.1's 12 points
        s.click("#tab-tester");
        s.waitFor("document.querySelector('.tester-value-D1_1 input') !== null", 10_000);
        s.type(".tester-value-D1_1 input", "95");
        s.click("#tester-run");
        s.waitFor("document.querySelector('.tester-score-D1_1') !== null && document.querySelector('.tester-score-D1_1').innerText.trim() === '9'"
                + " && " + has("#tester-result", "总分"), 20_000);
        assertTrue(s.text("#tester-result"), s.text("#tester-result").contains("总分"));
        screenshot(s, "23-indicator-rule-tester");

        // publish (confirmed) and retire (with a reason) the office's own draft
        s.click("#tab-tree");
        s.click("#indicators-publish");
        s.waitFor("document.querySelector('.el-message-box') !== null", 10_000);
        s.clickXpath("//div[contains(@class,'el-message-box')]//button[contains(., '发布')]");
        s.waitFor("document.querySelector('#system-status') !== null && document.querySelector('#system-status').innerText.includes('已发布')", 20_000);
        String published = Http.get(API + "/v1/indicator-systems/" + draft, "city-admin").body();
        assertTrue(published, Json.has(published, "status", "PUBLISHED") && Json.has(published, "publishedBy", "city-admin"));
        s.click("#indicators-retire");
        s.waitFor("document.querySelector('#retire-reason') !== null && document.querySelector('#retire-reason').offsetParent !== null", 10_000);
        s.click("#retire-confirm");
        s.waitFor("document.querySelector('.el-dialog .el-form-item__error') !== null && document.querySelector('.el-dialog .el-form-item__error').innerText.includes('停用理由')", 10_000);
        s.severeLogs(); // the reason-less retirement's 400 is the expected one, shown next to the field
        s.type("#retire-reason", "控制台测试：试用版本停用");
        s.click("#retire-confirm");
        s.waitFor("document.querySelector('#system-status') !== null && document.querySelector('#system-status').innerText.includes('已停用')", 20_000);
        assertTrue(Json.has(Http.get(API + "/v1/indicator-systems/" + draft, "city-admin").body(), "status", "RETIRED"));
        assertTrue("the city's own published version is untouched",
                Json.has(Http.get(API + "/v1/indicator-systems/" + city, "city-admin").body(), "status", "PUBLISHED"));
        s.click("#tab-history");
        s.waitFor("document.querySelector('#history-table') !== null && document.querySelector('#history-table').innerText.includes('已停用')", 10_000);
        screenshot(s, "24-indicator-history");
        noConsoleErrors(s);
        s.close();
    }

    @Test
    public void aCountyOfficeCannotChangeTheCitysSystemAndAUnitHasNoSuchPage() throws Exception {
        long city = citySystem();

        // the county office sees its own systems only, and no action on the city's
        Driver.Session county = loginAs("lijin-admin");
        String total = Http.get(API + "/v1/indicator-systems?limit=1", "lijin-admin").header("X-Total-Count");
        county.open(BASE + "/console/indicators");
        county.waitFor("document.querySelector('#indicators-table') !== null && document.querySelector('.table-count').innerText.includes('共 " + total + " 条')", 20_000);
        assertFalse(county.text("#indicators-table").contains(CITY_SYSTEM));
        county.open(BASE + "/console/indicators/" + city);
        county.waitFor("document.querySelector('.problem') !== null", 20_000);
        county.severeLogs(); // the refused read's 403 is the expected one
        assertEquals("0", county.script("return String(document.querySelectorAll('#indicators-copy, #indicators-publish, #indicators-retire, #indicators-edit-system, .edit-node, #system-title').length)"));
        screenshot(county, "26-indicator-county-refused");
        assertEquals(403, Http.json("POST", API + "/v1/indicator-systems/" + city + "/copy", "lijin-admin", "{}").status());
        assertEquals(403, Http.json("POST", API + "/v1/indicator-systems/" + city + "/retire", "lijin-admin", "{\"reason\":\"越权\"}").status());
        noConsoleErrors(county);
        county.close();

        // a leader reads the tree and gets no action
        Driver.Session leader = loginAs("city-leader");
        leader.open(BASE + "/console/indicators/" + city);
        leader.waitFor(tree() + ".includes('D1.1')", 20_000);
        assertEquals("0", leader.script("return String(document.querySelectorAll('#indicators-copy, #indicators-publish, #indicators-retire, .edit-node').length)"));
        noConsoleErrors(leader);
        leader.close();

        // a unit user has no indicator pages: back to its home
        Driver.Session unit = loginAs("czj-user");
        String home = unit.script("return location.pathname");
        assertFalse(home, home.startsWith("/console/indicators"));
        unit.open(BASE + "/console/indicators");
        unit.waitFor("location.pathname === '" + home + "'", 10_000);
        unit.open(BASE + "/console/indicators/" + city);
        unit.waitFor("location.pathname === '" + home + "'", 10_000);
        assertFalse(unit.script("return document.body.innerText"), unit.script("return document.body.innerText").contains(CITY_SYSTEM));
        noConsoleErrors(unit);
        unit.close();
    }
}
