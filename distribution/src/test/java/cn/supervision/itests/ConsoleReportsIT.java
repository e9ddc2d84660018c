package cn.supervision.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static cn.supervision.itests.ConsoleBrowser.loginAs;
import static cn.supervision.itests.ConsoleBrowser.menus;
import static cn.supervision.itests.ConsoleBrowser.noConsoleErrors;
import static cn.supervision.itests.ConsoleBrowser.screenshot;

import java.time.LocalDate;
import java.time.ZoneId;

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
 * The console's reports area in a real headless Chromium: the office generates a campaign report (PDF) of a published
 * campaign on the 公文 page and finds it over the API with its SHA-256; drafts a special report (专题报告), which another
 * office member approves, and sends it to city-leader; the leader (a fresh session) reads it, is shown the field error
 * of an empty instruction, then instructs with a task for the finance bureau; the office sees the instruction and the
 * task (督办任务); the bureau reports progress (also at phone width) and the office closes the task. Lijin's office and
 * leader never see the city's report; the unit has no special-reports page.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ConsoleReportsIT {
    static final String BASE = ConsoleBrowser.BASE;
    static final String API = PlatformIT.API;
    static final String CAMPAIGN = "控制台公文测试：2026年8月专项监管";
    static final String REPORT = "控制台专报测试：关于市财政局政府采购监督的专报";
    static final String INSTRUCTION = "请市财政局牵头研究落实，控制台批示测试。";
    static final String TASK = "控制台督办：建立政府采购监督检查制度";
    static final String ENTER = "\uE007";
    static final String TAB = "\uE004";

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

    /** The city's special campaign on CZJ, with one office input, published: what result documents are made of. */
    private static long publishedCampaign(long czj) throws Exception {
        Http.Reply systems = Http.await(API + "/v1/indicator-systems?jurisdiction=370500&status=PUBLISHED", "city-admin",
                r -> r.status() == 200 && Json.anyText(r.body(), "东营市市直部门单位职能运行监管指标体系"), 60_000);
        long system = Json.firstId(systems.body());
        String plan = "{\"kind\":\"SPECIAL\",\"title\":\"" + CAMPAIGN + "\",\"period\":{\"type\":\"MONTH\",\"year\":2026,\"number\":8},"
                + "\"systems\":{\"PARTY_ORGAN\":" + system + ",\"GOVERNMENT_DEPARTMENT\":" + system + ",\"PUBLIC_INSTITUTION\":" + system + "},"
                + "\"targetUnitIds\":[" + czj + "]}";
        Http.Reply created = Http.json("POST", API + "/v1/campaigns", "city-admin", "{\"jurisdictionCode\":\"370500\",\"plan\":" + plan + "}");
        assertEquals(created.body(), 201, created.status());
        long campaign = Json.id(created.body());
        String path = API + "/v1/campaigns/" + campaign;
        assertEquals(200, Http.json("POST", path + "/transitions", "city-admin", "{\"to\":\"COLLECTING\",\"reason\":\"开始采集\"}").status());
        Http.Reply input = Http.json("POST", path + "/inputs", "city-admin",
                "{\"unitId\":" + czj + ",\"code\":\"D1.1\",\"input\":{\"value\":88},\"source\":\"OFFICE\",\"explanation\":\"市编办核定\"}");
        assertEquals(input.body(), 201, input.status());
        assertEquals(200, Http.json("POST", path + "/transitions", "city-admin", "{\"to\":\"SCORING\",\"reason\":\"采集截止\"}").status());
        Http.Reply published = Http.json("POST", path + "/transitions", "city-admin", "{\"to\":\"PUBLISHED\",\"reason\":\"市编委会审定\"}");
        assertEquals(published.body(), 200, published.status());
        return campaign;
    }

    /** No dialog, drawer or message box is showing (their overlays are gone). */
    private static final String NO_OVERLAY = "[...document.querySelectorAll('.el-overlay')].every(o => getComputedStyle(o).display === 'none')";

    /** Every dropdown and date panel has closed (their leaving transition over): nothing covers the buttons below them. */
    private static final String POPPERS_CLOSED = "[...document.querySelectorAll('.el-popper')].filter(p => p.querySelector('.el-select-dropdown, .el-picker-panel'))"
            + ".every(p => getComputedStyle(p).display === 'none')";

    /** Opens an el-select (by the id of its input), types into its filter and picks the option containing {@code option}. */
    private static void choose(Driver.Session s, String inputId, String filter, String option, boolean multiple) throws Exception {
        s.clickXpath("//div[contains(@class,'el-select__wrapper')][.//input[@id='" + inputId + "']]");
        if (filter != null) {
            s.type("#" + inputId, filter);
        }
        String item = "//li[contains(@class,'el-select-dropdown__item') and contains(., '" + option + "')]";
        s.waitFor("document.evaluate(\"" + item + "\", document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue !== null", 10_000);
        s.clickXpath(item);
        if (!multiple) {
            s.waitFor(POPPERS_CLOSED, 10_000);
        }
    }

    @Test
    public void documentsSpecialReportInstructionAndTaskThroughTheConsole() throws Exception {
        Http.await(API + "/v1/health", null, r -> r.status() == 200, 120_000);
        long czj = Json.firstId(Http.await(API + "/v1/jurisdictions/370500/units", "czj-user", r -> r.status() == 200, 60_000).body());
        long campaign = publishedCampaign(czj);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        // ---------------------------------------------------------------- 公文: the office generates a campaign report (PDF)
        Driver.Session office = loginAs("city-admin");
        String menu = menus(office);
        assertTrue(menu, menu.contains("公文") && menu.contains("专题报告") && menu.contains("督办任务"));
        office.open(BASE + "/console/documents");
        office.waitFor("document.querySelector('#documents-table') !== null && !document.querySelector('.el-loading-mask')", 20_000);
        office.click("#document-generate");
        office.waitFor("document.querySelector('#gen-campaign') !== null && !document.querySelector('.el-dialog .el-loading-mask')", 10_000);
        choose(office, "gen-campaign", "控制台公文测试", CAMPAIGN, false);
        office.click("#gen-submit");
        office.waitFor("document.querySelector('#gen-result') !== null && document.querySelector('#gen-result').innerText.includes('SHA-256')"
                + " && /^[0-9a-f]{64}$/.test(document.querySelector('#gen-result code')?.innerText.trim())", 30_000);
        String sha = office.script("return document.querySelector('#gen-result code').innerText.trim()");
        assertTrue(sha, sha.matches("[0-9a-f]{64}"));
        screenshot(office, "80-document-generated");
        String listed = Http.get(API + "/v1/documents?kind=CAMPAIGN_REPORT&subject=campaign:" + campaign, "city-admin").body();
        assertTrue(listed, Json.has(listed, "sha256", sha) && Json.has(listed, "format", "PDF") && Json.has(listed, "createdBy", "city-admin"));
        long document = Json.idWhere(listed, "sha256", sha);
        Http.Reply pdf = Http.get(API + "/v1/documents/" + document + "/content", "city-admin");
        assertEquals(200, pdf.status());
        assertTrue(new String(pdf.bytes(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("%PDF-"));
        assertEquals("\"" + sha + "\"", pdf.header("ETag"));
        // the download shows its progress to the end
        office.click("#gen-download");
        office.waitFor("document.querySelector('.el-dialog .transfer-done') !== null && /[0-9] [KM]B/.test(document.querySelector('.el-dialog .transfer-done').innerText)", 20_000);
        office.clickXpath("//div[contains(@class,'el-dialog')]//button[.//span[text()='关闭']]");
        office.waitFor(NO_OVERLAY + " && document.querySelector('#documents-table').innerText.includes('" + sha.substring(0, 12) + "')", 20_000);
        screenshot(office, "81-documents");
        office.clickXpath("//div[contains(@class,'el-tabs__item') and contains(., '文书模板')]");
        office.waitFor("document.querySelector('#templates-table') && document.querySelector('#templates-table').innerText.includes('special-report.html')", 20_000);
        noConsoleErrors(office);

        // ---------------------------------------------------------------- 专题报告: drafted, submitted, approved by another member, sent
        office.open(BASE + "/console/special-reports");
        office.waitFor("document.querySelector('#reports-table') !== null && !document.querySelector('.el-loading-mask')", 20_000);
        office.click("#report-new");
        office.waitFor("document.querySelector('#report-title') !== null && !document.querySelector('.el-dialog .el-loading-mask')", 10_000);
        office.type("#report-title", REPORT);
        office.type("#report-heading-0", "一、基本情况");
        office.type("#report-text-0", "专项检查发现市财政局连续两年未开展政府采购监督检查。");
        office.click("#report-add-section");
        office.waitFor("document.querySelector('#report-text-1') !== null", 10_000);
        office.type("#report-heading-1", "二、处理建议");
        office.type("#report-text-1", "建议责成限期整改，并纳入年度监管重点。");
        office.click("#report-save");
        office.waitFor("/^\\/console\\/special-reports\\/[0-9]+$/.test(location.pathname) && document.querySelector('#report-state') !== null"
                + " && document.querySelector('#report-state').innerText.includes('草稿')", 20_000);
        long report = Long.parseLong(office.script("return location.pathname.split('/').pop()"));
        office.click("#report-submit");
        office.waitFor("document.querySelector('#report-state').innerText.includes('审核中') && document.querySelector('#report-approve').disabled", 20_000);
        String drafted = Http.get(API + "/v1/special-reports/" + report, "city-admin").body();
        assertTrue(drafted, Json.has(drafted, "state", "IN_REVIEW") && Json.anyText(drafted, "二、处理建议") && Json.has(drafted, "drafter", "city-admin"));

        Driver.Session reviewer = loginAs("city-office-head");
        reviewer.open(BASE + "/console/special-reports/" + report);
        reviewer.waitFor("document.querySelector('#report-approve') !== null && !document.querySelector('#report-approve').disabled", 20_000);
        reviewer.click("#report-approve");
        reviewer.waitFor("document.querySelector('.el-message-box') !== null", 10_000);
        reviewer.clickXpath("//div[contains(@class,'el-message-box')]//button[contains(., '审核通过')]");
        reviewer.waitFor("document.querySelector('#report-state').innerText.includes('已审核') && document.body.innerText.includes('期号')", 20_000);
        noConsoleErrors(reviewer);
        reviewer.close();

        office.open(BASE + "/console/special-reports/" + report);
        office.waitFor("document.querySelector('#report-send') !== null", 20_000);
        office.click("#report-send");
        office.waitFor("document.querySelector('#send-leaders') !== null", 10_000);
        choose(office, "send-leaders", "city-leader", "city-leader", true);
        office.waitFor("[...document.querySelectorAll('.el-dialog .el-select .el-tag')].some(t => t.innerText.includes('city-leader'))", 10_000);
        // a multiple select stays open after a choice: a click on the dialog's title closes it
        office.clickXpath("//span[contains(@class,'el-dialog__title') and text()='报送领导']");
        office.waitFor("[...document.querySelectorAll('.el-select-dropdown__item')].every(li => !li.offsetParent || !li.innerText.includes('city-leader'))", 10_000);
        office.click("#send-submit");
        office.waitFor(NO_OVERLAY + " && document.querySelector('#report-state').innerText.includes('已报送领导') && document.querySelector('#report-archived') !== null", 30_000);
        screenshot(office, "82-report-sent");
        String sent = Http.get(API + "/v1/special-reports/" + report, "city-admin").body();
        assertTrue(sent, Json.has(sent, "state", "SENT") && Json.has(sent, "username", "city-leader") && Json.has(sent, "documentNumber", Json.text()));
        noConsoleErrors(office);

        // ---------------------------------------------------------------- the leader reads and instructs (fresh session)
        Driver.Session leader = loginAs("city-leader");
        assertTrue(menus(leader), menus(leader).contains("专题报告") && menus(leader).contains("督办任务"));
        leader.open(BASE + "/console/special-reports");
        leader.waitFor("document.querySelector('#reports-table') && document.querySelector('#reports-table').innerText.includes('" + REPORT + "')", 20_000);
        screenshot(leader, "83-leader-reports");
        leader.clickXpath("//div[@id='reports-table']//tr[.//a[contains(., '" + REPORT + "')]]//button[.//span[text()='阅办']]");
        leader.waitFor("document.querySelector('#report-read') !== null && document.body.innerText.includes('建议责成限期整改')", 20_000);
        leader.click("#report-read");
        leader.waitFor("document.querySelector('#report-read') === null && document.querySelector('#report-actions').innerText.includes('已签阅')", 20_000);
        leader.click("#report-instruct");
        leader.waitFor("document.querySelector('#instruct-text') !== null", 10_000);
        leader.click("#instruct-submit");
        leader.waitFor("[...document.querySelectorAll('.el-dialog')].some(d => d.innerText.includes('批示内容必填'))"
                + " && [...document.querySelectorAll('.el-dialog .el-form-item.is-error')].some(e => e.innerText.includes('批示内容'))", 10_000);
        leader.severeLogs(); // the refused empty instruction's 400 is the expected one, shown next to the field
        assertTrue(leader.script("return [...document.querySelectorAll('.el-dialog .el-form-item.is-error')].map(e => e.innerText).join('|')").contains("批示内容"));
        screenshot(leader, "84-instruction-field-error");
        leader.type("#instruct-text", INSTRUCTION);
        leader.click(".el-dialog .task-add");
        leader.waitFor("document.querySelector('.task-title-0 input') !== null", 10_000);
        leader.type(".task-title-0 input", TASK);
        leader.clickXpath("//div[contains(@class,'task-owner-0')]//div[contains(@class,'el-select__wrapper')]");
        leader.type(".task-owner-0 input", "财政");
        String czjOption = "//li[contains(@class,'el-select-dropdown__item') and contains(., '（CZJ）')]";
        leader.waitFor("document.evaluate(\"" + czjOption + "\", document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue !== null", 10_000);
        leader.clickXpath(czjOption);
        leader.waitFor(POPPERS_CLOSED, 10_000);
        leader.type(".task-deadline-0 input", today.plusDays(30) + ENTER);
        leader.waitFor(POPPERS_CLOSED, 10_000);
        leader.click("#instruct-submit");
        leader.waitFor(NO_OVERLAY + " && document.querySelector('#report-instructions').innerText.includes('" + INSTRUCTION + "')"
                + " && document.querySelector('#report-instructions').innerText.includes('" + TASK + "') && !document.querySelector('.el-loading-mask')", 20_000);
        screenshot(leader, "85-leader-instruction");
        String instructed = Http.get(API + "/v1/special-reports/" + report, "city-leader").body();
        assertTrue(instructed, Json.has(instructed, "state", "INSTRUCTED") && Json.has(instructed, "channel", "PLATFORM")
                && Json.anyText(instructed, INSTRUCTION)
                && Json.any(Json.parse(instructed).path("recipients"), r -> Json.is(r, "username", "city-leader", "readAt", Json.text())));
        long task = Json.elements(Json.parse(instructed).path("instructions")).flatMap(i -> Json.elements(i.path("taskIds")))
                .mapToLong(JsonNode::longValue).findFirst().orElseThrow(() -> new AssertionError("no task in " + instructed));
        String tracked = Http.get(API + "/v1/tasks/" + task, "city-admin").body();
        assertTrue(tracked, Json.anyText(tracked, TASK) && Json.has(tracked, "ownerCode", "CZJ") && Json.has(tracked, "deadline", today.plusDays(30)));
        noConsoleErrors(leader);
        leader.close();

        // ---------------------------------------------------------------- the office sees the instruction and its task
        office.open(BASE + "/console/special-reports/" + report);
        office.waitFor("document.querySelector('#report-state') && document.querySelector('#report-state').innerText.includes('已批示')"
                + " && document.querySelector('#report-instructions').innerText.includes('" + TASK + "') && !document.querySelector('.el-loading-mask')", 20_000);
        screenshot(office, "86-office-instruction");
        office.open(BASE + "/console/supervision-tasks");
        office.waitFor("document.querySelector('#supervision-tasks-table') && document.querySelector('#supervision-tasks-table').innerText.includes('" + TASK + "')", 20_000);
        office.clickXpath("//div[@id='supervision-tasks-table']//tr[.//a[contains(., '" + TASK + "')]]//button[.//span[text()='详情']]");
        office.waitFor("document.querySelector('#task-drawer') && document.querySelector('#task-drawer').innerText.includes('查看专题报告')"
                + " && document.querySelector('#task-close') !== null && !document.querySelector('#task-drawer .el-loading-mask')", 20_000);
        screenshot(office, "87-office-task");
        noConsoleErrors(office);

        // ---------------------------------------------------------------- the unit reports progress, at phone width too
        Driver.Session unit = loginAs("czj-user");
        String unitMenu = menus(unit);
        assertTrue(unitMenu, unitMenu.contains("督办任务") && !unitMenu.contains("专题报告"));
        unit.open(BASE + "/console/special-reports");
        unit.waitFor("location.pathname !== '/console/special-reports' && document.querySelector('#who') !== null", 10_000);
        unit.call("POST", "/window/rect", "{\"width\":390,\"height\":844}");
        unit.open(BASE + "/console/supervision-tasks");
        unit.waitFor("document.querySelector('#supervision-tasks-table') && document.querySelector('#supervision-tasks-table').innerText.includes('" + TASK + "')", 20_000);
        unit.clickXpath("//div[@id='supervision-tasks-table']//tr[.//a[contains(., '" + TASK + "')]]//button[.//span[text()='详情']]");
        unit.waitFor("document.querySelector('#progress-text') !== null", 20_000);
        unit.type("#progress-text", "已起草监督检查制度（见制度草案及征求意见稿），正在征求意见。");
        unit.clear("#progress-percent");
        unit.type("#progress-percent", "60" + TAB);
        screenshot(unit, "89-unit-progress-phone");
        unit.click("#progress-submit");
        unit.waitFor("document.querySelector('#task-progress') && document.querySelector('#task-progress').innerText.includes('已起草监督检查制度')", 20_000);
        unit.call("POST", "/window/rect", "{\"width\":1366,\"height\":768}");
        unit.waitFor("window.innerWidth > 1000", 10_000);
        screenshot(unit, "88-unit-progress");
        String progressed = Http.get(API + "/v1/tasks/" + task, "czj-user").body();
        assertTrue(progressed, Json.anyText(progressed, "已起草监督检查制度") && Json.has(progressed, "percent", 60) && Json.has(progressed, "reportedBy", "czj-user"));
        assertFalse("the unit cannot close", unit.script("return String(document.querySelector('#task-close') !== null)").equals("true"));
        noConsoleErrors(unit);
        unit.close();

        // the office closes the task with a note
        office.open(BASE + "/console/supervision-tasks?task=" + task);
        office.waitFor("document.querySelector('#task-close') !== null && document.querySelector('#task-progress').innerText.includes('已起草监督检查制度')", 20_000);
        // clicked in the page: while the drawer settles its buttons can overlap, and a WebDriver click meets the neighbour
        office.script("document.querySelector('#task-close').click(); return ''");
        office.waitFor("document.querySelector('#decision-text') !== null", 10_000);
        office.type("#decision-text", "制度已印发，控制台办结");
        office.click("#decision-submit");
        office.waitFor("document.querySelector('#task-state') && document.querySelector('#task-state').innerText.includes('已办结')", 20_000);
        assertTrue(Json.has(Http.get(API + "/v1/tasks/" + task, "city-admin").body(), "state", "DONE"));
        noConsoleErrors(office);
        office.close();

        // ---------------------------------------------------------------- Lijin's office and leader never see the city's report
        for (String user : new String[] {"lijin-admin", "lijin-leader"}) {
            Driver.Session other = loginAs(user);
            other.open(BASE + "/console/special-reports");
            other.waitFor("document.querySelector('#reports-table') !== null && !document.querySelector('.el-loading-mask')", 20_000);
            assertFalse(user, other.text("#reports-table").contains(REPORT));
            other.open(BASE + "/console/supervision-tasks");
            other.waitFor("document.querySelector('#supervision-tasks-table') !== null && !document.querySelector('.el-loading-mask')", 20_000);
            assertFalse(user, other.text("#supervision-tasks-table").contains(TASK));
            noConsoleErrors(other);
            other.open(BASE + "/console/special-reports/" + report);
            other.waitFor("document.querySelector('.problem') !== null", 20_000);
            other.severeLogs(); // the refused report's 403 is the expected one, shown on the page
            assertFalse(user, other.script("return document.body.innerText").contains("建议责成限期整改"));
            assertEquals(user, 403, Http.get(API + "/v1/special-reports/" + report, user).status());
            assertFalse(user, Json.anyText(Http.get(API + "/v1/special-reports", user).body(), REPORT));
            other.close();
        }
    }
}
