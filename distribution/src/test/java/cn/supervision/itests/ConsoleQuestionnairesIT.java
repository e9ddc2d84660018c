package cn.supervision.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static cn.supervision.itests.ConsoleBrowser.loginAs;
import static cn.supervision.itests.ConsoleBrowser.menus;
import static cn.supervision.itests.ConsoleBrowser.noConsoleErrors;
import static cn.supervision.itests.ConsoleBrowser.screenshot;

import javax.inject.Inject;

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
 * The questionnaire pages in the browser: the city office designs a public evaluation (a missing title is shown next to
 * the field), opens it, issues one-time tokens and sees their links with drawn QR codes; an answer sent with a token over
 * HTTP shows in the progress. The office edits a peer-review matrix in the grid; the unit user answers its peer review
 * on a phone and the office reads the answer over the API. A county office does not see the city's questionnaire.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ConsoleQuestionnairesIT {
    static final String BASE = ConsoleBrowser.BASE;
    static final String API = PlatformIT.API;
    static final String TAG = Long.toString(System.currentTimeMillis() % 1_000_000);

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

    /** A collecting special campaign of the city on its published system, over the given units. */
    private static long collectingCampaign(String title, String unitIds) throws Exception {
        Http.Reply systems = Http.await(API + "/v1/indicator-systems?jurisdiction=370500&status=PUBLISHED", "city-admin",
                r -> r.status() == 200 && Json.anyText(r.body(), "东营市市直部门单位职能运行监管指标体系"), 60_000);
        long system = Json.firstId(systems.body());
        String plan = "{\"kind\":\"SPECIAL\",\"title\":\"" + title + "\",\"period\":{\"type\":\"YEAR\",\"year\":2026},"
                + "\"systems\":{\"PARTY_ORGAN\":" + system + ",\"GOVERNMENT_DEPARTMENT\":" + system + ",\"PUBLIC_INSTITUTION\":" + system + "},"
                + "\"targetUnitIds\":[" + unitIds + "]}";
        Http.Reply created = Http.json("POST", API + "/v1/campaigns", "city-admin", "{\"jurisdictionCode\":\"370500\",\"plan\":" + plan + "}");
        assertEquals(created.body(), 201, created.status());
        long id = Json.id(created.body());
        Http.Reply started = Http.json("POST", API + "/v1/campaigns/" + id + "/transitions", "city-admin", "{\"to\":\"COLLECTING\",\"reason\":\"开始采集\"}");
        assertEquals(started.body(), 200, started.status());
        return id;
    }

    /** CZJ (the demo unit user's unit) and two other city units. */
    private static long[] cityUnits() throws Exception {
        Http.await(API + "/v1/health", null, r -> r.status() == 200, 120_000);
        String units = Http.get(API + "/v1/jurisdictions/370500/units", "city-admin").body();
        long czj = Json.firstId(Http.get(API + "/v1/jurisdictions/370500/units", "czj-user").body());
        long[] ids = new long[3];
        ids[0] = czj;
        int i = 1;
        for (long id : Json.ids(units)) {
            if (i < 3 && id != czj) {
                ids[i++] = id;
            }
        }
        return ids;
    }

    private static String confirm(String button) {
        return "//div[contains(@class,'el-message-box')]//button[.//span[normalize-space()='" + button + "']]";
    }

    private static final String NO_OVERLAY = "[...document.querySelectorAll('.el-overlay')].every(o => getComputedStyle(o).display === 'none')";

    @Test
    public void theOfficeDesignsAPublicEvaluationIssuesTokensWithQrCodesAndFollowsTheAnswers() throws Exception {
        long[] u = cityUnits();
        String campaignTitle = "问卷控制台活动" + TAG;
        long campaign = collectingCampaign(campaignTitle, u[1] + "," + u[2]);
        String title = "控制台社会评议" + TAG;

        Driver.Session s = loginAs("city-admin");
        assertTrue(menus(s), menus(s).contains("问卷调查"));
        s.open(BASE + "/console/questionnaires?campaign=" + campaign);
        s.waitFor("document.querySelector('#questionnaires-table') !== null && !document.querySelector('.el-loading-mask')", 20_000);
        s.click("#q-new");
        s.waitFor("document.querySelector('#q-title') !== null && document.querySelector('#q-question-0 .q-text input') !== null"
                + " && !document.querySelector('.el-loading-mask')", 20_000);
        // the first try has no title: the API's refusal is shown next to the field
        s.type("#q-question-0 .q-text input", "您对该单位的服务总体是否满意");
        s.click("#q-save");
        s.waitFor("(document.querySelector('#q-title').closest('.el-form-item').querySelector('.el-form-item__error') || {}).innerText?.includes('标题必填')", 10_000);
        s.severeLogs(); // the expected 400
        screenshot(s, "50-questionnaire-design-error");
        s.type("#q-title", title);
        s.type("#q-introduction", "请对单位的服务作出评价，匿名填写");
        s.click("#q-save");
        s.waitFor("/^\\/console\\/questionnaires\\/\\d+$/.test(location.pathname) && document.querySelector('#q-open') !== null", 20_000);
        long id = Long.parseLong(s.script("return location.pathname.split('/').pop()"));
        Http.Reply stored = Http.get(API + "/v1/questionnaires/" + id, "city-admin");
        assertTrue(stored.body(), Json.anyText(stored.body(), title) && Json.has(stored.body(), "state", "DRAFT")
                && Json.has(stored.body(), "type", "SATISFACTION") && Json.has(stored.body(), "campaignId", campaign));
        screenshot(s, "51-questionnaire-detail");

        // opening asks for confirmation
        s.click("#q-open");
        s.waitFor("document.querySelector('.el-message-box') !== null", 10_000);
        s.clickXpath(confirm("发放"));
        s.waitFor("document.querySelector('#q-state').innerText.includes('发放中') && " + NO_OVERLAY, 20_000);
        assertTrue(Json.has(Http.get(API + "/v1/questionnaires/" + id, "city-admin").body(), "state", "OPEN"));

        // three tokens: each with its link and a drawn QR code
        s.click("#tab-tokens");
        s.waitFor("document.querySelector('#token-count') !== null", 10_000);
        s.clear("#token-count");
        s.type("#token-count", "3");
        s.click("#token-issue");
        // the cards come before their QR codes are drawn: wait for the first code drawn with its link, as asserted below
        s.waitFor("document.querySelectorAll('#issued-tokens .token-card').length === 3 && (() => {"
                + " const c = document.querySelector('#issued-tokens canvas.qr-code'); if (!c || c.width < 100) return false;"
                + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let dark = 0;"
                + " for (let i = 0; i < d.length; i += 4) if (d[i] < 100 && d[i + 3] > 0) dark++;"
                + " return dark > 500 && c.dataset.text === document.querySelector('#issued-tokens .token-href').href; })()", 20_000);
        String link = s.script("return document.querySelector('#issued-tokens .token-href').href");
        assertTrue(link, link.contains("/services/api/v1/questionnaires/public/page?t="));
        String qr = s.script("const c = document.querySelector('#issued-tokens canvas.qr-code'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + " let dark = 0; for (let i = 0; i < d.length; i += 4) if (d[i] < 100 && d[i + 3] > 0) dark++; return c.width + ':' + dark");
        String[] drawn = qr.split(":");
        assertTrue("the QR code is drawn: " + qr, Integer.parseInt(drawn[0]) >= 100 && Integer.parseInt(drawn[1]) > 500);
        assertEquals("the QR code holds the link", link, s.script("return document.querySelector('#issued-tokens canvas.qr-code').dataset.text"));
        s.waitFor("document.querySelector('#tokens-table') && /共 3 条/.test(document.querySelector('#tokens-table').closest('.el-card').innerText)", 10_000);
        screenshot(s, "52-questionnaire-tokens");

        // an answer with a token, over HTTP, as a phone would send it: it shows in the progress
        String token = link.substring(link.indexOf("t=") + 2);
        Http.Reply answered = Http.json("POST", API + "/v1/questionnaires/public/t/" + token, null,
                "{\"unitId\":" + u[1] + ",\"answers\":[{\"questionCode\":\"Q1\",\"level\":5}]}");
        assertEquals(answered.body(), 201, answered.status());
        s.click("#tab-progress");
        s.waitFor("document.querySelector('#progress-total') && document.querySelector('#progress-total').innerText.trim() === '1'", 20_000);
        String named = Json.string(Json.element(Json.of(Http.get(API + "/v1/jurisdictions/370500/units", "city-admin")), "id", u[1]), "name");
        s.waitFor("[...document.querySelectorAll('#progress-table tbody tr')].some(r => r.innerText.includes('" + named + "')"
                + " && r.cells[1].innerText.trim() === '1' && r.cells[3].innerText.trim() === '1')", 10_000);
        screenshot(s, "53-questionnaire-progress");
        s.click("#tab-responses");
        s.waitFor("document.querySelector('#responses-table') && document.querySelector('#responses-table').innerText.includes('一次性填写码')", 20_000);

        // closing asks for confirmation too
        s.click("#q-close");
        s.waitFor("document.querySelector('.el-message-box') !== null", 10_000);
        s.clickXpath(confirm("结束"));
        s.waitFor("document.querySelector('#q-state').innerText.includes('已结束') && " + NO_OVERLAY, 20_000);
        assertTrue(Json.has(Http.get(API + "/v1/questionnaires/" + id, "city-admin").body(), "state", "CLOSED"));
        noConsoleErrors(s);
        s.close();

        // the county office: not in its list, refused on the page
        assertEquals(403, Http.get(API + "/v1/questionnaires/" + id, "lijin-admin").status());
        Driver.Session county = loginAs("lijin-admin");
        county.open(BASE + "/console/questionnaires?campaign=" + campaign);
        county.waitFor("document.querySelector('#q-campaign') !== null && !document.querySelector('.el-loading-mask')", 20_000);
        assertFalse(county.script("return document.body.innerText"), county.script("return document.body.innerText").contains(title));
        assertFalse(county.script("return document.body.innerText").contains(campaignTitle));
        county.open(BASE + "/console/questionnaires/" + id);
        county.waitFor("document.querySelector('.el-alert--error') !== null && !document.querySelector('.el-loading-mask')", 20_000);
        assertFalse(county.script("return document.body.innerText").contains(title));
        county.severeLogs(); // the expected 403
        screenshot(county, "54-questionnaire-county-refused");
        county.close();
    }

    @Test
    public void theOfficeEditsThePeerMatrixAndAUnitAnswersItsPeerReviewOnAPhone() throws Exception {
        long[] u = cityUnits();
        long campaign = collectingCampaign("互评控制台活动" + TAG, u[0] + "," + u[1] + "," + u[2]);
        String title = "控制台部门互评" + TAG;
        String definition = "{\"kind\":\"PEER_REVIEW\",\"title\":\"" + title + "\",\"introduction\":\"请评价与本单位协作的部门\",\"questions\":["
                + "{\"code\":\"Q1\",\"text\":\"响应速度\",\"type\":\"RATING\",\"required\":true},"
                + "{\"code\":\"Q2\",\"text\":\"协作配合满意度\",\"type\":\"SATISFACTION\",\"required\":true},"
                + "{\"code\":\"Q3\",\"text\":\"意见建议\",\"type\":\"TEXT\",\"required\":false}]}";
        Http.Reply created = Http.json("POST", API + "/v1/questionnaires", "city-admin", "{\"campaignId\":" + campaign + ",\"definition\":" + definition + "}");
        assertEquals(created.body(), 201, created.status());
        long id = Json.id(created.body());

        // the office takes CZJ → second unit out of the default matrix (everyone rates everyone) in the grid
        Driver.Session office = loginAs("city-admin");
        office.open(BASE + "/console/questionnaires/" + id);
        office.waitFor("document.querySelector('#tab-matrix') !== null", 20_000);
        office.click("#tab-matrix");
        String pair = u[0] + "-" + u[2];
        office.waitFor("document.querySelector(\"td[data-pair='" + pair + "'] .el-checkbox.is-checked\") !== null"
                + " && document.querySelectorAll('#peer-matrix td .el-checkbox.is-checked').length === 6", 20_000);
        assertEquals("6 pairs, none on the diagonal", "6", office.script("return String(document.querySelectorAll('#peer-matrix td .el-checkbox.is-checked').length)"));
        office.click("td[data-pair='" + pair + "'] .el-checkbox");
        office.click("#matrix-save");
        office.waitFor("document.body.innerText.includes('互评关系已保存') && !document.querySelector('#matrix-save').classList.contains('is-loading')"
                + " && document.querySelector('#matrix-save').disabled && document.querySelectorAll('#peer-matrix td .el-checkbox.is-checked').length === 5", 20_000);
        screenshot(office, "55-questionnaire-peer-matrix");
        String matrix = Http.get(API + "/v1/questionnaires/" + id + "/peer-matrix", "city-admin").body();
        assertEquals(matrix, 5, Json.count(matrix, "raterUnitId"));
        assertFalse(matrix, Json.has(matrix, "raterUnitId", u[0], "ratedUnitId", u[2]));
        noConsoleErrors(office);
        office.close();
        assertEquals(200, Http.call("POST", API + "/v1/questionnaires/" + id + "/open", "city-admin", null, null).status());

        // the unit user on a phone: the menu item in the drawer, one form per unit to rate
        Driver.Session phone = loginAs("czj-user", 390, 844);
        phone.click("#menu-toggle");
        phone.waitFor("[...document.querySelectorAll('.el-drawer .el-menu-item')].some(e => e.innerText.includes('部门互评'))", 10_000);
        phone.open(BASE + "/console/peer-reviews");
        phone.waitFor("location.pathname === '/console/peer-reviews' && document.querySelector('#peer-review') !== null && " + NO_OVERLAY, 20_000);
        // the selected questionnaire's label lies over the select's input: click the select's box
        phone.clickXpath("//input[@id='peer-review']/ancestor::div[contains(@class,'el-select__wrapper')]");
        phone.clickXpath("//li[contains(@class,'el-select-dropdown__item') and contains(., '" + title + "')]");
        String rated = ".task-head[data-unit='" + u[1] + "']";
        phone.waitFor("document.querySelector(\"" + rated + " .task-status\") && document.querySelector(\"" + rated + " .task-status\").innerText.includes('未评价')"
                + " && " + NO_OVERLAY, 20_000);
        assertEquals("the pair taken out of the matrix is not asked", "true",
                phone.script("return String(document.querySelector(\".task-head[data-unit='" + u[2] + "']\") === null)"));
        phone.click(rated + " .task-answer");
        phone.waitFor("document.querySelector('.answer-form .answer-Q1') !== null", 10_000);
        // submitted without the required answers: refused, shown next to the question
        phone.click(".answer-submit");
        phone.waitFor("document.querySelector('.el-message-box') !== null", 10_000);
        phone.clickXpath(confirm("提交"));
        phone.waitFor("(document.querySelector('.answer-Q1 .el-form-item__error') || {}).innerText?.includes('必须回答') && " + NO_OVERLAY, 20_000);
        phone.severeLogs(); // the expected 400
        phone.click(".answer-Q1 .el-rate__item:nth-child(4)");
        phone.clickXpath("//div[contains(@class,'answer-Q2')]//label[contains(@class,'el-radio')][.//span[normalize-space()='满意']]");
        phone.type(".answer-Q3 textarea", "手机上的互评意见");
        assertEquals("nothing wider than the screen", "true", phone.script("return String(document.documentElement.scrollWidth <= window.innerWidth)"));
        screenshot(phone, "56-peer-review-phone-form");
        phone.click(".answer-submit");
        phone.waitFor("document.querySelector('.el-message-box') !== null", 10_000);
        phone.clickXpath(confirm("提交"));
        phone.waitFor("document.querySelector(\"" + rated + " .task-status\") && document.querySelector(\"" + rated + " .task-status\").innerText.includes('已评价')"
                + " && " + NO_OVERLAY, 20_000);
        screenshot(phone, "57-peer-review-phone-done");
        noConsoleErrors(phone);
        phone.close();

        Http.Reply responses = Http.get(API + "/v1/questionnaires/" + id + "/responses", "city-admin");
        assertTrue(responses.body(), Json.has(responses.body(), "unitId", u[1]) && Json.has(responses.body(), "raterUnitId", u[0])
                && Json.has(responses.body(), "score", Json.num("80.00")) && Json.anyText(responses.body(), "手机上的互评意见"));
        assertEquals("units never read who rated them", 403, Http.get(API + "/v1/questionnaires/" + id + "/responses", "czj-user").status());
        assertTrue(Json.has(Http.get(API + "/v1/questionnaires/" + id + "/peer-tasks", "czj-user").body(), "done", true));
    }
}
