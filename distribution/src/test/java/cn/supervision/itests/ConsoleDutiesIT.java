package cn.supervision.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static cn.supervision.itests.ConsoleBrowser.loginAs;
import static cn.supervision.itests.ConsoleBrowser.menus;
import static cn.supervision.itests.ConsoleBrowser.noConsoleErrors;
import static cn.supervision.itests.ConsoleBrowser.screenshot;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

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
import cn.supervision.spreadsheet.Sheet;
import cn.supervision.spreadsheet.Xlsx;

/**
 * The console's duty layer in a real browser: the city office opens 职责清单 for a demo unit (typed duties), then for
 * a unit of its own; imports its power list from an .xlsx (a bad workbook first: every bad row and its reason listed,
 * nothing imported; then the good one), downloads the template and the export, compares list and duties; reads the
 * year's duty coverage and the duties never assessed; runs the overlap analysis and dismisses the overlap it planted
 * with a reason. A leader reads the analysis without its buttons; a unit user gets none of these pages.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ConsoleDutiesIT {
    static final String BASE = ConsoleBrowser.BASE;
    static final String API = PlatformIT.API;
    private static final String NO_MASK = "!document.querySelector('.el-loading-mask')";
    private static final String NO_OVERLAY = "[...document.querySelectorAll('.el-overlay')].every(o => getComputedStyle(o).display === 'none')";
    private static final String OVERLAP_TEXT = "负责全市控制台盐碱地改良示范项目的审批和监督检查，组织实施盐碱地综合治理和土壤改良技术推广。";
    private static final String OVERLAP_TWIN = "组织实施全市控制台盐碱地改良示范项目的监督检查，负责盐碱地综合治理和土壤改良技术推广工作。";

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

    /** The platform is up and the duty layer's resources published (they are republished one by one at boot). */
    @Before
    public void platformUp() throws Exception {
        Http.await(API + "/v1/health", null, r -> r.status() == 200, 120_000);
        Http.await(API + "/v1/session", null, r -> r.status() != 404 && r.status() < 500, 60_000);
        Http.await(API + "/v1/jurisdictions/370500/units?limit=1", "city-admin", r -> r.status() == 200, 60_000);
        Http.await(API + "/v1/duties?jurisdiction=370500&limit=1", "city-admin", r -> r.status() == 200, 60_000);
        Http.await(API + "/v1/power-lists/template", "city-admin", r -> r.status() == 200, 60_000);
        Http.await(API + "/v1/duty-coverage/stale?jurisdiction=370500&years=3&until=2026", "city-admin", r -> r.status() == 200, 60_000);
        Http.await(API + "/v1/duty-analysis/proposals?jurisdiction=370500&limit=1", "city-admin", r -> r.status() == 200, 60_000);
    }

    private static String suffix() {
        return Long.toString(System.nanoTime() % 10_000_000_000L, 36).toUpperCase();
    }

    private static Path workbook(String name, List<List<Object>> rows) throws Exception {
        Path file = Files.createTempDirectory("power-list").toAbsolutePath().resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            Xlsx.write(out, List.of(new Sheet("权责清单", rows)));
        }
        return file;
    }

    /** Creates a city unit with typed main duties over the API; returns its id. */
    private static long unit(String code, String name, String duties) throws Exception {
        Http.Reply r = Http.json("POST", API + "/v1/jurisdictions/370500/units", "city-admin", "{\"code\":\"" + code + "\",\"name\":\"" + name
                + "\",\"kind\":\"GOVERNMENT_DEPARTMENT\",\"mandate\":{\"duties\":[" + duties + "],\"internalBodies\":[\"办公室\"],"
                + "\"staffing\":{\"administrativeSlots\":10,\"institutionalSlots\":0,\"leadershipPosts\":3}}}");
        assertEquals(r.body(), 201, r.status());
        return Json.id(r.body());
    }

    /** Picks a unit in the 职责清单 select by typing its name, then clicking its option. */
    private static void pickUnit(Driver.Session s, String name, String code) throws Exception {
        s.clickXpath("//input[@id='duties-unit']/ancestor::div[contains(@class,'el-select__wrapper')]");
        s.type("#duties-unit", name);
        String item = "//li[contains(@class,'el-select-dropdown__item') and normalize-space(.)='" + name + "（" + code + "）']";
        s.waitFor("document.evaluate(\"" + item + "\", document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue?.offsetParent", 10_000);
        s.clickXpath(item);
    }

    private static String rowsOf(String tableId) {
        return "[...document.querySelectorAll('#" + tableId + " tbody tr')]";
    }

    @Test
    public void theCityOfficeKeepsDutiesAndPowerListsReadsCoverageAndDecidesAnOverlap() throws Exception {
        String sfx = suffix();
        String code = "CD" + sfx;
        String name = "东营市控制台职责测试局" + sfx;
        String twinCode = "CE" + sfx;
        String twinName = "东营市控制台职责对照中心" + sfx;
        long id = unit(code, name, "{\"number\":1,\"text\":\"负责控制台测试事项的行政许可和办理。\",\"type\":\"LICENSING\"},"
                + "{\"number\":2,\"text\":\"" + OVERLAP_TEXT + "\",\"type\":\"INSPECTION\"},"
                + "{\"number\":3,\"text\":\"统筹协调全市控制台测试的市场主体信用监管工作。\",\"type\":\"COORDINATION\","
                + "\"links\":[{\"unitCode\":\"SCJGJ\",\"dutyNumber\":1,\"role\":\"ASSIST\"}]},"
                + "{\"number\":4,\"text\":\"提供全市控制台测试档案的查询和利用服务。\",\"type\":\"PUBLIC_SERVICE\"}");
        unit(twinCode, twinName, "{\"number\":1,\"text\":\"" + OVERLAP_TWIN + "\",\"type\":\"INSPECTION\"}");

        // 职责清单 from the menu: a demo unit's typed duties
        Driver.Session s = loginAs("city-admin");
        s.clickXpath("//li[contains(concat(' ', @class, ' '), ' el-menu-item ') and contains(., '职责清单')]");
        s.waitFor("location.pathname === '/console/duties' && document.querySelector('#duties-unit')", 20_000);
        pickUnit(s, "东营市市场监督管理局", "SCJGJ");
        s.waitFor(rowsOf("duties-table") + ".length >= 10 && " + NO_MASK + " && ['行政许可', '行政处罚', '行政检查']"
                + ".some(t => document.querySelector('#duties-table tbody').innerText.includes(t))", 20_000);
        String demo = s.text("#duties-table");
        assertTrue(demo, demo.contains("行政许可") || demo.contains("行政处罚") || demo.contains("行政检查"));
        screenshot(s, "90-duties-demo-unit");

        // the office's own unit: its four duties with their types and the 配合 link to the market regulator's duty 1
        pickUnit(s, name, code);
        // the tags render after the rows: wait for the very texts asserted below ("配合" alone is also the column header)
        s.waitFor(rowsOf("duties-table") + ".length === 4 && ['统筹协调', '行政许可', '行政检查', '配合', '东营市市场监督管理局 职责1']"
                + ".every(t => document.querySelector('#duties-table tbody').innerText.includes(t))", 20_000);
        String own = s.text("#duties-table");
        assertTrue(own, own.contains("行政许可") && own.contains("行政检查") && own.contains("东营市市场监督管理局 职责1"));

        // a bad power list: every bad row named with its reason, nothing imported
        List<Object> header = Arrays.asList("事项编码", "事项名称", "事项类型", "设定依据", "实施主体", "责任事项", "追责情形", "对应职责序号");
        List<Object> licence = Arrays.asList("QZ" + sfx + "-001", "控制台测试事项许可", "行政许可", "《中华人民共和国行政许可法》第十二条", name,
                "受理、审查、决定、送达", "对符合条件的申请不予受理的", 1);
        List<Object> check = Arrays.asList("QZ" + sfx + "-002", "盐碱地改良示范项目监督检查", "行政检查", "《中华人民共和国土壤污染防治法》", name,
                "制定检查计划、实施检查、处理", "检查中玩忽职守的", 2);
        List<Object> penalty = Arrays.asList("QZ" + sfx + "-003", "对擅自改变示范项目用途的处罚", "行政处罚", "《山东省盐碱地治理办法》", name,
                "立案、调查、决定、执行", "违法实施处罚的", 2);
        List<Object> service = Arrays.asList("QZ" + sfx + "-004", "盐碱地改良技术咨询服务", "公共服务", "《东营市盐碱地综合利用规划》", name,
                "提供咨询、答复", "不履行服务承诺的", null);
        Path bad = workbook("power-bad.xlsx", List.of(header, licence,
                Arrays.asList("QZ" + sfx + "-001", "重复编码的事项", "行政许可", "依据", name, "", "", 1),
                Arrays.asList("QZ" + sfx + "-005", "类型不明的事项", "某种权力", "依据", name, "", "", 1),
                Arrays.asList("QZ" + sfx + "-006", "职责序号不存在的事项", "行政检查", "依据", name, "", "", 9)));
        s.click("#tab-power");
        s.waitFor("document.querySelector('#power-import-file') && document.querySelector('#power-items') && " + NO_MASK, 20_000);
        s.type("#power-import-file", bad.toString());
        s.waitFor("document.querySelector('#power-import-file-name').innerText.includes('power-bad.xlsx')", 10_000);
        s.click("#power-import-start");
        s.waitFor("document.querySelector('#power-import-rejected') && ['3', '4', '5'].every(n => " + rowsOf("power-import-rejected")
                + ".some(r => r.querySelector('td').innerText.trim() === n))"
                + " && document.querySelector('#power-import-refused')?.innerText.includes('未导入')", 30_000);
        assertTrue(s.text("#power-import-refused"), s.text("#power-import-refused").contains("未导入"));
        s.severeLogs(); // the refused import (400) is the expected one
        screenshot(s, "91-power-list-rejected");
        assertFalse(Json.anyText(Http.get(API + "/v1/power-lists/" + id, "city-admin").body(), "QZ" + sfx));

        // the good one: four items, one mapped to no duty
        Path good = workbook("power-good.xlsx", List.of(header, licence, check, penalty, service));
        s.type("#power-import-file", good.toString());
        s.waitFor("document.querySelector('#power-import-file-name').innerText.includes('power-good.xlsx')", 10_000);
        s.click("#power-import-start");
        s.waitFor("document.querySelector('#power-import-done')?.innerText.includes('已导入 4 项') && " + rowsOf("power-items")
                + ".filter(r => r.innerText.includes('QZ" + sfx + "')).length === 4"
                + " && ['未对应', '职责2'].every(t => document.querySelector('#power-items').innerText.includes(t))", 30_000);
        assertTrue(s.text("#power-items"), s.text("#power-items").contains("未对应") && s.text("#power-items").contains("职责2"));
        screenshot(s, "92-power-list-imported");
        String items = Http.get(API + "/v1/power-lists/" + id, "city-admin").body();
        assertEquals(items, 4, Json.countWhere(items, "code", Json.startingWith("QZ" + sfx + "-")));
        assertTrue(items, Json.has(items, "importedBy", "city-admin"));
        s.click("#power-export");
        s.waitFor("document.querySelector('.transfer')?.innerText.includes('已完成')", 30_000);
        s.click("#power-template");
        s.waitFor("document.querySelector('.transfer')?.innerText.includes('已完成')", 30_000);

        // 比对: the item without a duty, the duty without items (not the coordination duty: no power item has that type)
        s.click("#tab-gaps");
        s.waitFor("document.querySelector('#gaps-items-count')?.innerText.trim() === '1' && document.querySelector('#gaps-duties-count')?.innerText.trim() === '1'"
                + " && document.querySelector('#gaps-items').innerText.includes('QZ" + sfx + "-004')"
                + " && document.querySelector('#gaps-duties').innerText.includes('控制台测试档案的查询')", 20_000);
        screenshot(s, "93-power-list-gaps");
        noConsoleErrors(s);

        // 职责覆盖 of the year: the new unit's four duties, none assessed; and in the list of duties never assessed
        s.clickXpath("//li[contains(concat(' ', @class, ' '), ' el-menu-item ') and contains(., '职责覆盖')]");
        s.waitFor("location.pathname === '/console/duty-coverage'", 20_000);
        s.clickXpath("//label[contains(@class,'el-radio-button') and normalize-space(.)='按年度']");
        s.waitFor("document.querySelector('#coverage-summary') && document.querySelector('#coverage-units') && " + NO_MASK, 30_000);
        s.type(".table-search input", name);
        s.waitFor(rowsOf("coverage-units") + ".some(r => r.innerText.includes('" + name + "'))", 10_000);
        s.click("#coverage-units tbody tr .el-table__expand-icon");
        s.waitFor("[...document.querySelectorAll('#coverage-units .duty-rows tbody tr')].filter(r => r.innerText.includes('未评估')).length === 4", 10_000);
        screenshot(s, "94-duty-coverage-year");
        s.click("#coverage-export");
        s.waitFor("document.querySelector('.transfer')?.innerText.includes('已完成')", 30_000);
        s.click("#stale-load");
        s.waitFor("document.querySelector('#coverage-stale') && " + rowsOf("coverage-stale") + ".length > 0", 30_000);
        s.type("#coverage-stale-card .table-search input", name);
        s.waitFor(rowsOf("coverage-stale") + ".filter(r => r.innerText.includes('" + name + "') && r.innerText.includes('从未评估')).length === 4", 10_000);
        screenshot(s, "95-duties-not-assessed");
        noConsoleErrors(s);

        // 职责交叉与空白: the analysis runs; the planted overlap is dismissed with a reason (a first try without one is stopped)
        s.clickXpath("//li[contains(concat(' ', @class, ' '), ' el-menu-item ') and contains(., '职责交叉与空白')]");
        s.waitFor("location.pathname === '/console/duty-analysis' && document.querySelector('#analysis-run') && " + NO_MASK, 20_000);
        s.click("#analysis-run");
        s.waitFor("['分析职责', '新发现交叉', 'city-admin'].every(t => document.querySelector('#analysis-run-result')?.innerText.includes(t)) && "
                + NO_MASK, 60_000);
        String run = s.text("#analysis-run-result");
        assertTrue(run, run.contains("新发现交叉") && run.contains("city-admin"));
        s.type(".table-search input", sfx);
        s.waitFor(rowsOf("analysis-proposals") + ".some(r => r.innerText.includes('" + name + "') && r.innerText.includes('" + twinName + "')"
                + " && r.innerText.includes('%') && r.innerText.includes('盐碱地'))", 20_000);
        screenshot(s, "96-duty-analysis-run");
        String proposal = s.script("return [...document.querySelectorAll(\"#analysis-proposals [id^='dismiss-']\")]"
                + ".find(b => b.closest('tr').innerText.includes('" + twinName + "')).id.substring(8)");
        s.click("#dismiss-" + proposal);
        s.waitFor("document.querySelector('#decision-reason') && document.querySelector('#decision-dialog')?.offsetParent", 10_000);
        s.click("#decision-submit");
        s.waitFor("(document.querySelector('#decision-reason').closest('.el-form-item').querySelector('.el-form-item__error') || {}).innerText?.includes('请填写排除理由')", 10_000);
        assertTrue(Json.has(Http.get(API + "/v1/duty-analysis/proposals/" + proposal, "city-admin").body(), "state", "PROPOSED"));
        s.type("#decision-reason", "控制台测试：两单位分别负责示范项目审批和技术推广，已有分工文件");
        screenshot(s, "97-duty-analysis-dismiss");
        s.click("#decision-submit");
        s.waitFor(NO_OVERLAY + " && !document.querySelector('#dismiss-" + proposal + "')", 20_000);
        String decided = Http.get(API + "/v1/duty-analysis/proposals/" + proposal, "city-admin").body();
        assertTrue(decided, Json.has(decided, "state", "DISMISSED") && Json.anyText(decided, "已有分工文件") && Json.has(decided, "decidedBy", "city-admin"));
        noConsoleErrors(s);
        s.close();
    }

    @Test
    public void aLeaderReadsWithoutActionsAndAUnitUserGetsNoDutyPages() throws Exception {
        Driver.Session leader = loginAs("city-leader");
        String menu = menus(leader);
        assertTrue(menu, menu.contains("职责清单") && menu.contains("职责覆盖") && menu.contains("职责交叉与空白"));
        leader.open(BASE + "/console/duty-analysis");
        leader.waitFor("document.querySelector('#analysis-proposals') && document.querySelector('.table-count') && " + NO_MASK, 20_000);
        assertEquals("0", leader.script("return String(document.querySelectorAll(\"#analysis-run, [id^='dismiss-'], [id^='confirm-']\").length)"));
        screenshot(leader, "98-leader-duty-analysis");
        // a leader cannot import a power list: no import button on 职责清单
        leader.open(BASE + "/console/duties");
        leader.waitFor("document.querySelector('#duties-unit')", 20_000);
        pickUnit(leader, "东营市市场监督管理局", "SCJGJ");
        leader.click("#tab-power");
        leader.waitFor("document.querySelector('#power-items') && " + NO_MASK, 20_000);
        assertEquals("0", leader.script("return String(document.querySelectorAll('#power-import-start, #power-import-file').length)"));
        noConsoleErrors(leader);
        leader.close();

        Driver.Session unit = loginAs("czj-user");
        String unitMenu = menus(unit);
        assertFalse(unitMenu, unitMenu.contains("职责清单") || unitMenu.contains("职责覆盖") || unitMenu.contains("职责交叉与空白"));
        for (String page : List.of("duties", "duty-coverage", "duty-analysis")) {
            unit.open(BASE + "/console/" + page);
            unit.waitFor("document.querySelector('#who') && location.pathname !== '/console/" + page + "'", 20_000);
        }
        assertEquals("/console/tasks", unit.script("return location.pathname"));
        assertFalse(unit.script("return document.body.innerText").contains("职责交叉与空白"));
        screenshot(unit, "99-unit-user-no-duty-pages");
        noConsoleErrors(unit);
        unit.close();
    }
}
