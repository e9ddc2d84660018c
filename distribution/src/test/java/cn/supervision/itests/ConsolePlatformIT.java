package cn.supervision.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static cn.supervision.itests.ConsoleBrowser.loginAs;
import static cn.supervision.itests.ConsoleBrowser.menus;
import static cn.supervision.itests.ConsoleBrowser.noConsoleErrors;
import static cn.supervision.itests.ConsoleBrowser.screenshot;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

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
import cn.supervision.api.schedule.Scheduler;
import cn.supervision.api.security.Caller;
import cn.supervision.itests.ConsoleBrowser.Driver;

/**
 * The console's platform pages in a real browser: the office's platform data (a metric, a batch uploaded with a bad row
 * refused with its per-row report, then applied, its aggregate and rows), contribution bundles (an invalid bundle
 * uploaded in the browser is refused and its reasons shown, with its history), the daily passes' runs and the audit
 * log; a county office sees only its own jurisdiction's; a unit user gets none of these pages.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ConsolePlatformIT {
    static final String BASE = ConsoleBrowser.BASE;
    static final String API = PlatformIT.API;
    static final String JAR = "application/java-archive";
    static final String METRIC = "console.pd-ontime";
    static final String METRIC_NAME = "控制台测试按期办结率";
    static final String SOURCE = "console-hotline";

    /** The open drawer has finished sliding in (for the screenshot). */
    static final String DRAWER_IN_PLACE = "[...document.querySelectorAll('.el-drawer')].some(d => d.offsetParent !== null "
            + "&& Math.abs(d.getBoundingClientRect().right - document.documentElement.clientWidth) < 20)";

    @Inject
    RegistryService registry;

    @Inject
    Scheduler scheduler;

    @Configuration
    public Option[] config() {
        return new PlatformIT().config();
    }

    @AfterClass
    public static void stopBrowser() {
        ConsoleBrowser.quit();
    }

    private static Path file(String prefix, String suffix, byte[] content) throws Exception {
        Path p = Files.createTempFile(prefix, suffix);
        Files.write(p, content);
        p.toFile().deleteOnExit();
        return p;
    }

    private static String js(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** The text of an element (empty when absent), for conditions. */
    private static String textOf(String css) {
        return "(document.querySelector(" + js(css) + ")?.innerText || '')";
    }

    @Test
    public void officeUploadsABatchSeesItsRejectedRowsThenItsAggregate() throws Exception {
        Http.await(API + "/v1/health", null, r -> r.status() == 200, 120_000);
        assertEquals(200, Http.json("PUT", API + "/v1/platform-data/jurisdictions/370500/metrics/" + METRIC, "city-admin",
                "{\"name\":\"" + METRIC_NAME + "\",\"unitOfMeasure\":\"%\",\"sourceSystem\":\"" + SOURCE + "\",\"aggregation\":\"MEAN\"}").status());
        JsonNode firstUnit = Json.of(Http.get(API + "/v1/jurisdictions/370500/units", "city-admin")).path(0);
        String unitCode = Json.string(firstUnit, "code");
        String unitName = Json.string(firstUnit, "name");
        // a day inside the console's default range (this year up to the browser's today) whatever the hour: just
        // after midnight in Beijing it is still yesterday for the browser, so the month of Beijing's yesterday
        String day = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).withDayOfMonth(1).toString();
        String good = "metric,unit,date,value\n" + METRIC + "," + unitCode + "," + day + ",91\n";
        Path bad = file("batch-bad", ".csv", (good + METRIC + ",无此部门XYZ," + day + ",70\n").getBytes(StandardCharsets.UTF_8));
        Path fixed = file("batch-fixed", ".csv", good.getBytes(StandardCharsets.UTF_8));

        Driver.Session s = loginAs("city-admin");
        assertTrue(menus(s), menus(s).contains("平台数据") && menus(s).contains("扩展包") && menus(s).contains("定时任务") && menus(s).contains("操作日志"));
        s.open(BASE + "/console/platform-data");
        s.waitFor(textOf("#pd-metrics") + ".includes(" + js(METRIC_NAME) + ")", 20_000);
        screenshot(s, "60-platform-metrics");

        // a batch with one bad row: refused whole, the row's number and reason in a table, nothing stored
        s.click("#tab-batches");
        s.click("#pd-batch-new");
        s.waitFor("document.querySelector('#pd-batch-file') !== null && document.querySelector('#pd-batch-file').offsetParent !== null", 10_000);
        s.clickXpath("//div[contains(@class,'el-dialog') and .//input[@id='pd-batch-file']]//div[contains(@class,'el-select__wrapper')]");
        s.waitFor("[...document.querySelectorAll('.el-select-dropdown__item')].some(li => li.offsetParent !== null && li.innerText.trim() === " + js(SOURCE) + ")", 10_000);
        s.clickXpath("//div[contains(@class,'el-select__popper') and not(contains(@style,'display: none'))]"
                + "//li[contains(@class,'el-select-dropdown__item')][normalize-space(.)='" + SOURCE + "']");
        s.clear("#pd-batch-id");
        s.type("#pd-batch-id", "console-pd-1");
        s.type("#pd-batch-file", bad.toAbsolutePath().toString());
        s.click("#pd-batch-submit");
        s.waitFor("['整批退回', '共 2 行', '可接受 1 行', '有误 1 行'].every(t => " + textOf("#pd-receipt") + ".includes(t)) && "
                + "[...document.querySelectorAll('#pd-rejected tbody tr')].length === 1 && "
                + "document.querySelector('#pd-rejected tbody tr td').innerText.trim() === '2'", 20_000);
        s.severeLogs(); // the refused batch's 422 is the expected one
        String receipt = s.text("#pd-receipt");
        assertTrue(receipt, receipt.contains("共 2 行") && receipt.contains("可接受 1 行") && receipt.contains("有误 1 行"));
        screenshot(s, "61-platform-rejected-rows");
        assertEquals(404, Http.get(API + "/v1/platform-data/jurisdictions/370500/batches/console-pd-1", "city-admin").status());

        // corrected, the same batch id goes in
        s.type("#pd-batch-file", fixed.toAbsolutePath().toString());
        s.click("#pd-batch-submit");
        s.waitFor(textOf("#pd-receipt") + ".includes('已入库')", 20_000);
        Http.Reply batch = Http.get(API + "/v1/platform-data/jurisdictions/370500/batches/console-pd-1", "city-admin");
        assertEquals(batch.body(), 200, batch.status());
        assertTrue(batch.body(), Json.has(batch.body(), "rows", 1) && Json.has(batch.body(), "receivedBy", "city-admin")
                && Json.has(batch.body(), "sourceSystem", SOURCE));
        s.clickXpath("//div[contains(@class,'el-dialog') and .//input[@id='pd-batch-file']]//button[normalize-space(.)='关闭']");
        s.waitFor(textOf("#pd-batches") + ".includes('console-pd-1')", 10_000);

        // the metric's aggregate per unit, and the unit's rows down to the batch
        s.click("#tab-metrics");
        s.clickXpath("//table//tr[.//td[contains(.,'" + METRIC_NAME + "')]]//button[contains(@class,'pd-aggregate')]");
        s.waitFor(textOf("#pd-aggregate-table") + ".includes(" + js(unitName) + ") && " + textOf("#pd-aggregate-table") + ".includes('91')", 15_000);
        s.click("#pd-aggregate-table .pd-rows");
        s.waitFor(textOf("#pd-rows") + ".includes(" + js(day) + ") && " + DRAWER_IN_PLACE, 15_000);
        screenshot(s, "62-platform-aggregate-rows");
        noConsoleErrors(s);
        s.close();
    }

    @Test
    public void anInvalidBundleUploadedInTheBrowserIsRefusedWithItsReasons() throws Exception {
        Http.await(API + "/v1/health", null, r -> r.status() == 200, 120_000);
        Http.await(API + "/v1/contributions", "city-admin", r -> Json.anyText(r.body(), "cn.supervision.county.lijin"), 60_000);
        // 东营区's bundle carrying a unit of 广饶县: beyond its authority
        Path jar = file("console-foreign", ".jar", TestBundles.jar("cn.supervision.county.console_foreign", "1.0.0", "370502",
                Map.of("units/a.json", TestBundles.units("370523", "CF1", "控制台越界单位"))));

        Driver.Session s = loginAs("city-admin");
        s.open(BASE + "/console/contributions");
        s.waitFor(textOf("#contributions-table") + ".includes('cn.supervision.county.lijin')", 20_000);
        s.click("#contribution-upload");
        s.waitFor("document.querySelector('#contribution-file') !== null && document.querySelector('#contribution-file').offsetParent !== null", 10_000);
        s.type("#contribution-file", jar.toAbsolutePath().toString());
        s.click("#contribution-submit");
        s.waitFor(textOf("#contribution-result") + ".includes('已拒绝') && " + textOf("#contribution-result") + ".includes('超出本贡献包的权限')", 30_000);
        screenshot(s, "63-contribution-refused");

        Http.Reply list = Http.get(API + "/v1/contributions", "city-admin");
        JsonNode record = Json.find(Json.of(list), "symbolicName", "cn.supervision.county.console_foreign");
        assertTrue(record.toString(), Json.is(record, "state", "REJECTED", "installedBy", "city-admin")
                && Json.anyText(record, "超出本贡献包的权限"));

        // the listing shows the refusal and its reasons; the history shows the refusal event
        s.clickXpath("//div[contains(@class,'el-dialog') and .//input[@id='contribution-file']]//button[normalize-space(.)='关闭']");
        s.waitFor("[...document.querySelectorAll('#contributions-table tbody tr')].some(tr => tr.innerText.includes('console_foreign') "
                + "&& tr.innerText.includes('已拒绝') && tr.innerText.includes('超出本贡献包的权限'))", 15_000);
        s.clickXpath("//tr[.//td[contains(.,'cn.supervision.county.console_foreign')]]//button[contains(@class,'contribution-history')]");
        s.waitFor("[...document.querySelectorAll('.el-drawer')].some(d => d.innerText.includes('console_foreign') && d.innerText.includes('拒绝') "
                + "&& d.innerText.includes('超出本贡献包的权限') && d.innerText.includes('city-admin')) && " + DRAWER_IN_PLACE, 15_000);
        screenshot(s, "64-contribution-history");
        noConsoleErrors(s);
        s.close();
    }

    @Test
    public void cityOfficeReadsTheAuditLogAndThePassRuns() throws Exception {
        Http.await(API + "/v1/health", null, r -> r.status() == 200, 120_000);
        scheduler.runNow(Caller.system("console-it"), "task-deadlines");
        // an entry of lijin-admin's own, to filter on
        assertEquals(200, Http.json("PUT", API + "/v1/platform-data/jurisdictions/370522/metrics/console.lijin-audit", "lijin-admin",
                "{\"name\":\"利津审计筛选测试\",\"sourceSystem\":\"console-audit\",\"aggregation\":\"SUM\"}").status());

        Driver.Session s = loginAs("city-admin");
        s.open(BASE + "/console/audit");
        // rows and a total: the total asserted below, not any "共" of the pager
        s.waitFor("document.querySelectorAll('#audit-table tbody tr').length > 0 && "
                + "Number(document.querySelector('#audit-pager .el-pagination__total')?.innerText.replace(/[^0-9]/g, '') || 0) > 1", 20_000);
        long total = Long.parseLong(s.script("return document.querySelector('#audit-pager .el-pagination__total').innerText.replace(/[^0-9]/g, '')"));
        assertTrue("entries " + total, total > 1);
        screenshot(s, "65-audit-log");
        s.type("#audit-user", "lijin-admin");
        s.click("#audit-search");
        s.waitFor("[...document.querySelectorAll('#audit-table tbody tr')].length > 0 && [...document.querySelectorAll('#audit-table tbody tr')]"
                + ".every(tr => tr.innerText.includes('lijin-admin')) && " + textOf("#audit-table") + ".includes('平台数据')", 15_000);

        s.open(BASE + "/console/scheduler-runs");
        s.waitFor("[...document.querySelectorAll('#pass-runs tbody tr')].some(tr => tr.innerText.includes('任务期限与催报') && tr.innerText.includes('成功'))", 20_000);
        Http.Reply runs = Http.get(API + "/v1/scheduler/runs?limit=1000", "city-admin");
        assertEquals(runs.body(), 200, runs.status());
        String count = s.script("return document.body.innerText.match(/共 (\\d+) 条/)[1]");
        assertEquals(Json.count(runs.body(), "pass"), Integer.parseInt(count));
        screenshot(s, "66-scheduler-runs");
        noConsoleErrors(s);
        s.close();
    }

    @Test
    public void aCountyOfficeSeesOnlyItsOwnAndAUnitUserNone() throws Exception {
        Http.await(API + "/v1/health", null, r -> r.status() == 200, 120_000);
        Http.await(API + "/v1/contributions", "city-admin", r -> Json.anyText(r.body(), "cn.supervision.county.lijin"), 60_000);
        // another county's refused bundle and the city's own metric: none of lijin's business
        Http.Reply other = Http.call("POST", API + "/v1/contributions", "city-admin", JAR, TestBundles.jar("cn.supervision.county.console_other",
                "1.0.0", "370502", Map.of("units/a.json", TestBundles.units("370523", "CO1", "别区越界单位"))));
        assertEquals(other.body(), 201, other.status());
        assertEquals(200, Http.json("PUT", API + "/v1/platform-data/jurisdictions/370500/metrics/console.city-only", "city-admin",
                "{\"name\":\"市本级专用指标\",\"sourceSystem\":\"console-city\",\"aggregation\":\"SUM\"}").status());
        assertEquals(200, Http.json("PUT", API + "/v1/platform-data/jurisdictions/370522/metrics/console.lijin-only", "lijin-admin",
                "{\"name\":\"利津县专用指标\",\"sourceSystem\":\"console-lijin\",\"aggregation\":\"SUM\"}").status());

        Driver.Session s = loginAs("lijin-admin");
        String menu = menus(s);
        assertTrue(menu, menu.contains("平台数据") && menu.contains("扩展包") && menu.contains("操作日志"));
        assertFalse("the passes are the city's: " + menu, menu.contains("定时任务"));
        s.open(BASE + "/console/contributions");
        s.waitFor(textOf("#contributions-table") + ".includes('cn.supervision.county.lijin')", 20_000);
        String bundles = s.text("#contributions-table");
        assertFalse(bundles, bundles.contains("console_other") || bundles.contains("cn.supervision.city.dongying") || bundles.contains("guangrao"));
        screenshot(s, "67-contributions-county");

        s.open(BASE + "/console/platform-data");
        s.waitFor(textOf("#pd-metrics") + ".includes('利津县专用指标')", 20_000);
        assertFalse(s.text("#pd-metrics").contains("市本级专用指标"));
        screenshot(s, "68-platform-county");

        s.open(BASE + "/console/audit");
        s.waitFor("document.querySelectorAll('#audit-table tbody tr').length > 0 && document.querySelector('#audit-table tbody').innerText.includes('lijin-admin')", 20_000);
        String audit = s.script("return document.querySelector('#audit-table tbody').innerText");
        assertFalse(audit, audit.contains("city-admin"));
        assertTrue(audit, audit.contains("lijin-admin"));

        s.open(BASE + "/console/scheduler-runs");
        s.waitFor("location.pathname !== '/console/scheduler-runs' && document.querySelector('#who') !== null", 10_000);
        noConsoleErrors(s);
        s.close();

        Driver.Session unit = loginAs("czj-user");
        String unitMenu = menus(unit);
        assertFalse(unitMenu, unitMenu.contains("平台数据") || unitMenu.contains("扩展包") || unitMenu.contains("操作日志") || unitMenu.contains("定时任务"));
        for (String page : new String[] {"platform-data", "contributions", "audit", "scheduler-runs"}) {
            unit.open(BASE + "/console/" + page);
            unit.waitFor("location.pathname !== '/console/" + page + "' && document.querySelector('#who') !== null", 10_000);
        }
        screenshot(unit, "69-unit-user-redirected");
        noConsoleErrors(unit);
        unit.close();
        assertEquals(403, Http.get(API + "/v1/scheduler/runs", "lijin-admin").status());
        assertEquals("[]", Http.get(API + "/v1/contributions", "czj-user").body());
    }
}
