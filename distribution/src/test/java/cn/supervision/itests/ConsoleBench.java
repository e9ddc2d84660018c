package cn.supervision.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console with a large city: 1 000 more units in 东营市 (its own Karaf, so no other test sees them), the units page in
 * headless Chromium: how long the first page takes to show the whole list, and a sort of all rows by name, then by
 * code, rendered; then a campaign over all of them published, and its results table of 1 000+ units sorted by total. Not a test: {@code mvn -B -P bench -pl distribution verify -Dit.test=ConsoleBench} after an install;
 * figures in distribution/target/console-bench.txt.
 */
class ConsoleBench {
    static final int UNITS = Integer.getInteger("bench.units", 1_000);
    static KarafInstance karaf;
    static ConsoleBrowser.Driver driver;
    static final StringBuilder REPORT = new StringBuilder();

    @BeforeAll
    static void boot() throws Exception {
        karaf = new KarafInstance("console-bench", 8188, 7);
        karaf.start();
        driver = ConsoleBrowser.Driver.start(ConsoleBrowser.CHROMEDRIVER, ConsoleBrowser.CHROMIUM);
    }

    @AfterAll
    static void stop() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        karaf.stopIfRunning();
        Files.writeString(Path.of("target", "console-bench.txt"), REPORT.toString(), StandardCharsets.UTF_8);
        System.out.print(REPORT);
    }

    @Test
    void aThousandUnitsListedAndSorted() throws Exception {
        long t0 = System.nanoTime();
        for (int i = 1; i <= UNITS; i++) {
            String code = String.format("BENCH%04d", i);
            Http.Reply created = Http.json("POST", karaf.api + "/v1/jurisdictions/370500/units", "city-admin",
                    "{\"code\":\"" + code + "\",\"name\":\"基准测试单位" + String.format("%04d", (i * 7919) % UNITS) + "\",\"kind\":\"PUBLIC_INSTITUTION\","
                            + "\"mandate\":{\"duties\":[{\"number\":1,\"text\":\"承担基准测试工作。\"}],\"internalBodies\":[],"
                            + "\"staffing\":{\"administrativeSlots\":0,\"institutionalSlots\":" + (i % 30) + ",\"leadershipPosts\":1}}}");
            assertEquals(201, created.status(), created.body());
        }
        REPORT.append(String.format("%d units created over REST in %.1f s%n", UNITS, (System.nanoTime() - t0) / 1e9));

        String base = karaf.api.replace("/services/api", "");
        ConsoleBrowser.Driver.Session s = driver.session();
        s.open(base + "/console/");
        s.waitFor("document.querySelector('#username') !== null", 20_000);
        s.type("#username", "city-admin");
        s.type("#password", "city-admin-demo");
        s.click("#login");
        s.waitFor("location.pathname === '/console/dashboard'", 20_000);

        s.script("window.__opened = performance.now(); return ''");
        // the menu item clicked in the page: a WebDriver click right after login has landed on a neighbouring item
        s.script("[...document.querySelectorAll('.aside .el-menu-item')].find(e => e.innerText.includes('单位名录')).click(); return ''");
        s.waitFor("document.querySelector('.table-count') && /共 [0-9]{4,} 条/.test(document.querySelector('.table-count').innerText)"
                + " && (window.__listed = window.__listed || performance.now())", 60_000);
        String rows = s.script("return document.querySelector('.table-count').innerText.match(/[0-9]+/)[0]");
        assertTrue(Integer.parseInt(rows) >= UNITS, rows);
        String listed = s.script("return String(Math.round(window.__listed - window.__opened))");
        REPORT.append("units page: " + rows + " units fetched and the first page rendered in " + listed + " ms\n");

        for (String column : new String[] {"名称", "编码", "名称"}) {
            s.script("window.__lastSortMs = undefined; return ''");
            s.clickXpath("//div[@id='units-table']//th[.//div[contains(., '" + column + "')]]//span[contains(@class,'caret-wrapper')]");
            s.waitFor("window.__lastSortMs !== undefined", 10_000);
            String ms = s.script("return String(Math.round(window.__lastSortMs))");
            REPORT.append("sort of " + rows + " units by " + column + " (whole list, first page rendered): " + ms + " ms\n");
            assertTrue(Long.parseLong(ms) < 300, column + " " + ms + " ms");
        }

        // a published campaign over every unit of the city: the results table of 1 000+ units, sorted by total
        Http.Reply systems = Http.get(karaf.api + "/v1/indicator-systems?jurisdiction=370500&status=PUBLISHED", "city-admin");
        long system = Json.firstId(systems.body());
        String plan = "{\"kind\":\"ROUTINE\",\"title\":\"基准测试：全市单位年度监管\",\"period\":{\"type\":\"YEAR\",\"year\":2026},"
                + "\"systems\":{\"PARTY_ORGAN\":" + system + ",\"GOVERNMENT_DEPARTMENT\":" + system + ",\"PUBLIC_INSTITUTION\":" + system + "}}";
        Http.Reply created = Http.json("POST", karaf.api + "/v1/campaigns", "city-admin", "{\"jurisdictionCode\":\"370500\",\"plan\":" + plan + "}");
        assertEquals(201, created.status(), created.body());
        long campaign = Json.id(created.body());
        long t1 = System.nanoTime();
        for (String to : new String[] {"COLLECTING", "SCORING", "PUBLISHED"}) {
            Http.Reply moved = Http.json("POST", karaf.api + "/v1/campaigns/" + campaign + "/transitions", "city-admin",
                    "{\"to\":\"" + to + "\",\"reason\":\"基准测试\"}");
            assertEquals(200, moved.status(), moved.body());
        }
        REPORT.append(String.format("campaign over every unit collected, scored and published in %.1f s%n", (System.nanoTime() - t1) / 1e9));
        s.script("window.__opened = performance.now(); window.__listed = undefined; return ''");
        s.open(base + "/console/campaigns/" + campaign + "/results");
        s.waitFor("document.querySelector('#results-table') && /共 [0-9]{4,} 条/.test(document.querySelector('.table-count').innerText)", 60_000);
        String results = s.script("return document.querySelector('.table-count').innerText.match(/[0-9]+/)[0]");
        assertTrue(Integer.parseInt(results) >= UNITS, results);
        String loaded = s.script("const n = performance.getEntriesByType('navigation')[0]; return String(Math.round(performance.now() - n.startTime))");
        REPORT.append("results page: " + results + " units' results fetched and the first page rendered " + loaded + " ms after navigation\n");
        for (int i = 0; i < 3; i++) {
            s.script("window.__lastSortMs = undefined; return ''");
            s.clickXpath("//div[@id='results-table']//th[.//div[contains(., '总分')]]//span[contains(@class,'caret-wrapper')]");
            s.waitFor("window.__lastSortMs !== undefined", 10_000);
            String ms = s.script("return String(Math.round(window.__lastSortMs))");
            REPORT.append("sort of " + results + " results by total (whole table, first page rendered): " + ms + " ms\n");
            assertTrue(Long.parseLong(ms) < 300, "results sort " + ms + " ms");
        }
        s.close();
    }
}
