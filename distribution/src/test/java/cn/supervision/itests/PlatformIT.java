package cn.supervision.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.systemTimeout;
import static org.ops4j.pax.exam.CoreOptions.vmOptions;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import cn.supervision.api.registry.RegistryService;
import cn.supervision.spreadsheet.Sheet;
import cn.supervision.spreadsheet.Xlsx;

/**
 * Boots the real distribution once and drives it over HTTP the way users and partner systems do.
 * Demo accounts log in with "<user>-demo".
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class PlatformIT {
    static final String PORT = System.getProperty("it.http.port", "8182");
    static final String API = "http://localhost:" + PORT + "/services/api";
    static final String SOAP = "http://localhost:" + PORT + "/services/soap/RegistryService";
    static final String KARAF_VERSION = System.getProperty("karaf.version", "4.4.10");
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Waits for the registry service: the tests start once the platform itself is up. */
    @Inject
    RegistryService registry;

    /** The suite's database (ItDatabase): prepared once per JVM, however many test classes ask for the configuration. */
    private static final class SuiteDatabase {
        static final Map<String, String> SETTINGS = ItDatabase.datasourceFor("suite");
    }

    @Configuration
    public Option[] config() {
        List<Option> options = new ArrayList<>(Arrays.asList(platform()));
        SuiteDatabase.SETTINGS.forEach((key, value) -> options.add(editConfigurationFilePut(ItDatabase.DATASOURCE_CFG, key, value)));
        return options.toArray(Option[]::new);
    }

    private Option[] platform() {
        String repo = System.getProperty("it.localRepository");
        return new Option[] {
            karafDistributionConfiguration()
                .frameworkUrl(new File(System.getProperty("it.distribution")).toURI().toString())
                .name("supervision")
                .unpackDirectory(new File("target/exam"))
                .useDeployFolder(false),
            keepRuntimeFolder(),
            configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
            logLevel(LogLevel.INFO),
            systemTimeout(180_000),
            // Pax Exam starts Karaf without the JDK 9+ flags bin/karaf passes
            vmOptions(
                "--add-reads=java.xml=java.logging",
                "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
                "--patch-module=java.base=lib/endorsed/org.apache.karaf.specs.locator-" + KARAF_VERSION + ".jar",
                "--patch-module=java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + KARAF_VERSION + ".jar",
                "--add-opens=java.base/java.security=ALL-UNNAMED",
                "--add-opens=java.base/java.net=ALL-UNNAMED",
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "--add-opens=java.base/java.util=ALL-UNNAMED",
                "--add-opens=java.naming/javax.naming.spi=ALL-UNNAMED",
                "--add-opens=java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.ftp=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED",
                "--add-exports=jdk.xml.dom/org.w3c.dom.html=ALL-UNNAMED",
                "--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED",
                "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
                "--add-exports=java.security.sasl/com.sun.security.sasl=ALL-UNNAMED",
                "--add-exports=java.naming/com.sun.jndi.ldap=ALL-UNNAMED",
                "-Djava.io.tmpdir=data/tmp"),
            // exam's own bundles come from the build's local repository, offline
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository", repo),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.repositories", ""),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", PORT),
            // the suite talks plain HTTP through the development flag (TlsIT covers the production transport); HTTPS moved off 8443
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port.secure", String.valueOf(Integer.parseInt(PORT) + 1000)),
            editConfigurationFilePut("etc/cn.supervision.tls.cfg", "allowInsecureHttp", "true"),
            // the reactor's example contribution bundles, for the hot-deploy tests
            // which database the suite runs on (ItDatabase), for the tests that differ there (BackupIT)
            systemProperty("it.db").value(System.getProperty("it.db", "derby")),
            systemProperty("it.examples").value(new File("../county-templates/examples").getAbsolutePath()),
            // the console's browser tests (ConsoleBrowser): their figures file, and the screenshots folder when asked for
            systemProperty("console.figures").value(new File("target/console-figures.txt").getAbsolutePath()),
            systemProperty("console.screenshots.dir").value(Boolean.getBoolean("console.screenshots")
                    ? new File("../docs/screenshots").getAbsolutePath() : ""),
            // the first test class may be injected while Blueprint containers are still starting (Pax Exam waits 10 s by default)
            systemProperty("pax.exam.service.timeout").value("120000"),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", "8102"),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", "1199"),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", "44445"),
            // a local SMTP server for the tests (NotificationIT): new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"))
            mavenBundle("com.icegreen", "greenmail", "1.6.15"),
            // PDFBox reads generated PDFs back in the tests (DocumentsIT, SpecialReportsIT): every test class shares this
            // one container (PerSuite), so what a test needs inside it belongs here, not in its own configuration
            mavenBundle("commons-logging", "commons-logging", "1.3.5"),
            mavenBundle("org.apache.pdfbox", "pdfbox-io", "3.0.7"),
            mavenBundle("org.apache.pdfbox", "fontbox", "3.0.7"),
            mavenBundle("org.apache.pdfbox", "pdfbox", "3.0.7"),
        };
    }

    /**
     * Health is readiness: once it answers 200 every platform bundle's schema is migrated and its REST resources are
     * routed. Suites share one container (PerSuite), so whichever class runs first must wait for it, not for the one
     * resource it happens to call first (a campaign POST once met a 404 while units and systems were already served).
     */
    static Http.Reply awaitReady() throws InterruptedException {
        return Http.await(API + "/v1/health", null, r -> r.status() == 200, 120_000);
    }

    private static Http.Reply healthy() throws InterruptedException {
        return awaitReady();
    }

    @Test
    public void healthAndApiDescriptionArePublicAndEverythingElseNeedsCredentials() throws Exception {
        Http.Reply health = healthy();
        assertTrue(health.body(), Json.has(health.body(), "status", "UP") && Json.mentions(health.body(), "registry")
                && Json.mentions(health.body(), "indicator") && Json.mentions(health.body(), "soap"));
        // readiness: every platform bundle's module is up and routed; liveness is public too
        assertEquals(health.body(), "UP", Json.at(health.body(), "/components/modules/status").asText());
        Http.Reply live = Http.get(API + "/v1/health/live", null);
        assertEquals(live.body(), 200, live.status());
        assertTrue(live.body(), Json.has(live.body(), "status", "UP"));
        Http.Reply openApi = Http.get(API + "/openapi.json", null);
        assertEquals(200, openApi.status());
        assertTrue(Json.at(openApi.body(), "/openapi").asText().startsWith("3.") && Json.documents(openApi.body(), "/v1/jurisdictions/{code}/units")
                && Json.anyText(openApi.body(), "basicAuth"));

        Http.Reply ui = Http.get(API + "/api-docs/", null);
        assertEquals(200, ui.status());
        assertTrue(ui.body().contains("swagger-ui-bundle.js"));
        assertEquals(200, Http.get(API + "/api-docs/swagger-ui-bundle.js", null).status());

        Http.Reply anonymous = Http.get(API + "/v1/jurisdictions", null);
        assertEquals(401, anonymous.status());
        assertTrue(anonymous.contentType(), anonymous.contentType().startsWith("application/problem+json"));
        assertTrue(Json.has(anonymous.body(), "status", 401));
        assertEquals(401, Http.call("GET", API + "/v1/jurisdictions", "nobody", null, null).status());
    }

    @Test
    public void demoDataIsLoaded() throws Exception {
        healthy();
        Http.Reply units = Http.await(API + "/v1/jurisdictions/370500/units", "city-admin",
                r -> r.status() == 200 && Json.count(r.body(), "jurisdictionCode") >= 40, 60_000);
        assertTrue(Json.anyText(units.body(), "中共东营市委机构编制委员会办公室"));
        assertTrue("the list answers summaries: duty counts, no mandate text", Json.hasField(units.body(), "dutyCount")
                && !Json.mentions(units.body(), "duties"));
        assertTrue("full mandates with 10+ duties are present",
                Json.has(Http.get(API + "/v1/jurisdictions/370500/units?view=full", "city-admin").body(), "number", 12));
        Http.Reply lijin = Http.get(API + "/v1/jurisdictions/370522/units", "city-admin");
        assertTrue(lijin.body(), Json.anyText(lijin.body(), "利津县财政局"));
    }

    @Test
    public void countyAdminsAreConfinedToTheirJurisdiction() throws Exception {
        healthy();
        Http.Reply mine = Http.get(API + "/v1/jurisdictions", "lijin-admin");
        assertEquals(200, mine.status());
        assertEquals(1, Json.count(mine.body(), "code"));
        assertTrue(Json.anyText(mine.body(), "370522"));
        assertEquals(8, Json.count(Http.get(API + "/v1/jurisdictions", "city-admin").body(), "code"));

        assertEquals(403, Http.get(API + "/v1/jurisdictions/370500/units", "lijin-admin").status());
        assertEquals(403, Http.get(API + "/v1/jurisdictions/370523/units", "lijin-admin").status());
        assertEquals(200, Http.get(API + "/v1/jurisdictions/370522/units", "city-admin").status());
        Http.Reply created = Http.json("POST", API + "/v1/jurisdictions/370523/units", "lijin-admin",
                "{\"code\":\"INTRUDER\",\"name\":\"越权单位\",\"kind\":\"OTHER\"}");
        assertEquals(403, created.status());
        assertTrue(Json.has(created.body(), "status", 403));

        long cityUnit = Json.firstId(Http.get(API + "/v1/jurisdictions/370500/units", "city-admin").body());
        assertEquals(403, Http.get(API + "/v1/units/" + cityUnit, "lijin-admin").status());
        assertEquals(403, Http.json("PUT", API + "/v1/units/" + cityUnit, "guangrao-admin",
                "{\"code\":\"X\",\"name\":\"篡改\",\"kind\":\"OTHER\"}").status());
        assertEquals(403, Http.json("POST", API + "/v1/units/" + cityUnit + "/status", "lijin-admin",
                "{\"status\":\"ABOLISHED\",\"reason\":\"越权\"}").status());
        assertEquals(403, Http.json("POST", API + "/v1/jurisdictions/370500/units", "assessment-system",
                "{\"code\":\"P1\",\"name\":\"伙伴系统不能写\",\"kind\":\"OTHER\"}").status());
    }

    @Test
    public void createReadUpdateAndStatusRoundTrip() throws Exception {
        healthy();
        String code = "T" + UUID.randomUUID().toString().substring(0, 8);
        Http.Reply created = Http.json("POST", API + "/v1/jurisdictions/370522/units", "lijin-admin",
                "{\"code\":\"" + code + "\",\"name\":\"利津县测试中心\",\"kind\":\"PUBLIC_INSTITUTION\","
                        + "\"mandate\":{\"duties\":[{\"number\":1,\"text\":\"承担测试工作。\"}],\"internalBodies\":[\"综合科\"],"
                        + "\"staffing\":{\"administrativeSlots\":0,\"institutionalSlots\":12,\"leadershipPosts\":2}}}");
        assertEquals(created.body(), 201, created.status());
        long id = Json.id(created.body());
        assertTrue(created.location(), created.location().endsWith("/v1/units/" + id));

        Http.Reply read = Http.get(API + "/v1/units/" + id, "lijin-admin");
        assertEquals(200, read.status());
        assertTrue(Json.has(read.body(), "institutionalSlots", 12) && Json.has(read.body(), "revision", 1));

        Http.Reply updated = Http.json("PUT", API + "/v1/units/" + id, "lijin-admin",
                "{\"code\":\"" + code + "\",\"name\":\"利津县测试服务中心\",\"kind\":\"PUBLIC_INSTITUTION\","
                        + "\"mandate\":{\"duties\":[{\"number\":1,\"text\":\"承担测试工作。\"},{\"number\":2,\"text\":\"承办交办事项。\"}],"
                        + "\"staffing\":{\"administrativeSlots\":0,\"institutionalSlots\":15,\"leadershipPosts\":2}}}");
        assertEquals(updated.body(), 200, updated.status());
        assertTrue(Json.anyText(Http.get(API + "/v1/units/" + id, "city-admin").body(), "利津县测试服务中心"));

        Http.Reply abolished = Http.json("POST", API + "/v1/units/" + id + "/status", "lijin-admin",
                "{\"status\":\"ABOLISHED\",\"reason\":\"机构改革撤销\"}");
        assertEquals(abolished.body(), 200, abolished.status());
        assertFalse(Json.anyText(Http.get(API + "/v1/jurisdictions/370522/units", "lijin-admin").body(), code));
        assertTrue(Json.anyText(Http.get(API + "/v1/jurisdictions/370522/units?includeInactive=true", "lijin-admin").body(), code));
        Http.Reply history = Http.get(API + "/v1/units/" + id + "/history", "lijin-admin");
        assertEquals(3, Json.count(history.body(), "change"));
        assertTrue(Json.anyText(history.body(), "机构改革撤销"));
    }

    @Test
    public void badInputGetsProblemBodiesAndWritesNothing() throws Exception {
        healthy();
        String units = API + "/v1/jurisdictions/370523/units";
        int before = Json.count(Http.get(units + "?includeInactive=true", "guangrao-admin").body(), "jurisdictionCode");

        assertProblem(400, "unknownField", Http.json("POST", units, "guangrao-admin",
                "{\"code\":\"B1\",\"name\":\"某局\",\"kind\":\"OTHER\",\"unknownField\":1}"));
        assertProblem(400, "JSON", Http.json("POST", units, "guangrao-admin", "{\"code\":\"B1\",\"name\":"));
        assertProblem(400, problem -> Json.has(problem, "field", "name"), Http.json("POST", units, "guangrao-admin", "{\"code\":\"B1\",\"kind\":\"OTHER\"}"));
        assertProblem(400, "100", Http.json("POST", units, "guangrao-admin",
                "{\"code\":\"B1\",\"name\":\"" + "长".repeat(101) + "\",\"kind\":\"OTHER\"}"));
        assertProblem(400, "NOPE", Http.json("POST", units, "guangrao-admin", "{\"code\":\"B1\",\"name\":\"某局\",\"kind\":\"NOPE\"}"));
        assertProblem(404, "999999", Http.json("POST", API + "/v1/jurisdictions/999999/units", "city-admin",
                "{\"code\":\"B1\",\"name\":\"某局\",\"kind\":\"OTHER\"}"));
        assertProblem(415, "application/json", Http.call("POST", units, "guangrao-admin", "text/plain",
                "x".getBytes(StandardCharsets.UTF_8)));

        ByteArrayOutputStream wrongTemplate = new ByteArrayOutputStream();
        Xlsx.write(wrongTemplate, List.of(new Sheet("x", List.of(Arrays.asList("名称", "类型"), Arrays.asList("某局", "政府部门")))));
        assertProblem(400, "单位编码", Http.call("POST", units + "/import", "guangrao-admin", XLSX, wrongTemplate.toByteArray()));
        assertProblem(400, "xlsx", Http.call("POST", units + "/import", "guangrao-admin", XLSX,
                "not a workbook".getBytes(StandardCharsets.UTF_8)));

        int after = Json.count(Http.get(units + "?includeInactive=true", "guangrao-admin").body(), "jurisdictionCode");
        assertEquals("nothing half-written", before, after);
    }

    @Test
    public void excelImportCreatesUnitsAndExportReadsBack() throws Exception {
        healthy();
        String code = "X" + UUID.randomUUID().toString().substring(0, 6);
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        Xlsx.write(xlsx, List.of(new Sheet("单位信息", List.of(
                Arrays.asList("单位编码", "单位名称", "简称", "单位类别", "上级单位编码", "状态", "主要职责", "内设机构", "行政编制", "事业编制", "领导职数"),
                Arrays.asList(code, "广饶县导入测试局", "测试局", "政府部门", "", "", "1. 负责测试。\n2. 负责导入。", "办公室、业务股", 9, 0, 2),
                Arrays.asList(code + "Z", "广饶县导入测试中心", "", "事业单位", code, "", "", "", 0, 6, 1)))));
        Http.Reply imported = Http.call("POST", API + "/v1/jurisdictions/370523/units/import", "guangrao-admin", XLSX, xlsx.toByteArray());
        assertEquals(imported.body(), 200, imported.status());
        assertTrue(imported.body(), Json.strings(Json.at(imported, "/created")).equals(List.of(code, code + "Z")));

        Http.Reply export = Http.get(API + "/v1/jurisdictions/370523/units/export", "guangrao-admin");
        assertEquals(200, export.status());
        assertTrue(export.contentType(), export.contentType().startsWith(XLSX));
        Sheet sheet = Xlsx.read(new java.io.ByteArrayInputStream(export.bytes())).get(0);
        boolean found = false;
        for (int r = 1; r < sheet.rows().size(); r++) {
            if (sheet.text(r, 0).equals(code + "Z")) {
                assertEquals("child keeps its parent by code", code, sheet.text(r, 4));
                found = true;
            }
        }
        assertTrue(found);

        Http.Reply rowError = Http.call("POST", API + "/v1/jurisdictions/370523/units/import", "guangrao-admin", XLSX,
                workbook(Arrays.asList("E1", "", "", "政府部门")));
        assertProblem(400, "第 2 行 单位名称", rowError);
        assertEquals(403, Http.call("POST", API + "/v1/jurisdictions/370522/units/import", "guangrao-admin", XLSX,
                xlsx.toByteArray()).status());
    }

    @Test
    public void wsdlIsPublishedAndSoapNeedsAUsernameToken() throws Exception {
        healthy();
        Http.Reply wsdl = Http.get(SOAP + "?wsdl", null);
        assertEquals(200, wsdl.status());
        assertTrue(wsdl.body().contains("wsdl:definitions") && wsdl.body().contains("listUnits"));

        Http.Reply ok = soap("assessment-system", "assessment-system-demo", "370522");
        assertEquals(ok.body(), 200, ok.status());
        assertTrue(ok.body(), ok.body().contains("<name>利津县财政局</name>"));

        Http.Reply anonymous = soap(null, null, "370522");
        assertEquals(500, anonymous.status());
        assertTrue(anonymous.body(), anonymous.body().contains("FailedAuthentication"));
        assertTrue(soap("assessment-system", "wrong-password", "370522").body().contains("FailedAuthentication"));

        Http.Reply forbidden = soap("lijin-admin", "lijin-admin-demo", "370500");
        assertTrue(forbidden.body(), forbidden.body().contains("<status>403</status>") && forbidden.body().contains("soap:Client"));
    }

    private static Http.Reply soap(String user, String password, String jurisdiction) throws Exception {
        return soap(SOAP, user, password, jurisdiction);
    }

    /** RegistryService.listUnits at {@code endpoint}, with a UsernameToken unless {@code user} is null. */
    static Http.Reply soap(String endpoint, String user, String password, String jurisdiction) throws Exception {
        String security = user == null ? "" : "<wsse:Security soapenv:mustUnderstand=\"1\" "
                + "xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd\">"
                + "<wsse:UsernameToken><wsse:Username>" + user + "</wsse:Username>"
                + "<wsse:Password Type=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText\">"
                + password + "</wsse:Password></wsse:UsernameToken></wsse:Security>";
        String envelope = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "xmlns:r=\"http://supervision.cn/soap/registry/v1\"><soapenv:Header>" + security + "</soapenv:Header>"
                + "<soapenv:Body><r:listUnits><jurisdictionCode>" + jurisdiction + "</jurisdictionCode></r:listUnits>"
                + "</soapenv:Body></soapenv:Envelope>";
        return Http.call("POST", endpoint, null, "text/xml; charset=UTF-8", envelope.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] workbook(List<Object> row) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Xlsx.write(out, List.of(new Sheet("单位信息", List.of(Arrays.asList("单位编码", "单位名称", "简称", "单位类别"), row))));
        return out.toByteArray();
    }

    private static void assertProblem(int status, String mentions, Http.Reply reply) {
        assertProblem(status, problem -> Json.anyText(problem, mentions), reply);
    }

    private static void assertProblem(int status, Predicate<JsonNode> says, Http.Reply reply) {
        assertEquals(reply.body(), status, reply.status());
        assertTrue(reply.contentType(), reply.contentType().startsWith("application/problem+json"));
        assertTrue(reply.body(), Json.has(reply.body(), "status", status) && Json.hasField(reply.body(), "title")
                && Json.hasField(reply.body(), "detail"));
        assertTrue(reply.body(), says.test(Json.of(reply)));
        assertFalse(reply.body(), reply.body().contains("Exception") || reply.body().contains("\tat "));
    }

    /**
     * The city's own system (published by the city's contribution bundle) in a listing of indicator systems: other test
     * classes publish systems of the city too, whose random lineages may sort before it.
     */
    static long citySystemId(String listing) {
        return Json.idWhere(listing, "jurisdictionCode", "370500", "lineage", Json.startingWith("bundle:cn.supervision.city.dongying/"));
    }

    /** The one-time codes in the answer to {@code POST /v1/questionnaires/{id}/tokens}: [{"token":{…,"value":…},"link":…}, …]. */
    static List<String> tokenValues(String issued) {
        return Json.elements(Json.parse(issued)).map(t -> Json.string(t.get("token"), "value")).toList();
    }
}
