package cn.supervision.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static cn.supervision.itests.ConsoleBrowser.loginAs;
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
 * The console's unit directory in a real browser: the city office creates a unit (a first attempt without a name or
 * category shows the API's errors beside those fields), edits it, reads its history, its 三定 mandate and staffing,
 * abolishes it with a reason; imports units from an .xlsx (one bad row: the per-row report names row and column, nothing
 * is imported; then the corrected file: the report lists the created units) and exports the directory. A county office
 * sees only its own county's units and cannot open a city unit; a unit user is sent home.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ConsoleUnitsIT {
    static final String BASE = ConsoleBrowser.BASE;
    static final String API = PlatformIT.API;
    private static final String TABLE_LOADED = "document.querySelector('.table-count') && /共 [0-9]+ 条/.test(document.querySelector('.table-count').innerText)"
            + " && !document.querySelector('.el-loading-mask')";
    private static final String NO_OVERLAY = "[...document.querySelectorAll('.el-overlay')].every(o => getComputedStyle(o).display === 'none')";

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

    /** The platform is up and its resources published (they are republished one by one at boot). */
    @Before
    public void platformUp() throws Exception {
        Http.await(API + "/v1/health", null, r -> r.status() == 200, 120_000);
        Http.await(API + "/v1/session", null, r -> r.status() != 404 && r.status() < 500, 60_000);
        Http.await(API + "/v1/jurisdictions/370500/units?limit=1", "city-admin", r -> r.status() == 200, 60_000);
        Http.await(API + "/v1/units/import-template", "city-admin", r -> r.status() == 200, 60_000);
        Http.await(API + "/v1/jurisdictions/370500/staffing?limit=1", "city-admin", r -> r.status() == 200, 60_000);
    }

    private static String suffix() {
        return Long.toString(System.nanoTime() % 10_000_000_000L, 36).toUpperCase();
    }

    private static String errorBeside(String inputId) {
        return "(document.querySelector('#" + inputId + "').closest('.el-form-item').querySelector('.el-form-item__error') || {}).innerText || ''";
    }

    private static void pick(Driver.Session s, String selectId, String option) throws Exception {
        s.clickXpath("//input[@id='" + selectId + "']/ancestor::div[contains(@class,'el-select__wrapper')]");
        String item = "//li[contains(@class,'el-select-dropdown__item') and normalize-space(.)='" + option + "']";
        s.waitFor("document.evaluate(\"" + item + "\", document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue?.offsetParent", 10_000);
        s.clickXpath(item);
    }

    private static Path workbook(String name, List<List<Object>> rows) throws Exception {
        Path file = Files.createTempDirectory("units-import").toAbsolutePath().resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            Xlsx.write(out, List.of(new Sheet("单位信息", rows)));
        }
        return file;
    }

    @Test
    public void theCityOfficeCreatesEditsAbolishesImportsAndExportsUnits() throws Exception {
        String code = "CU" + suffix();
        String name = "东营市控制台测试局" + code;
        Driver.Session s = loginAs("city-admin");
        s.open(BASE + "/console/units");
        s.waitFor(TABLE_LOADED, 20_000);
        s.click("#unit-new");
        s.waitFor("location.pathname === '/console/units/new' && document.querySelector('#unit-code')", 10_000);

        // a first attempt without name and category: the API's errors appear beside the two fields, nothing is created
        s.type("#unit-code", code);
        s.click("#unit-save");
        s.waitFor(errorBeside("unit-name") + ".includes('必填') && " + errorBeside("unit-kind") + ".includes('单位类别')", 10_000);
        assertEquals("", s.script("return " + errorBeside("unit-code")));
        s.severeLogs(); // the refused request (400) is the expected one
        screenshot(s, "30-unit-form-errors");
        assertFalse(Json.anyText(Http.get(API + "/v1/jurisdictions/370500/units?limit=1000", "city-admin").body(), code));

        s.type("#unit-name", name);
        s.type("#unit-short-name", "测试局");
        pick(s, "unit-kind", "政府部门");
        s.click("#unit-add-duty");
        s.click("#unit-add-duty");
        s.waitFor("document.querySelectorAll('#unit-duties .duty textarea').length === 2", 5_000);
        s.type("#unit-duties .duty:nth-of-type(1) textarea", "贯彻执行国家和省有关控制台测试的法律法规。");
        s.type("#unit-duties .duty:nth-of-type(2) textarea", "负责全市控制台测试工作的统筹协调。");
        s.type("#unit-bodies", "办公室\n测试科");
        s.clear("#unit-admin-slots");
        s.type("#unit-admin-slots", "12");
        s.clear("#unit-leader-posts");
        s.type("#unit-leader-posts", "3");
        s.click("#unit-save");
        s.waitFor("/^\\/console\\/units\\/[0-9]+$/.test(location.pathname) && document.querySelector('#unit-title')?.innerText.includes('" + name + "')", 20_000);
        String id = s.script("return location.pathname.split('/').pop()");
        String created = Http.get(API + "/v1/units/" + id, "city-admin").body();
        assertTrue(created, Json.has(created, "code", code) && Json.has(created, "kind", "GOVERNMENT_DEPARTMENT")
                && Json.has(created, "number", 1, "text", "贯彻执行国家和省有关控制台测试的法律法规。")
                && Json.has(created, "number", 2, "text", "负责全市控制台测试工作的统筹协调。")
                && Json.has(created, "internalBodies", Json.value("[\"办公室\",\"测试科\"]")) && Json.has(created, "administrativeSlots", 12)
                && Json.has(created, "leadershipPosts", 3));

        // its mandate (numbered duties, internal bodies, approved staffing) and staffing (approved against actual)
        s.click("#tab-mandate");
        s.waitFor("document.querySelector('#unit-mandate')?.offsetParent && document.querySelector('#unit-mandate').innerText.includes('2.')"
                + " && document.querySelector('#unit-mandate').innerText.includes('负责全市控制台测试工作的统筹协调') && document.querySelector('#unit-mandate').innerText.includes('测试科')", 10_000);
        screenshot(s, "31-unit-mandate");
        s.click("#tab-staffing");
        s.waitFor("document.querySelector('#staffing-table')?.offsetParent && document.querySelector('#staffing-table').innerText.includes('行政编制')"
                + " && document.querySelector('#staffing-table').innerText.includes('12')", 10_000);
        s.click("#staffing-record");
        s.waitFor("document.querySelector('#record-admin')?.offsetParent", 10_000);
        s.clear("#record-admin");
        s.type("#record-admin", "14");
        s.clear("#record-leaders");
        s.type("#record-leaders", "3");
        s.click("#record-submit");
        s.waitFor("document.querySelector('#staffing-table').innerText.includes('超 2') && " + NO_OVERLAY, 20_000);
        String staffing = Http.get(API + "/v1/units/" + id + "/staffing", "city-admin").body();
        assertTrue(staffing, Json.has(staffing, "administrativeStaff", 14) && Json.has(staffing, "recordedBy", "city-admin"));
        screenshot(s, "32-unit-staffing");

        // edited: a new name; the history shows who changed what
        s.click("#unit-edit");
        s.waitFor("location.pathname === '/console/units/" + id + "/edit' && document.querySelector('#unit-name')?.value === '" + name + "'", 10_000);
        s.clear("#unit-name");
        s.type("#unit-name", name + "（更名）");
        s.click("#unit-save");
        s.waitFor("location.pathname === '/console/units/" + id + "' && document.querySelector('#unit-title')?.innerText.includes('（更名）')", 20_000);
        String edited = Http.get(API + "/v1/units/" + id, "city-admin").body();
        assertTrue(edited, Json.has(edited, "name", name + "（更名）") && Json.has(edited, "revision", 2));
        s.click("#tab-history");
        s.waitFor("document.querySelector('#unit-history')?.offsetParent && document.querySelector('#unit-history').innerText.includes('单位名称：" + name + " → " + name + "（更名）')"
                + " && document.querySelector('#unit-history').innerText.includes('city-admin')", 10_000);
        screenshot(s, "33-unit-history");

        // abolished, with a reason and a confirmation
        s.click("#unit-change-status");
        s.waitFor("document.querySelector('#status-reason')?.offsetParent", 10_000);
        s.clickXpath("//label[contains(@class,'el-radio')][.//span[normalize-space(.)='撤销']]");
        s.type("#status-reason", "控制台测试：机构改革撤销");
        s.click("#status-submit");
        s.waitFor("[...document.querySelectorAll('.el-message-box')].some(b => b.offsetParent && b.innerText.includes('确认变更状态'))", 10_000);
        s.clickXpath("//div[contains(@class,'el-message-box')]//button[.//span[normalize-space(.)='确定变更']]");
        s.waitFor("document.querySelector('#unit-status')?.innerText.includes('已撤销') && " + NO_OVERLAY, 20_000);
        String history = Http.get(API + "/v1/units/" + id + "/history", "city-admin").body();
        assertTrue(history, Json.anyText(history, "控制台测试：机构改革撤销") && Json.has(history, "change", "STATUS_CHANGED")
                && Json.has(history, "changedBy", "city-admin"));
        s.click("#tab-history");
        s.waitFor("document.querySelector('#unit-history')?.innerText.includes('控制台测试：机构改革撤销')", 10_000);
        noConsoleErrors(s);

        // an import with a bad row: the report names row 4's category, nothing is imported
        String a = "CI" + suffix() + "A";
        String b = a.substring(0, a.length() - 1) + "B";
        List<Object> header = Arrays.asList("单位编码", "单位名称", "简称", "单位类别", "上级单位编码", "状态", "主要职责", "内设机构", "行政编制", "事业编制", "领导职数");
        List<Object> first = Arrays.asList(a, "东营市控制台导入测试局" + a, "导入局", "政府部门", "", "", "1. 负责导入测试。\n2. 负责报告。", "办公室、业务科", 8, 0, 2);
        List<Object> second = Arrays.asList(b, "东营市控制台导入测试中心" + b, "", "事业单位", a, "", "负责导入测试的技术支撑。", "", 0, 15, 1);
        Path bad = workbook("units-bad.xlsx", List.of(header, first, second,
                Arrays.asList(a + "X", "东营市控制台导入错误行", "", "某类别", "", "", "", "", 1, 0, 0)));
        s.open(BASE + "/console/units");
        s.waitFor(TABLE_LOADED, 20_000);
        s.click("#unit-import");
        s.waitFor("location.pathname === '/console/units/import' && document.querySelector('#unit-import-file')", 10_000);
        s.type("#unit-import-file", bad.toString());
        s.waitFor("document.querySelector('#import-file-name').innerText.includes('units-bad.xlsx')", 10_000);
        s.click("#unit-import-start");
        s.waitFor("document.querySelector('#import-rejected') && [...document.querySelectorAll('#import-rejected tbody tr')].some(r => /^\\s*4\\s+单位类别/.test(r.innerText)"
                + " && r.innerText.includes('某类别')) && document.querySelector('#import-refused')?.innerText.includes('未导入任何单位')", 30_000);
        assertTrue(s.text("#import-refused"), s.text("#import-refused").contains("未导入任何单位"));
        s.severeLogs(); // the refused import (400) is the expected one
        screenshot(s, "34-unit-import-rejected");
        assertFalse(Json.anyText(Http.get(API + "/v1/jurisdictions/370500/units?limit=1000", "city-admin").body(), a));

        // the corrected file: both units created, listed in the report
        Path good = workbook("units-good.xlsx", List.of(header, first, second));
        s.type("#unit-import-file", good.toString());
        s.waitFor("document.querySelector('#import-file-name').innerText.includes('units-good.xlsx')", 10_000);
        s.click("#unit-import-start");
        s.waitFor("document.querySelector('#import-accepted') && document.querySelector('#import-summary').innerText.includes('新增 2 个')"
                + " && [...document.querySelectorAll('#import-accepted tbody tr')].filter(r => r.innerText.includes('新增')"
                + " && (r.innerText.includes('" + a + "') || r.innerText.includes('" + b + "'))).length === 2"
                + " && document.querySelector('.transfer')?.innerText.includes('已完成')", 30_000);
        assertTrue(s.text(".transfer"), s.text(".transfer").contains("已完成"));
        screenshot(s, "35-unit-import");
        String listed = Http.get(API + "/v1/jurisdictions/370500/units?limit=1000", "city-admin").body();
        assertTrue(Json.has(listed, "code", a) && Json.has(listed, "code", b));

        // the directory filtered by category, exported with the transfer's progress
        s.open(BASE + "/console/units");
        s.waitFor(TABLE_LOADED, 20_000);
        s.type(".table-search input", "控制台导入测试");
        s.waitFor("document.querySelector('#units-table').innerText.includes('" + a + "') && document.querySelector('#units-table').innerText.includes('" + b + "')", 10_000);
        pick(s, "units-kind", "事业单位");
        s.waitFor("!document.querySelector('#units-table').innerText.includes('" + a + "') && document.querySelector('#units-table').innerText.includes('" + b + "')", 10_000);
        s.click("#unit-export");
        s.waitFor("document.querySelector('.transfer')?.innerText.includes('已完成')", 30_000);
        screenshot(s, "36-units-export");
        noConsoleErrors(s);
        s.close();
    }

    @Test
    public void aCountyOfficeSeesOnlyItsCountyAndAUnitUserIsSentHome() throws Exception {
        String cityUnit = Http.json("POST", API + "/v1/jurisdictions/370500/units", "city-admin",
                "{\"code\":\"CV" + suffix() + "\",\"name\":\"东营市控制台可见性测试局\",\"kind\":\"PUBLIC_INSTITUTION\"}").body();
        long id = Json.id(cityUnit);
        String county = Http.get(API + "/v1/jurisdictions/370522/units?limit=1000", "lijin-admin").body();
        int countyUnits = Json.countWhere(county, "jurisdictionCode", "370522");

        Driver.Session s = loginAs("lijin-admin");
        s.open(BASE + "/console/units");
        s.waitFor(TABLE_LOADED + " && document.querySelector('.table-count').innerText.includes('共 " + countyUnits + " 条')", 20_000);
        String table = s.text("#units-table");
        assertFalse(table, table.contains("东营市财政局") || table.contains("东营市控制台可见性测试局"));
        s.open(BASE + "/console/units/" + id);
        s.waitFor("document.querySelector('.problem') && !document.querySelector('.el-loading-mask')", 20_000);
        assertEquals("no unit shown", "0", s.script("return String(document.querySelectorAll('#unit-tabs').length)"));
        assertFalse(s.script("return document.body.innerText").contains("东营市控制台可见性测试局"));
        s.severeLogs(); // the refused unit (403) is the expected one
        screenshot(s, "37-unit-refused");
        s.close();

        // the leader reads a unit, without the office's actions
        s = loginAs("city-leader");
        s.open(BASE + "/console/units/" + id);
        s.waitFor("document.querySelector('#unit-title')?.innerText.includes('东营市控制台可见性测试局') && document.querySelector('#unit-basic')", 20_000);
        assertEquals("0", s.script("return String(document.querySelectorAll('#unit-edit, #unit-change-status').length)"));
        noConsoleErrors(s);
        s.close();

        // a unit user has no directory: the pages send it home
        s = loginAs("czj-user");
        s.open(BASE + "/console/units");
        s.waitFor("document.querySelector('#who') && !location.pathname.startsWith('/console/units') && location.pathname !== '/console/login'", 20_000);
        s.open(BASE + "/console/units/" + id);
        s.waitFor("document.querySelector('#who') && !location.pathname.startsWith('/console/units') && location.pathname !== '/console/login'", 20_000);
        s.open(BASE + "/console/units/import");
        s.waitFor("document.querySelector('#who') && !location.pathname.startsWith('/console/units') && location.pathname !== '/console/login'", 20_000);
        noConsoleErrors(s);
        s.close();
    }
}
