package cn.supervision.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

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
 * The duty layer end to end in the real distribution: the city office imports a unit's power list (a bad workbook is
 * refused row by row with nothing written), runs a campaign whose core indicator 三定规定主要职责履行 is expanded into
 * the unit's duties at the start of collection, scores two duties, reads the coverage of the campaign, and confirms
 * an overlap proposed by the duty analysis, which becomes a finding. Another county and a unit user are refused.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class DutyIT {
    static final String API = PlatformIT.API;
    static final List<Object> HEADER = List.of("事项编码", "事项名称", "事项类型", "设定依据", "实施主体", "责任事项", "追责情形", "对应职责序号");

    @Configuration
    public Option[] config() {
        return new PlatformIT().config();
    }

    @Before
    public void platformReady() throws Exception {
        PlatformIT.awaitReady();
    }

    private static long unitId(String code) throws Exception {
        Http.Reply units = Http.await(API + "/v1/jurisdictions/370500/units", "city-admin",
                r -> r.status() == 200 && Json.has(r.body(), "code", code), 60_000);
        return Json.idWhere(units.body(), "code", code);
    }

    private static byte[] workbook(List<List<Object>> rows) throws Exception {
        List<List<Object>> all = new ArrayList<>();
        all.add(HEADER);
        all.addAll(rows);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Xlsx.write(out, List.of(new Sheet("权责清单", all)));
        return out.toByteArray();
    }

    private static Http.Reply upload(long unit, String user, byte[] xlsx) throws Exception {
        return Http.call("POST", API + "/v1/power-lists/" + unit + "?fileName=power-list.xlsx", user, PlatformIT.XLSX, xlsx);
    }

    @Test
    public void powerListCampaignByDutyCoverageAndAConfirmedOverlap() throws Exception {
        long unit = unitId("SCJGJ");
        Http.Reply duties = Http.get(API + "/v1/duties?unitId=" + unit, "city-admin");
        assertEquals(duties.body(), 200, duties.status());
        List<Integer> numbers = Json.elements(Json.of(duties)).map(d -> (int) Json.wholeNumber(d, "number")).toList();
        assertTrue(duties.body(), numbers.size() >= 3);

        // a bad workbook: every row's reason, nothing written
        String before = Http.get(API + "/v1/power-lists/" + unit, "city-admin").body();
        Http.Reply bad = upload(unit, "city-admin", workbook(List.of(
                Arrays.asList("IT-SC-001", "食品经营许可（IT）", "行政许可", "《中华人民共和国食品安全法》第三十五条", "东营市市场监督管理局", "受理、审查、决定", "违法许可的", 1),
                Arrays.asList("IT-SC-001", "重复的事项编码（IT）", "行政检查", "《食品安全法》", "东营市市场监督管理局", "检查", "不履行检查职责的", 2),
                Arrays.asList("IT-SC-003", "不存在的职责（IT）", "行政处罚", "《食品安全法》", "东营市市场监督管理局", "处罚", "违法处罚的", 99),
                Arrays.asList("IT-SC-004", "跨辖区的实施主体（IT）", "行政检查", "《食品安全法》", "利津县市场监督管理局", "检查", "不履行检查职责的", 1))));
        assertEquals(bad.body(), 400, bad.status());
        assertTrue(bad.body(), Json.anyText(bad.body(), "第3行") && Json.anyText(bad.body(), "第4行") && Json.anyText(bad.body(), "第5行"));
        assertFalse(bad.body(), bad.body().contains("Exception"));
        assertEquals(before, Http.get(API + "/v1/power-lists/" + unit, "city-admin").body());

        // another county and a unit user cannot import
        byte[] good = workbook(List.of(
                Arrays.asList("IT-SC-101", "食品经营许可（IT）", "行政许可", "《中华人民共和国食品安全法》第三十五条", "东营市市场监督管理局", "受理、审查、决定", "违法许可的", numbers.get(0)),
                Arrays.asList("IT-SC-102", "食品生产经营日常监督检查（IT）", "行政检查", "《中华人民共和国食品安全法》第一百一十条", "东营市市场监督管理局（食品生产安全监督管理科）", "制定计划、实施检查", "不履行检查职责的", numbers.get(1)),
                Arrays.asList("IT-SC-103", "尚未对应职责的事项（IT）", "公共服务", "《消费者权益保护法》", "", "受理投诉", "推诿的", null)));
        assertEquals(404, upload(unit, "lijin-admin", good).status());
        assertEquals(404, upload(unit, "czj-user", good).status());
        Http.Reply imported = upload(unit, "city-admin", good);
        assertEquals(imported.body(), 201, imported.status());
        Http.Reply gaps = Http.get(API + "/v1/power-lists/" + unit + "/gaps", "city-admin");
        assertEquals(gaps.body(), 200, gaps.status());
        assertTrue(gaps.body(), Json.anyText(gaps.body(), "IT-SC-103"));
        assertFalse(gaps.body(), Json.anyText(gaps.body(), "IT-SC-101"));

        // a campaign: the core indicator is expanded into the unit's duties when collection starts
        long system = dutyDrivenSystem();
        try {
            campaignCoverageAndAnalysis(unit, system, numbers);
        } finally {
            // the other test classes of the suite pick the city's published system: leave none of ours published
            Http.Reply retired = Http.json("POST", API + "/v1/indicator-systems/" + system + "/retire", "city-admin",
                    "{\"reason\":\"职责驱动测试结束\"}");
            assertEquals(retired.body(), 200, retired.status());
        }
    }

    /**
     * The city's published system with its core indicator 三定规定主要职责履行 (D1.1) made duty-driven, published as a
     * system of its own.
     */
    private static long dutyDrivenSystem() throws Exception {
        Http.Reply systems = Http.await(API + "/v1/indicator-systems?jurisdiction=370500&status=PUBLISHED", "city-admin",
                r -> r.status() == 200 && Json.anyText(r.body(), "东营市市直部门单位职能运行监管指标体系"), 60_000);
        String city = Http.get(API + "/v1/indicator-systems/" + PlatformIT.citySystemId(systems.body()), "city-admin").body();
        String definition = object(city, city.indexOf("\"definition\":") + "\"definition\":".length())
                .replace("\"code\":\"D1.1\"", "\"code\":\"D1.1\",\"perDuty\":{\"weighting\":\"EQUAL\"}")
                .replace("东营市市直部门单位职能运行监管指标体系", "按职责逐项考核测试体系（IT）");
        Http.Reply draft = Http.json("POST", API + "/v1/indicator-systems", "city-admin",
                "{\"format\":\"supervision.indicator-system/v1\",\"jurisdictionCode\":\"370500\",\"definition\":" + definition + "}");
        assertEquals(draft.body(), 201, draft.status());
        long id = Json.id(draft.body());
        Http.Reply published = Http.json("POST", API + "/v1/indicator-systems/" + id + "/publish", "city-admin", "{}");
        assertEquals(published.body(), 200, published.status());
        assertTrue(published.body(), Json.mentions(published.body(), "perDuty"));
        return id;
    }

    /** The JSON object starting at {@code from}, braces inside strings ignored. */
    private static String object(String json, int from) {
        int depth = 0;
        boolean inString = false;
        for (int i = from; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return json.substring(from, i + 1);
            }
        }
        throw new AssertionError("no object at " + from + ": " + json);
    }

    private static void campaignCoverageAndAnalysis(long unit, long system, List<Integer> numbers) throws Exception {
        String plan = "{\"kind\":\"ROUTINE\",\"title\":\"职责覆盖测试活动（IT）\",\"period\":{\"type\":\"YEAR\",\"year\":2026},"
                + "\"systems\":{\"PARTY_ORGAN\":" + system + ",\"GOVERNMENT_DEPARTMENT\":" + system + ",\"PUBLIC_INSTITUTION\":" + system + "}}";
        Http.Reply created = Http.json("POST", API + "/v1/campaigns", "city-admin", "{\"jurisdictionCode\":\"370500\",\"plan\":" + plan + "}");
        assertEquals(created.body(), 201, created.status());
        long campaign = Json.id(created.body());
        assertEquals(200, Http.json("POST", API + "/v1/campaigns/" + campaign + "/transitions", "city-admin",
                "{\"to\":\"COLLECTING\",\"reason\":\"开始采集\"}").status());
        Http.Reply leaves = Http.get(API + "/v1/campaigns/" + campaign + "/duty-leaves?unitId=" + unit, "city-admin");
        assertEquals(leaves.body(), 200, leaves.status());
        List<String> codes = Json.elements(Json.of(leaves)).map(l -> l.path("code").asText()).filter(c -> c.matches("D1\\.1-\\d+")).toList();
        assertEquals(leaves.body(), numbers.size(), codes.size());
        Http.Reply system2 = Http.get(API + "/v1/campaigns/" + campaign + "/units/" + unit + "/system", "city-admin");
        assertTrue(system2.body(), system2.status() == 200 && Json.mentions(system2.body(), codes.get(0)));

        String input = "{\"unitId\":" + unit + ",\"code\":\"%s\",\"input\":{\"value\":%d},\"source\":\"OFFICE\",\"explanation\":\"市编办核定\"}";
        Http.Reply template = Http.json("POST", API + "/v1/campaigns/" + campaign + "/inputs", "city-admin", String.format(input, "D1.1", 100));
        assertEquals("the expanded template takes no input of its own: " + template.body(), 400, template.status());
        for (int i = 0; i < 2; i++) {
            Http.Reply r = Http.json("POST", API + "/v1/campaigns/" + campaign + "/inputs", "city-admin",
                    String.format(input, codes.get(i), i == 0 ? 100 : 95));
            assertEquals(r.body(), 201, r.status());
        }
        Http.Reply scored = Http.get(API + "/v1/campaigns/" + campaign + "/duty-leaves?unitId=" + unit, "city-admin");
        assertTrue(scored.body(), Json.has(scored.body(), "score", Json.num("12.00")));

        // coverage of the campaign: two duties of the unit assessed, the rest not; outsiders refused
        Http.Reply coverage = Http.get(API + "/v1/duty-coverage/campaigns/" + campaign, "city-admin");
        assertEquals(coverage.body(), 200, coverage.status());
        JsonNode unitCoverage = Json.element(Json.of(coverage).path("units"), "unitId", unit, "unitCode", "SCJGJ", "unitName", Json.text());
        assertEquals(numbers.size(), Json.wholeNumber(unitCoverage, "duties"));
        assertEquals(2, Json.wholeNumber(unitCoverage, "assessed"));
        assertEquals(403, Http.get(API + "/v1/duty-coverage/campaigns/" + campaign, "lijin-admin").status());
        assertEquals(403, Http.get(API + "/v1/duty-coverage/campaigns/" + campaign, "czj-user").status());
        Http.Reply export = Http.get(API + "/v1/duty-coverage/campaigns/" + campaign + "/export", "city-admin");
        assertEquals(200, export.status());
        assertTrue(Xlsx.read(new java.io.ByteArrayInputStream(export.bytes())).get(0).rows().size() > numbers.size());

        // the analysis proposes overlaps; the office confirms one, which becomes a finding
        assertEquals(403, Http.call("POST", API + "/v1/duty-analysis/runs?jurisdiction=370500", "lijin-admin", "application/json", new byte[0]).status());
        Http.Reply run = Http.call("POST", API + "/v1/duty-analysis/runs?jurisdiction=370500", "city-admin", "application/json", new byte[0]);
        assertEquals(run.body(), 200, run.status());
        Http.Reply proposed = Http.get(API + "/v1/duty-analysis/proposals?jurisdiction=370500&kind=OVERLAP&state=PROPOSED", "city-admin");
        assertEquals(proposed.body(), 200, proposed.status());
        long proposal = Json.firstId(proposed.body());
        String confirmUrl = API + "/v1/duty-analysis/proposals/" + proposal + "/confirm";
        assertEquals(403, Http.json("POST", confirmUrl, "czj-user", "{\"reason\":\"x\"}").status());
        assertEquals(400, Http.json("POST", confirmUrl, "city-admin", "{\"reason\":\"\"}").status());
        Http.Reply confirmed = Http.json("POST", confirmUrl, "city-admin", "{\"reason\":\"两单位三定规定均列此项，经研判属职责交叉\"}");
        assertEquals(confirmed.body(), 200, confirmed.status());
        assertTrue(confirmed.body(), Json.has(confirmed.body(), "state", "CONFIRMED"));
        // one finding per unit of the overlap: the first is enough here
        JsonNode firstFinding = Json.parse(confirmed.body()).path("findingIds").path(0);
        assertTrue(confirmed.body(), firstFinding.isIntegralNumber());
        Http.Reply finding = Http.get(API + "/v1/findings/" + firstFinding.longValue(), "city-admin");
        assertTrue(finding.body(), finding.status() == 200 && Json.anyText(finding.body(), "DUTY_OVERLAP_GAP"));
        assertEquals(409, Http.json("POST", confirmUrl, "city-admin", "{\"reason\":\"再次确认\"}").status());
    }
}
