package cn.supervision.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import cn.supervision.spreadsheet.Sheet;
import cn.supervision.spreadsheet.Xlsx;

/**
 * A power list over REST, for the city's administrative approval bureau (XZSPJ): the template, a workbook whose every bad row is
 * named (duplicate code, unknown and duty-only types, a duty the mandate lacks, another unit and another county's unit
 * as implementing body) and that writes nothing, a wrong header and broken bytes refused the same way, another county's
 * office and another unit's user refused, then the good list imported, read, exported, its gaps, and superseded.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class PowerListIT {
    static final String API = PlatformIT.API;
    static final String LISTS = API + "/v1/power-lists";
    static final List<Object> HEADER = List.of("事项编码", "事项名称", "事项类型", "设定依据", "实施主体", "责任事项", "追责情形", "对应职责序号");

    @Configuration
    public Option[] config() {
        return new PlatformIT().config();
    }

    @Before
    public void platformReady() throws Exception {
        PlatformIT.awaitReady();
    }

    private static Http.Reply ok(int status, Http.Reply r) {
        assertEquals(r.body(), status, r.status());
        return r;
    }

    private static byte[] xlsx(List<Object> header, List<List<Object>> rows) throws Exception {
        List<List<Object>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Xlsx.write(out, List.of(new Sheet("权责清单", all)));
        return out.toByteArray();
    }

    private static List<Object> row(String code, String type, String subject, String duty) {
        return List.of(code, "事项" + code, type, "《中华人民共和国行政许可法》", subject, "受理、审查、决定、监管", "不依法履行职责的", duty);
    }

    private static Http.Reply upload(String user, String url, byte[] body) throws Exception {
        return Http.call("POST", url, user, PlatformIT.XLSX, body);
    }

    private static long unitId(String code) throws Exception {
        String units = ok(200, Http.get(API + "/v1/jurisdictions/370500/units?limit=1000", "city-admin")).body();
        return Json.idWhere(units, "code", code);
    }

    /** A unit of another county, to name as an implementing body across jurisdictions (the demo counties are optional). */
    private static void lijinUnit(String code, String name) throws Exception {
        if (!Json.has(ok(200, Http.get(API + "/v1/jurisdictions/370522/units?limit=1000", "lijin-admin")).body(), "code", code)) {
            ok(201, Http.json("POST", API + "/v1/jurisdictions/370522/units", "lijin-admin", "{\"code\":\"" + code + "\",\"name\":\""
                    + name + "\",\"kind\":\"PUBLIC_INSTITUTION\",\"mandate\":{\"duties\":[{\"number\":1,\"text\":\"承担生态环境监测工作。\"}],"
                    + "\"internalBodies\":[\"监测科\"],\"staffing\":{\"administrativeSlots\":0,\"institutionalSlots\":6,\"leadershipPosts\":1}}}"));
        }
    }

    @Test
    public void aPowerListIsImportedWholeOrNotAtAllAndReadOnlyWithinScope() throws Exception {
        ok(200, Http.await(LISTS + "/template", "city-admin", r -> r.status() == 200, 120_000));
        String openApi = ok(200, Http.get(API + "/openapi.json", null)).body();
        assertTrue(Json.documents(openApi, "/v1/power-lists/{unitId}/gaps") && Json.anyText(openApi, "导入单位的权责清单（Excel）"));
        Http.Reply template = Http.get(LISTS + "/template", "city-admin");
        assertEquals(HEADER, Xlsx.read(new ByteArrayInputStream(template.bytes())).get(0).rows().get(0));

        // the administrative approval bureau: typed duties, and no demo power list that could be seeded meanwhile
        long unit = unitId("XZSPJ");
        lijinUnit("LJHJJCZ", "利津县生态环境监测站");
        String sfx = UUID.randomUUID().toString().substring(0, 6);
        String url = LISTS + "/" + unit + "?fileName=xzspj-" + sfx + ".xlsx";
        String all = LISTS + "/" + unit + "?includeSuperseded=true";
        String imports = LISTS + "/" + unit + "/imports";

        // every bad row with its reason, nothing written
        Http.Reply bad = ok(400, upload("city-admin", url, xlsx(HEADER, List.of(
                row("XK-" + sfx, "行政许可", "东营市行政审批服务局（市场准入审批科）", "2"),
                row("XK-" + sfx, "行政审批", "", "2"),
                row("NB-" + sfx, "内部管理", "", "99"),
                row("FW-" + sfx, "公共服务", "东营市财政局", "3"),
                row("QR-" + sfx, "行政确认", "利津县生态环境监测站（监测科）", "3")))));
        assertTrue(bad.contentType(), bad.contentType().startsWith("application/problem+json"));
        for (String row : List.of("第2行", "第3行", "第4行", "第5行", "第6行")) {
            assertTrue(row + " in " + bad.body(), Json.has(bad.body(), "field", row));
        }
        for (String expected : List.of("“XK-" + sfx + "”在清单中重复（第2、3行）", "“行政审批”不存在", "“内部管理”只用于主要职责", "对应职责序号 99",
                "本行政区划的另一单位（东营市财政局）", "实施主体“利津县生态环境监测站（监测科）”属于其他行政区划，不能跨行政区划映射")) {
            assertTrue(expected + " in " + bad.body(), Json.anyText(bad.body(), expected));
        }
        // the header is checked before any row; broken bytes are a problem too, never a stack trace
        Http.Reply header = ok(400, upload("city-admin", url, xlsx(List.of("事项编码", "事项名", "事项类型", "备注"), List.of(row("A", "行政许可", "", "")))));
        assertTrue(header.body(), Json.anyText(header.body(), "“事项名”不是权责清单的列") && Json.anyText(header.body(), "“备注”不是权责清单的列")
                && Json.anyText(header.body(), "缺少必需的列“事项名称”"));
        Http.Reply huge = ok(413, upload("city-admin", url, new byte[10 * 1024 * 1024 + 1]));
        assertTrue(huge.body(), huge.contentType().startsWith("application/problem+json"));
        Http.Reply broken = ok(400, upload("city-admin", url, "PK\u0003\u0004 definitely not a workbook".getBytes(StandardCharsets.ISO_8859_1)));
        assertTrue(broken.body(), broken.contentType().startsWith("application/problem+json") && !broken.body().contains("Exception"));

        byte[] good = xlsx(HEADER, List.of(
                row("XK-" + sfx, "行政许可", "东营市行政审批服务局（市场准入审批科）", "2"),
                row("FW-" + sfx, "公共服务", "市行政审批服务局", "3"),
                row("QT-" + sfx, "其他行政权力", "", "")));
        ok(401, upload(null, url, good));
        ok(404, upload("lijin-admin", url, good));
        ok(404, upload("czj-user", url, good));
        // nothing of any refused upload was written: no item with this run's codes, no import under this run's file name
        assertFalse(Json.anyText(ok(200, Http.get(all, "city-admin")).body(), sfx));
        assertFalse(Json.anyText(ok(200, Http.get(imports, "city-admin")).body(), sfx));

        Http.Reply imported = ok(201, upload("city-admin", url, good));
        assertTrue(imported.body(), Json.has(imported.body(), "items", 3) && Json.has(imported.body(), "fileName", "xzspj-" + sfx + ".xlsx"));
        String items = ok(200, Http.get(LISTS + "/" + unit, "city-admin")).body();
        assertTrue(items, Json.has(items, "code", "XK-" + sfx) && Json.has(items, "code", "FW-" + sfx)
                && Json.has(items, "code", "QT-" + sfx) && Json.has(items, "dutyNumber", 2) && Json.has(items, "type", "LICENSING"));
        assertTrue(Json.anyText(ok(200, Http.get(imports, "city-admin")).body(), "xzspj-" + sfx + ".xlsx"));
        String gaps = ok(200, Http.get(LISTS + "/" + unit + "/gaps", "city-admin")).body();
        assertTrue(gaps, Json.has(gaps, "items", 3) && Json.has(Json.parse(gaps).findValue("itemsWithoutDuty"), "code", "QT-" + sfx)
                && Json.parse(gaps).findValue("dutiesWithoutItems").path(0).isObject());
        List<List<Object>> exported = Xlsx.read(new ByteArrayInputStream(ok(200, Http.get(LISTS + "/" + unit + "/export", "city-admin")).bytes()))
                .get(0).rows();
        assertEquals(HEADER, exported.get(0));
        assertEquals(4, exported.size());

        // another county and another unit's user read nothing of it (404: not even whether the unit exists); the unit
        // listing of a unit user stays its own
        for (String user : List.of("lijin-admin", "czj-user")) {
            ok(404, Http.get(LISTS + "/" + unit, user));
            ok(404, Http.get(LISTS + "/" + unit + "/gaps", user));
            ok(404, Http.get(LISTS + "/" + unit + "/export", user));
        }
        ok(403, Http.get(LISTS + "?jurisdiction=370500", "lijin-admin"));
        assertFalse(Json.has(ok(200, Http.get(LISTS + "?jurisdiction=370500&limit=1000", "czj-user")).body(), "unitCode", "XZSPJ"));
        Http.Reply page = ok(200, Http.get(LISTS + "?jurisdiction=370500&limit=2", "city-admin"));
        assertTrue(page.header("X-Total-Count"), Integer.parseInt(page.header("X-Total-Count")) >= 3);

        // a new list supersedes the whole current one, which stays readable
        Http.Reply second = ok(201, upload("city-admin", url, xlsx(HEADER, List.of(row("XK2-" + sfx, "行政许可", "", "2")))));
        assertTrue(second.body(), Json.has(second.body(), "superseded", 3));
        String current = ok(200, Http.get(LISTS + "/" + unit, "city-admin")).body();
        assertTrue(current, Json.anyText(current, "XK2-" + sfx) && !Json.anyValue(current, Json.startingWith("XK-" + sfx)));
        String history = ok(200, Http.get(all, "city-admin")).body();
        assertTrue(history, Json.has(history, "status", "SUPERSEDED") && Json.anyValue(history, Json.startingWith("XK-" + sfx)));
    }
}
