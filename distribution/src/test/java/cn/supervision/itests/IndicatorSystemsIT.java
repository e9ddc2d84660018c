package cn.supervision.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import cn.supervision.api.indicator.IndicatorSystemService;

/** Indicator systems over HTTP and SOAP on the real distribution: the city's shipped system, lifecycle, rule tester. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class IndicatorSystemsIT {
    static final String API = PlatformIT.API + "/v1/indicator-systems";

    @Inject
    IndicatorSystemService systems;

    @Configuration
    public Option[] config() {
        return new PlatformIT().config();
    }

    @Before
    public void platformReady() throws Exception {
        PlatformIT.awaitReady();
    }

    private static long cityPublishedId() throws Exception {
        Http.Reply list = Http.await(API + "?jurisdiction=370500&status=PUBLISHED", "city-admin",
                r -> r.status() == 200 && Json.anyText(r.body(), "东营市市直部门单位职能运行监管指标体系"), 60_000);
        return Json.firstId(list.body());
    }

    @Test
    public void theCitySystemIsPublishedAndImmutable() throws Exception {
        long id = cityPublishedId();
        Http.Reply edit = Http.json("PUT", API + "/" + id, "city-admin", "{\"name\":\"改名\",\"year\":2026}");
        assertEquals(edit.body(), 409, edit.status());
        assertTrue(Json.anyText(edit.body(), "复制为新草稿"));
        assertEquals(403, Http.get(API + "/" + id, "lijin-admin").status());
        assertTrue(Http.get(API, "lijin-admin").body().equals("[]") || !Json.anyText(Http.get(API, "lijin-admin").body(), "370500"));
    }

    @Test
    public void ruleTesterScoresWithExplanations() throws Exception {
        long id = cityPublishedId();
        Http.Reply r = Http.json("POST", API + "/" + id + "/evaluate", "city-leader",
                "{\"inputs\":{\"D1.1\":{\"value\":92},\"C3.3\":{\"occurrences\":3},\"J1\":{\"occurrences\":1}}}");
        assertEquals(r.body(), 200, r.status());
        // D1.1: 90 < 92 < 100 → −3 → 9; C3.3: 3 − 3×0.5 = 1.5; bonus 1 → 11.5
        assertTrue(r.body(), Json.has(r.body(), "total", Json.num("11.50")));
        assertTrue(r.body(), Json.anyText(r.body(), "落在区间 (90, 100)"));
        Http.Reply bad = Http.json("POST", API + "/" + id + "/evaluate", "city-leader", "{\"inputs\":{\"D1.4\":{\"state\":\"不知道\"}}}");
        assertEquals(400, bad.status());
        assertTrue(Json.has(bad.body(), "field", "D1.4"));
    }

    @Test
    public void draftCopyEditPublishAndDiff() throws Exception {
        long id = cityPublishedId();
        Http.Reply copy = Http.json("POST", API + "/" + id + "/copy", "city-admin", "{\"year\":2031}");
        assertEquals(copy.body(), 201, copy.status());
        long draft = Json.id(copy.body());
        Http.Reply exported = Http.get(API + "/" + draft + "/export", "city-admin");
        assertEquals(200, exported.status());
        String definition = exported.body().substring(exported.body().indexOf("\"definition\":") + 13, exported.body().lastIndexOf('}'));
        String broken = definition.replace("\"baseMax\":100", "\"baseMax\":90");
        assertEquals(200, Http.json("PUT", API + "/" + draft, "city-admin", broken).status());
        Http.Reply refused = Http.call("POST", API + "/" + draft + "/publish", "city-admin", "application/json", new byte[0]);
        assertEquals(refused.body(), 400, refused.status());
        assertTrue(refused.body(), Json.anyText(refused.body(), "应等于满分 90"));

        assertEquals(200, Http.json("PUT", API + "/" + draft, "city-admin", definition).status());
        Http.Reply published = Http.call("POST", API + "/" + draft + "/publish", "city-admin", "application/json", new byte[0]);
        assertEquals(published.body(), 200, published.status());
        assertTrue(Json.has(published.body(), "status", "PUBLISHED") && Json.hasField(published.body(), "version"));
        Http.Reply diff = Http.get(API + "/" + id + "/diff?to=" + draft, "city-admin");
        assertTrue(diff.body(), Json.has(diff.body(), "fields", Json.value("[\"year\"]")));
        Http.Reply retired = Http.json("POST", API + "/" + draft + "/retire", "city-admin", "{\"reason\":\"测试完毕\"}");
        assertEquals(retired.body(), 200, retired.status());
    }

    @Test
    public void excelRoundTripAndSchemaArePublic() throws Exception {
        long id = cityPublishedId();
        Http.Reply xlsx = Http.get(API + "/" + id + "/export.xlsx", "city-admin");
        assertEquals(200, xlsx.status());
        Http.Reply imported = Http.call("POST", API + "/import.xlsx?jurisdiction=370522&name=test&year=2026", "lijin-admin",
                PlatformIT.XLSX, xlsx.bytes());
        assertEquals(imported.body(), 201, imported.status());
        long draft = Json.id(imported.body());
        Http.Reply problems = Http.get(API + "/" + draft + "/validation", "lijin-admin");
        assertEquals("the round trip keeps every rule", "[]", problems.body());
        Http.Reply schema = Http.get(API + "/schema", null);
        assertEquals(200, schema.status());
        assertTrue(Json.anyText(schema.body(), "supervision.indicator-system/v1"));
    }

    @Test
    public void partnersReadPublishedSystemsOverSoap() throws Exception {
        cityPublishedId();
        String envelope = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "xmlns:i=\"http://supervision.cn/soap/indicator/v1\"><soapenv:Header>"
                + "<wsse:Security xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd\">"
                + "<wsse:UsernameToken><wsse:Username>assessment-system</wsse:Username><wsse:Password>assessment-system-demo"
                + "</wsse:Password></wsse:UsernameToken></wsse:Security></soapenv:Header><soapenv:Body><i:listPublished>"
                + "<jurisdictionCode>370500</jurisdictionCode></i:listPublished></soapenv:Body></soapenv:Envelope>";
        Http.Reply r = Http.call("POST", PlatformIT.API.replace("/api", "/soap/IndicatorService"), null, "text/xml; charset=UTF-8",
                envelope.getBytes(StandardCharsets.UTF_8));
        assertEquals(r.body(), 200, r.status());
        assertTrue(r.body(), r.body().contains("<code>D1.1</code>") && r.body().contains("<ruleType>BANDS</ruleType>"));
    }
}
