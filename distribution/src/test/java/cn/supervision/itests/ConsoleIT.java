package cn.supervision.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static cn.supervision.itests.ConsoleBrowser.figure;
import static cn.supervision.itests.ConsoleBrowser.loginAs;
import static cn.supervision.itests.ConsoleBrowser.menus;
import static cn.supervision.itests.ConsoleBrowser.noConsoleErrors;
import static cn.supervision.itests.ConsoleBrowser.screenshot;
import static cn.supervision.itests.ConsoleBrowser.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * The web console in a real headless Chromium (Debian's chromium and chromium-driver, driven over the W3C WebDriver
 * protocol from inside the container: no browser or driver download), and the session login it rests on, over HTTP.
 * Each demo role logs in on the login page, sees its own name, role and jurisdiction, the pages it may use and not the
 * others; the office starts a campaign's collection, the unit self-reports with an evidence file, the evaluator grades,
 * the leader reads the published results. No page logs an error in the browser's console.
 * <p>
 * Screenshots of the main pages go to {@code docs/screenshots/} when the build is run with {@code -Dconsole.screenshots=true}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ConsoleIT {
    static final String BASE = ConsoleBrowser.BASE;
    static final String API = PlatformIT.API;

    /** Waits for the registry service: the tests start once the platform itself is up. */
    @Inject
    RegistryService registry;

    private static Long campaign;
    private static long czj;

    @Configuration
    public Option[] config() {
        return new PlatformIT().config();
    }

    @AfterClass
    public static void stopBrowser() {
        ConsoleBrowser.quit();
    }

    // ---------------------------------------------------------------- the session login over HTTP

    private static String cookie(Http.Reply login) {
        String setCookie = login.header("Set-Cookie");
        assertNotNull(login.toString(), setCookie);
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static Http.Reply login(String user, String password) throws IOException {
        return Http.call("POST", API + "/v1/session", null, "application/json",
                ("{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}").getBytes(StandardCharsets.UTF_8),
                Map.of("X-Requested-With", "XMLHttpRequest"));
    }

    /** The session's CSRF token in the answer to a login or to who-am-I; fails when there is none. */
    private static String csrfToken(String session) {
        return Json.string(Json.parse(session), "csrfToken");
    }

    @Test
    public void sessionLoginCookieCsrfLogoutAndBasicUnchanged() throws Exception {
        Http.await(API + "/v1/health", null, r -> r.status() == 200, 120_000);

        Http.Reply wrong = login("lijin-admin", "guess");
        assertEquals(wrong.body(), 401, wrong.status());
        assertNull("no cookie for a wrong password", wrong.header("Set-Cookie"));
        assertNull("no browser pop-up", wrong.header("WWW-Authenticate"));
        assertTrue(wrong.contentType().startsWith("application/problem+json"));
        assertEquals(400, Http.call("POST", API + "/v1/session", null, "application/json", "{\"username\":".getBytes(StandardCharsets.UTF_8)).status());
        Http.Reply missing = Http.json("POST", API + "/v1/session", null, "{\"username\":\"\"}");
        assertEquals(400, missing.status());
        assertTrue(missing.body(), Json.has(missing.body(), "field", "username") && Json.has(missing.body(), "field", "password"));

        Http.Reply ok = login("city-admin", "city-admin-demo");
        assertEquals(ok.body(), 200, ok.status());
        String setCookie = ok.header("Set-Cookie");
        assertTrue(setCookie, setCookie.startsWith("SUPERVISION_SESSION=") && setCookie.contains("HttpOnly")
                && setCookie.contains("SameSite=Strict") && setCookie.contains("Path=/services/api"));
        assertFalse(ok.body().contains("city-admin-demo"));
        String session = cookie(ok);
        String csrf = csrfToken(ok.body());
        assertTrue(ok.body(), Json.has(ok.body(), "jurisdictionName", "东营市") && Json.has(ok.body(), "roles", Json.value("[\"CITY_ADMIN\"]")));

        // reads with the cookie alone; who am I gives the token back to a reloaded page
        Http.Reply me = Http.call("GET", API + "/v1/session", null, null, null, Map.of("Cookie", session));
        assertTrue(me.body(), Json.has(me.body(), "username", "city-admin") && Json.anyText(me.body(), csrf));
        assertEquals(200, Http.call("GET", API + "/v1/jurisdictions", null, null, null, Map.of("Cookie", session)).status());

        // a write without the token, or with a forged one, is refused before it runs; with it, it runs
        String unit = "{\"code\":\"CSRF1\",\"name\":\"跨站请求测试单位\",\"kind\":\"PUBLIC_INSTITUTION\"}";
        Http.Reply noToken = Http.call("POST", API + "/v1/jurisdictions/370500/units", null, "application/json",
                unit.getBytes(StandardCharsets.UTF_8), Map.of("Cookie", session));
        assertEquals(noToken.body(), 403, noToken.status());
        assertTrue(Json.anyText(noToken.body(), "X-CSRF-Token"));
        Http.Reply forged = Http.call("POST", API + "/v1/jurisdictions/370500/units", null, "application/json",
                unit.getBytes(StandardCharsets.UTF_8), Map.of("Cookie", session, "X-CSRF-Token", csrf.substring(1) + "x"));
        assertEquals(403, forged.status());
        assertFalse("nothing was written", Json.anyText(Http.get(API + "/v1/jurisdictions/370500/units", "city-admin").body(), "CSRF1"));
        Http.Reply other = login("lijin-admin", "lijin-admin-demo");
        Http.Reply crossed = Http.call("POST", API + "/v1/jurisdictions/370500/units", null, "application/json",
                unit.getBytes(StandardCharsets.UTF_8), Map.of("Cookie", session, "X-CSRF-Token", csrfToken(other.body())));
        assertEquals("another session's token is not this one's", 403, crossed.status());

        // the cookie is the REST gateway's only: SOAP does not take it
        String envelope = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body/></soapenv:Envelope>";
        Http.Reply soap = Http.call("POST", PlatformIT.SOAP, null, "text/xml; charset=UTF-8", envelope.getBytes(StandardCharsets.UTF_8),
                Map.of("Cookie", session));
        assertTrue(soap.body(), soap.status() >= 400 && !soap.body().contains("东营市"));

        // logout ends the session on the server: the same cookie is refused afterwards
        Http.Reply logoutWithoutToken = Http.call("DELETE", API + "/v1/session", null, null, null, Map.of("Cookie", session));
        assertEquals(403, logoutWithoutToken.status());
        Http.Reply logout = Http.call("DELETE", API + "/v1/session", null, null, null, Map.of("Cookie", session, "X-CSRF-Token", csrf));
        assertEquals(204, logout.status());
        assertTrue(logout.header("Set-Cookie").contains("Max-Age=0"));
        Http.Reply after = Http.call("GET", API + "/v1/jurisdictions", null, null, null,
                Map.of("Cookie", session, "X-Requested-With", "XMLHttpRequest"));
        assertEquals(401, after.status());
        assertNull(after.header("WWW-Authenticate"));
        assertTrue(Json.has(Http.call("GET", API + "/v1/session", null, null, null, Map.of("Cookie", session)).body(), "authenticated", false));
        assertEquals(401, Http.call("GET", API + "/v1/jurisdictions", null, null, null, Map.of("Cookie", "SUPERVISION_SESSION=forged")).status());

        // Basic keeps working for partners and scripts, without a token
        assertEquals(200, Http.get(API + "/v1/jurisdictions", "city-admin").status());
        assertEquals("WWW-Authenticate stays for Basic clients", true, Http.get(API + "/v1/jurisdictions", null).header("WWW-Authenticate") != null);
    }

    @Test
    public void theConsoleIsServedCompressedAndCachedAndTheRootRedirects() throws Exception {
        Http.await(API + "/v1/health", null, r -> r.status() == 200, 120_000);
        Http.Reply root = Http.get(BASE + "/", null);
        assertEquals(302, root.status());
        assertEquals("/console/", root.location());
        assertEquals(301, Http.get(BASE + "/console", null).status());

        Http.Reply index = Http.call("GET", BASE + "/console/", null, null, null, Map.of("Accept-Encoding", "br"));
        assertEquals(200, index.status());
        assertEquals("br", index.header("Content-Encoding"));
        assertEquals("no-cache", index.header("Cache-Control"));
        assertTrue(index.header("Content-Security-Policy").contains("default-src 'self'"));
        Http.Reply plain = Http.get(BASE + "/console/", null);
        assertTrue(plain.body(), plain.body().contains("<div id=\"app\"></div>") && plain.body().contains("机构编制监督平台"));
        assertEquals(304, Http.call("GET", BASE + "/console/", null, null, null, Map.of("If-None-Match", plain.header("ETag"))).status());
        assertEquals("a page of the application is index.html", plain.body(), Http.get(BASE + "/console/campaigns/1/results", null).body());

        Matcher script = Pattern.compile("src=\"(/console/assets/index-[^\"]+\\.js)\"").matcher(plain.body());
        assertTrue(plain.body(), script.find());
        Http.Reply asset = Http.call("GET", BASE + script.group(1), null, null, null, Map.of("Accept-Encoding", "gzip"));
        assertEquals(200, asset.status());
        assertEquals("gzip", asset.header("Content-Encoding"));
        assertEquals("public, max-age=31536000, immutable", asset.header("Cache-Control"));
        assertTrue(asset.contentType().startsWith("text/javascript"));
        assertEquals(404, Http.get(BASE + "/console/assets/missing-0.js", null).status());
        Http.Reply traversal = Http.get(BASE + "/console/assets/..%2F..%2Fetc%2Fusers.properties", null);
        assertTrue(traversal.toString(), traversal.status() != 200 && !traversal.body().contains("roles="));
    }

    // ---------------------------------------------------------------- the console in the browser

    /** The city's routine campaign with the evaluator on its working group for D1.2 of CZJ, as a draft. */
    private static synchronized long campaign() throws Exception {
        if (campaign != null) {
            return campaign;
        }
        PlatformIT.awaitReady();
        Http.Reply systems = Http.await(API + "/v1/indicator-systems?jurisdiction=370500&status=PUBLISHED", "city-admin",
                r -> r.status() == 200 && Json.anyText(r.body(), "东营市市直部门单位职能运行监管指标体系"), 60_000);
        long system = Json.firstId(systems.body());
        czj = Json.firstId(Http.get(API + "/v1/jurisdictions/370500/units", "czj-user").body());
        String plan = "{\"kind\":\"ROUTINE\",\"title\":\"控制台测试：2026年第3季度常规监管\",\"period\":{\"type\":\"QUARTER\",\"year\":2026,\"number\":3},"
                + "\"systems\":{\"PARTY_ORGAN\":" + system + ",\"GOVERNMENT_DEPARTMENT\":" + system + ",\"PUBLIC_INSTITUTION\":" + system + "},"
                + "\"workingGroup\":[{\"username\":\"evaluator\",\"role\":\"EXPERT\",\"indicatorCodes\":[\"D1.2\"],\"unitIds\":[" + czj + "]}]}";
        Http.Reply created = Http.json("POST", API + "/v1/campaigns", "city-admin", "{\"jurisdictionCode\":\"370500\",\"plan\":" + plan + "}");
        assertEquals(created.body(), 201, created.status());
        campaign = Json.id(created.body());
        return campaign;
    }

    @Test
    public void theOfficeSeesItsDashboardUnitsAndCampaignsAndStartsACollection() throws Exception {
        long id = campaign();
        Driver.Session s = browser().session();
        // cold first load of the login page, over loopback
        s.open(BASE + "/console/");
        s.waitFor("document.querySelector('#login') !== null", 20_000);
        String load = s.script("const n = performance.getEntriesByType('navigation')[0]; return String(Math.round(n.loadEventEnd - n.startTime))");
        String transferred = s.script("return String(performance.getEntriesByType('resource').reduce((t, r) => t + r.transferSize, 0)"
                + " + performance.getEntriesByType('navigation')[0].transferSize)");
        figure("first page load (cold, loopback): " + load + " ms, " + transferred + " bytes transferred");
        assertTrue("first page load " + load + " ms", Long.parseLong(load) < 1_500);
        screenshot(s, "01-login");

        // a wrong password is shown next to the field, in Chinese, with no pop-up
        s.type("#username", "city-admin");
        s.type("#password", "wrong");
        s.click("#login");
        s.waitFor("document.body.innerText.includes('账号或密码错误')", 10_000);
        s.severeLogs(); // the refused login's 401 is the expected one
        s.clear("#password");
        s.type("#password", "city-admin-demo");
        s.click("#login");
        s.waitFor("location.pathname === '/console/dashboard'", 20_000);
        s.waitFor("document.querySelector('#who').innerText.includes('市级编办管理员')", 10_000);
        String who = s.text("#who");
        assertTrue(who, who.contains("city-admin") && who.contains("东营市"));
        assertEquals("工作台,单位名录,职责清单,指标体系,平台数据,扩展包,定时任务,操作日志,监管活动,职责覆盖,问卷调查,问题清单,整改台账,预警台账,约谈与通报批评,"
                + "机构编制建议,职责交叉与空白,综合考核,公文,专题报告,督办任务,协作部门,联席会议,消息", menus(s));
        s.waitFor("document.querySelectorAll('.el-card').length >= 8 && !document.querySelector('.el-loading-mask')", 20_000);

        s.open(BASE + "/console/units");
        s.waitFor("document.querySelector('.table-count') && /共 [1-9][0-9]+ 条/.test(document.querySelector('.table-count').innerText)"
                + " && document.querySelector('#units-table').innerText.includes('东营市财政局')", 20_000);
        assertTrue(s.text("#units-table"), s.text("#units-table").contains("东营市财政局"));
        s.type(".table-search input", "财政");
        s.waitFor("/共 [1-9] 条/.test(document.querySelector('.table-count').innerText)", 10_000);
        screenshot(s, "03-units");

        // the office starts the collection from the campaigns list, with a reason
        s.open(BASE + "/console/campaigns");
        s.waitFor("document.body.innerText.includes('控制台测试：2026年第3季度常规监管')", 20_000);
        s.clickXpath("//tr[.//td[contains(., '控制台测试')]]//button[.//span[text()='开始采集']]");
        s.waitFor("document.querySelector('.el-dialog textarea') !== null", 10_000);
        s.type(".el-dialog textarea", "控制台发起采集");
        s.clickXpath("//div[contains(@class,'el-dialog')]//button[.//span[text()='确定']]");
        s.waitFor("[...document.querySelectorAll('#campaigns-table tr')].some(r => r.innerText.includes('控制台测试') && r.innerText.includes('数据采集中'))"
                + " && [...document.querySelectorAll('.el-overlay')].every(o => getComputedStyle(o).display === 'none')", 20_000);
        screenshot(s, "04-campaigns");
        assertTrue(Json.anyText(Http.get(API + "/v1/campaigns/" + id + "/history", "city-admin").body(), "控制台发起采集"));
        noConsoleErrors(s);

        // a unit user's page is not the office's
        s.open(BASE + "/console/tasks");
        s.waitFor("location.pathname === '/console/dashboard'", 10_000);

        // the session ends on the server (as after the idle timeout): the next call's 401 brings the login page back,
        // saying why, and logging in again returns to the same page
        s.open(API + "/v1/health"); // the cookie belongs to /services/api: the browser shows it on pages there only
        String cookie = s.cookie("SUPERVISION_SESSION");
        assertNotNull(cookie);
        // a page whose requests have all answered (the dashboard's many could still be in flight and meet the 401 first)
        s.open(BASE + "/console/units");
        s.waitFor("document.querySelector('.table-count') && /共 [1-9][0-9]+ 条/.test(document.querySelector('.table-count').innerText)"
                + " && !document.querySelector('.el-loading-mask')", 20_000);
        String token = csrfToken(Http.call("GET", API + "/v1/session", null, null, null, Map.of("Cookie", "SUPERVISION_SESSION=" + cookie)).body());
        assertEquals(204, Http.call("DELETE", API + "/v1/session", null, null, null,
                Map.of("Cookie", "SUPERVISION_SESSION=" + cookie, "X-CSRF-Token", token)).status());
        // clicked in the page: a headless click at the item's centre has landed on its neighbour (职责覆盖) before
        s.script("[...document.querySelectorAll('.el-menu-item')].find(e => e.innerText.trim() === '监管活动').click(); return ''");
        s.waitFor("location.pathname === '/console/login' && document.body.innerText.includes('会话已过期')", 10_000);
        s.severeLogs(); // the expired session's 401 is the expected one
        s.type("#username", "city-admin");
        s.type("#password", "city-admin-demo");
        s.click("#login");
        s.waitFor("location.pathname === '/console/campaigns'", 10_000);
        s.click("#logout");
        s.waitFor("location.pathname === '/console/login'", 10_000);
        s.open(BASE + "/console/units");
        s.waitFor("location.pathname === '/console/login'", 10_000);
        noConsoleErrors(s);
        s.close();
    }

    @Test
    public void aUnitSelfReportsWithEvidenceAnEvaluatorGradesAndTheLeaderReadsThePublishedResults() throws Exception {
        long id = campaign();
        Http.Reply state = Http.get(API + "/v1/campaigns/" + id, "city-admin");
        if (Json.has(state.body(), "state", "DRAFT")) {
            assertEquals(200, Http.json("POST", API + "/v1/campaigns/" + id + "/transitions", "city-admin",
                    "{\"to\":\"COLLECTING\",\"reason\":\"开始采集\"}").status());
        }

        Driver.Session unit = loginAs("czj-user");
        assertTrue(unit.script("return location.pathname").equals("/console/tasks"));
        assertEquals("我的填报,我的结果,部门互评,问题清单,整改台账,预警台账,公文,督办任务,消息", menus(unit));
        assertTrue(unit.text("#who"), unit.text("#who").contains("东营市财政局"));
        unit.waitFor("document.querySelector('#tasks-table') && document.querySelector('#tasks-table').innerText.includes('D1.1')", 20_000);
        String tasks = unit.text("#tasks-table");
        assertFalse("evaluators grade D1.2, the unit does not", tasks.contains("D1.2"));
        unit.clickXpath("//div[@id='tasks-table']//tr[.//td[contains(., 'D1.1')]]//button[contains(@class,'report-button')]");
        unit.waitFor("document.querySelector('#task-value') !== null", 10_000);
        Path evidence = Files.createTempFile("ledger", ".pdf");
        Files.writeString(evidence, "%PDF-1.4 任务台账");
        unit.clear("#task-value");
        unit.type("#task-value", "92");
        unit.type("#task-explanation", "见任务台账");
        unit.type("#task-file", evidence.toAbsolutePath().toString());
        screenshot(unit, "05-unit-self-report");
        unit.click("#task-submit");
        unit.waitFor("[...document.querySelectorAll('#tasks-table tr')].some(r => r.innerText.includes('D1.1') && r.innerText.includes('待审核'))", 20_000);
        screenshot(unit, "06-unit-tasks");
        String inputs = Http.get(API + "/v1/campaigns/" + id + "/units/" + czj + "/inputs", "czj-user").body();
        assertTrue(inputs, Json.has(inputs, "code", "D1.1") && Json.has(inputs, "value", 92) && Json.anyText(inputs, "见任务台账"));
        long input = Json.id(Json.elements(Json.parse(inputs)).filter(i -> Json.is(i, "code", "D1.1")).reduce((earlier, later) -> later)
                .orElseThrow(() -> new AssertionError("no D1.1 input: " + inputs)));
        assertTrue(Json.mentions(Http.get(API + "/v1/campaigns/" + id + "/inputs/" + input + "/evidence", "czj-user").body(), "sha256"));
        // what a unit must not see
        unit.open(BASE + "/console/dashboard");
        unit.waitFor("location.pathname === '/console/tasks'", 10_000);
        noConsoleErrors(unit);
        unit.close();

        // the office finds the report behind the unit's D1.1 score, sees its evidence file and accepts it
        Driver.Session reviewer = loginAs("city-admin");
        reviewer.open(BASE + "/console/campaigns/" + id + "/results");
        reviewer.waitFor("document.querySelector('#results-table') && document.querySelector('#results-table').innerText.includes('东营市财政局')", 20_000);
        reviewer.type(".table-search input", "东营市财政局");
        reviewer.waitFor("/共 1 条/.test(document.querySelector('.table-count').innerText)", 10_000);
        reviewer.clickXpath("(//div[@id='results-table']//div[contains(@class,'el-table__expand-icon')])[1]");
        reviewer.waitFor("document.querySelector('.indicator-tree') && document.querySelector('.indicator-tree').innerText.includes('输入 1 条')", 10_000);
        reviewer.clickXpath("//div[contains(@class,'indicator-tree')]//tr[.//td[contains(., 'D1.1')]]//button[contains(., '输入')]");
        reviewer.waitFor("document.querySelector('.accept-button') !== null && document.querySelector('.el-drawer').innerText.includes('"
                + evidence.getFileName() + "') && document.querySelector('.el-drawer').getBoundingClientRect().left < window.innerWidth * 0.55", 10_000);
        screenshot(reviewer, "10-office-review");
        reviewer.click(".accept-button");
        reviewer.waitFor("document.querySelector('.el-drawer').innerText.includes('已采纳')", 10_000);
        noConsoleErrors(reviewer);
        reviewer.close();
        assertTrue(Json.has(Http.get(API + "/v1/campaigns/" + id + "/units/" + czj + "/inputs", "city-admin").body(), "review", "ACCEPTED"));

        Driver.Session evaluator = loginAs("evaluator");
        assertEquals("专家评分,消息", menus(evaluator));
        evaluator.waitFor("document.querySelector('#grading-table') && document.querySelector('#grading-table').innerText.includes('D1.2')", 20_000);
        evaluator.clickXpath("//div[@id='grading-table']//tr[.//td[contains(., 'D1.2')]]//button[contains(@class,'grade-button')]");
        evaluator.waitFor("document.querySelector('#grade-justification') !== null", 10_000);
        evaluator.clickXpath("//div[@id='grade-levels']//label[.//span[text()='较好']]");
        evaluator.click("#grade-submit");
        evaluator.waitFor("document.body.innerText.includes('评价人每次评定一个等次，且必须写明理由')", 10_000);
        evaluator.severeLogs(); // the refused grade's 400 is the expected one, shown next to the field
        evaluator.type("#grade-justification", "重点工作按期推进，成效较好");
        screenshot(evaluator, "07-evaluator-grading");
        evaluator.click("#grade-submit");
        evaluator.waitFor("[...document.querySelectorAll('#grading-table tr')].some(r => r.innerText.includes('D1.2') && r.innerText.includes('较好'))", 20_000);
        evaluator.open(BASE + "/console/units");
        evaluator.waitFor("location.pathname === '/console/grading'", 10_000);
        noConsoleErrors(evaluator);
        evaluator.close();

        // the office closes collection and publishes; the leader reads
        Http.Reply scoring = Http.json("POST", API + "/v1/campaigns/" + id + "/transitions", "city-admin", "{\"to\":\"SCORING\",\"reason\":\"采集截止\"}");
        assertEquals(scoring.body(), 200, scoring.status());
        Http.Reply published = Http.json("POST", API + "/v1/campaigns/" + id + "/transitions", "city-admin", "{\"to\":\"PUBLISHED\",\"reason\":\"市编委会审定\"}");
        assertEquals(published.body(), 200, published.status());

        Driver.Session leader = loginAs("city-leader");
        assertEquals("/console/overview", leader.script("return location.pathname"));
        assertEquals("结果总览,单位名录,职责清单,指标体系,监管活动,职责覆盖,问题清单,整改台账,预警台账,约谈与通报批评,机构编制建议,职责交叉与空白,综合考核,公文,专题报告,督办任务,联席会议,消息",
                menus(leader));
        leader.waitFor("document.querySelectorAll('canvas').length >= 2 && document.body.innerText.includes('参评单位')", 20_000);
        screenshot(leader, "08-leader-overview");
        leader.open(BASE + "/console/campaigns/" + id + "/results");
        leader.waitFor("document.querySelector('#results-table') && document.querySelector('#results-table').innerText.includes('东营市财政局')", 20_000);
        // sort the whole result table by total, measured in the page
        leader.clickXpath("//div[@id='results-table']//th[.//div[contains(., '总分')]]//span[contains(@class,'caret-wrapper')]");
        leader.waitFor("window.__lastSortMs !== undefined", 10_000);
        String rows = leader.script("return (document.querySelector('.table-count').innerText.match(/[0-9]+/) || ['0'])[0]");
        String sortMs = leader.script("return String(Math.round(window.__lastSortMs))");
        figure("results table: " + rows + " units sorted and rendered in " + sortMs + " ms");
        assertTrue("sort " + sortMs + " ms", Long.parseLong(sortMs) < 300);
        leader.clickXpath("(//div[@id='results-table']//td[contains(@class,'el-table__expand-column')]//div[contains(@class,'el-table__expand-icon')])[1]");
        leader.waitFor("document.querySelector('.indicator-tree') !== null && document.querySelector('.indicator-tree').innerText.includes('D1.1')", 10_000);
        screenshot(leader, "09-results-drilldown");
        leader.open(BASE + "/console/tasks");
        leader.waitFor("location.pathname === '/console/overview'", 10_000);
        noConsoleErrors(leader);
        leader.close();

        // the office's dashboard with the published results: grade distribution, ranking, warnings by level
        Driver.Session office = loginAs("city-admin");
        office.waitFor("document.querySelectorAll('canvas').length >= 3 && !document.querySelector('.el-loading-mask')", 20_000);
        screenshot(office, "02-office-dashboard");
        noConsoleErrors(office);
        office.close();
    }

    @Test
    public void aUnitUserSelfReportsOnAPhone() throws Exception {
        Http.Reply systems = Http.await(API + "/v1/indicator-systems?jurisdiction=370500&status=PUBLISHED", "city-admin",
                r -> r.status() == 200 && Json.anyText(r.body(), "东营市市直部门单位职能运行监管指标体系"), 60_000);
        long system = Json.firstId(systems.body());
        String plan = "{\"kind\":\"SPECIAL\",\"title\":\"手机填报测试：2026年专项监管\",\"period\":{\"type\":\"YEAR\",\"year\":2026},"
                + "\"systems\":{\"PARTY_ORGAN\":" + system + ",\"GOVERNMENT_DEPARTMENT\":" + system + ",\"PUBLIC_INSTITUTION\":" + system + "}}";
        Http.Reply created = Http.json("POST", API + "/v1/campaigns", "city-admin", "{\"jurisdictionCode\":\"370500\",\"plan\":" + plan + "}");
        assertEquals(created.body(), 201, created.status());
        long id = Json.id(created.body());
        assertEquals(200, Http.json("POST", API + "/v1/campaigns/" + id + "/transitions", "city-admin",
                "{\"to\":\"COLLECTING\",\"reason\":\"开始采集\"}").status());

        Driver.Session phone = loginAs("czj-user", 390, 844);
        assertEquals("a phone-sized window", "true", phone.script("return String(window.innerWidth <= 400)"));
        phone.waitFor("document.querySelector('#task-campaign') !== null", 20_000);
        // the side menu gives way to a drawer behind the menu button
        assertEquals("none", phone.script("return getComputedStyle(document.querySelector('.aside')).display"));
        phone.click("#menu-toggle");
        phone.waitFor("[...document.querySelectorAll('.el-drawer .el-menu-item')].some(e => e.innerText.includes('我的填报'))", 10_000);
        // clicked in the page: a WebDriver click while the drawer slides in can land on the item below
        phone.script("[...document.querySelectorAll('.el-drawer .el-menu-item')].find(e => e.innerText.includes('我的填报')).click(); return ''");
        phone.waitFor("[...document.querySelectorAll('.el-overlay')].every(o => getComputedStyle(o).display === 'none')", 10_000);

        // the select opened and its option picked in the page (the selected label covers the input; the dropdown zooms in)
        phone.script("document.querySelector('#task-campaign').closest('.el-select__wrapper').click(); return ''");
        phone.waitFor("[...document.querySelectorAll('.el-select-dropdown__item')].some(e => e.innerText.includes('手机填报测试'))", 10_000);
        phone.script("[...document.querySelectorAll('.el-select-dropdown__item')].find(e => e.innerText.includes('手机填报测试')).click(); return ''");
        phone.waitFor("document.querySelector('#tasks-table') && document.querySelector('#tasks-table').innerText.includes('D1.1')", 20_000);
        assertEquals("nothing wider than the screen: the table scrolls inside itself", "true",
                phone.script("return String(document.documentElement.scrollWidth <= window.innerWidth)"));
        phone.clickXpath("//div[@id='tasks-table']//tr[.//td[contains(., 'D1.1')]]//button[contains(@class,'report-button')]");
        phone.waitFor("document.querySelector('#task-value') !== null", 10_000);
        assertEquals("the dialog fits the screen", "true", phone.script(
                "const r = [...document.querySelectorAll('.el-dialog')].find(d => d.offsetParent !== null).getBoundingClientRect();"
                        + " return String(r.left >= 0 && r.right <= window.innerWidth)"));
        phone.clear("#task-value");
        phone.type("#task-value", "88");
        phone.type("#task-explanation", "手机上填报");
        screenshot(phone, "11-unit-phone");
        phone.click("#task-submit");
        phone.waitFor("[...document.querySelectorAll('#tasks-table tr')].some(r => r.innerText.includes('D1.1') && r.innerText.includes('待审核'))", 20_000);
        String inputs = Http.get(API + "/v1/campaigns/" + id + "/units/" + Json.firstId(Http.get(API + "/v1/jurisdictions/370500/units", "czj-user").body())
                + "/inputs", "czj-user").body();
        assertTrue(inputs, Json.anyText(inputs, "手机上填报") && Json.has(inputs, "value", 88));
        noConsoleErrors(phone);
        phone.close();
    }

    @Test
    public void aCooperatingDepartmentGetsItsOwnPagesOnly() throws Exception {
        Driver.Session department = loginAs("city-audit");
        assertEquals("/console/cooperation-inbox", department.script("return location.pathname"));
        assertEquals("协作事项,公文,督办任务,联席会议,消息", menus(department));
        department.open(BASE + "/console/dashboard");
        department.waitFor("location.pathname === '/console/cooperation-inbox'", 10_000);
        department.open(BASE + "/console/units");
        department.waitFor("location.pathname === '/console/cooperation-inbox'", 10_000);
        noConsoleErrors(department);
        department.close();
    }
}
