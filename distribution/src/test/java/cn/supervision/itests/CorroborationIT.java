package cn.supervision.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.service.cm.ConfigurationAdmin;

import cn.supervision.api.platform.PlatformDataService;
import cn.supervision.api.survey.SurveyService;

/**
 * The corroboration channels over HTTP and SOAP on the real distribution: a public evaluation answered with one-time
 * tokens and the shared link, a peer review, platform data pushed and pulled, and both converted into campaign inputs.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class CorroborationIT {
    static final String API = PlatformIT.API;

    @Inject
    SurveyService surveys;

    @Inject
    PlatformDataService platformData;

    @Inject
    ConfigurationAdmin configurations;

    @Configuration
    public Option[] config() {
        return new PlatformIT().config();
    }

    @Before
    public void platformReady() throws Exception {
        PlatformIT.awaitReady();
    }

    /** The response a public submission's receipt names. */
    private static long responseId(Http.Reply receipt) {
        return Json.wholeNumber(Json.of(receipt), "responseId");
    }

    /** A collecting special campaign of the city on its published system, over the given units. */
    static long collectingCampaign(String title, String unitIds) throws Exception {
        Http.Reply systems = Http.await(API + "/v1/indicator-systems?jurisdiction=370500&status=PUBLISHED", "city-admin",
                r -> r.status() == 200 && Json.anyText(r.body(), "东营市市直部门单位职能运行监管指标体系"), 60_000);
        long system = Json.firstId(systems.body());
        String plan = "{\"kind\":\"SPECIAL\",\"title\":\"" + title + "\",\"period\":{\"type\":\"YEAR\",\"year\":2026},"
                + "\"systems\":{\"PARTY_ORGAN\":" + system + ",\"GOVERNMENT_DEPARTMENT\":" + system + ",\"PUBLIC_INSTITUTION\":" + system + "},"
                + "\"targetUnitIds\":[" + unitIds + "]}";
        Http.Reply created = Http.json("POST", API + "/v1/campaigns", "city-admin", "{\"jurisdictionCode\":\"370500\",\"plan\":" + plan + "}");
        assertEquals(created.body(), 201, created.status());
        long id = Json.id(created.body());
        Http.Reply started = Http.json("POST", API + "/v1/campaigns/" + id + "/transitions", "city-admin", "{\"to\":\"COLLECTING\",\"reason\":\"开始采集\"}");
        assertEquals(started.body(), 200, started.status());
        return id;
    }

    /** Ids of the first city units and of CZJ (the demo unit user's unit). */
    static long[] cityUnits() throws Exception {
        String units = Http.get(API + "/v1/jurisdictions/370500/units", "city-admin").body();
        long czj = Json.firstId(Http.get(API + "/v1/jurisdictions/370500/units", "czj-user").body());
        long[] ids = new long[4];
        ids[0] = czj;
        int i = 1;
        for (long id : Json.ids(units)) {
            if (i < 4 && id != czj) {
                ids[i++] = id;
            }
        }
        return ids;
    }

    @Test
    public void aPublicEvaluationFromTokenToCampaignInput() throws Exception {
        long[] u = cityUnits();
        long campaign = collectingCampaign("社会评议验证", u[1] + "," + u[2]);
        String definition = "{\"kind\":\"PUBLIC_EVALUATION\",\"title\":\"2026年度社会评议\",\"introduction\":\"请对单位的服务作出评价\","
                + "\"questions\":[{\"code\":\"S1\",\"text\":\"总体满意度\",\"type\":\"SATISFACTION\",\"required\":true},"
                + "{\"code\":\"R1\",\"text\":\"办事便捷\",\"type\":\"RATING\",\"required\":false},"
                + "{\"code\":\"T1\",\"text\":\"意见建议\",\"type\":\"TEXT\",\"required\":false}],"
                + "\"respondentCategories\":[{\"code\":\"enterprise\",\"label\":\"企业\",\"quota\":1},{\"code\":\"citizen\",\"label\":\"群众\"}],"
                + "\"minimumSample\":2,\"openLink\":true,"
                + "\"bindings\":[{\"indicatorCode\":\"C2.1\",\"conversion\":\"SATISFACTION_RATE\",\"questionCode\":\"S1\"}]}";
        Http.Reply bad = Http.json("POST", API + "/v1/questionnaires", "city-admin", "{\"campaignId\":" + campaign
                + ",\"definition\":" + definition.replace("C2.1", "D1.1") + "}");
        assertEquals(bad.body(), 400, bad.status());
        assertTrue(bad.body(), Json.anyText(bad.body(), "bindings[0].indicatorCode") && Json.anyText(bad.body(), "社会评议"));

        Http.Reply created = Http.json("POST", API + "/v1/questionnaires", "city-admin", "{\"campaignId\":" + campaign + ",\"definition\":" + definition + "}");
        assertEquals(created.body(), 201, created.status());
        long q = Json.id(created.body());
        Http.Reply opened = Http.call("POST", API + "/v1/questionnaires/" + q + "/open", "city-admin", null, null);
        assertEquals(opened.body(), 200, opened.status());
        String link = Json.string(Json.of(opened), "openLinkKey");

        Http.Reply issued = Http.json("POST", API + "/v1/questionnaires/" + q + "/tokens", "city-admin",
                "{\"unitId\":" + u[1] + ",\"recipients\":[{\"name\":\"张三\",\"phone\":\"13812341234\",\"category\":\"enterprise\"},"
                        + "{\"phone\":\"13900001111\",\"category\":\"citizen\"}]}");
        assertEquals(issued.body(), 201, issued.status());
        assertTrue(issued.body(), Json.anyText(issued.body(), "138****1234") && !Json.anyText(issued.body(), "13812341234"));
        List<String> tokens = PlatformIT.tokenValues(issued.body());
        assertTrue(issued.body(), tokens.size() >= 2);
        String first = tokens.get(0);
        String second = tokens.get(1);
        assertTrue(Json.anyText(issued.body(), "/services/api/v1/questionnaires/public/page?t=" + first));

        // the respondent's side, without an account
        Http.Reply page = Http.get(API + "/v1/questionnaires/public/page?t=" + first, null);
        assertEquals(200, page.status());
        assertTrue(page.contentType(), page.contentType().startsWith("text/html"));
        assertTrue(page.body().contains("name=\"viewport\"") && page.body().contains("提交"));
        Http.Reply form = Http.get(API + "/v1/questionnaires/public/t/" + first, null);
        assertEquals(form.body(), 200, form.status());
        assertTrue(form.body(), Json.anyText(form.body(), "2026年度社会评议") && Json.has(form.body(), "fixedCategory", "enterprise")
                && !Json.anyText(form.body(), "13812341234"));
        String five = "{\"answers\":[{\"questionCode\":\"S1\",\"level\":5},{\"questionCode\":\"T1\",\"text\":\"办事很快\"}]}";
        Http.Reply submitted = Http.json("POST", API + "/v1/questionnaires/public/t/" + first, null, five);
        assertEquals(submitted.body(), 201, submitted.status());
        // a retry of what was stored (the answer was lost on the way) gets its receipt again; other answers on a used token 410
        Http.Reply again = Http.json("POST", API + "/v1/questionnaires/public/t/" + first, null, five);
        assertEquals(again.body(), 201, again.status());
        assertEquals(responseId(submitted), responseId(again));
        Http.Reply other = Http.json("POST", API + "/v1/questionnaires/public/t/" + first, null, five.replace("\"level\":5", "\"level\":1"));
        assertEquals(other.body(), 410, other.status());
        Http.Reply missing = Http.json("POST", API + "/v1/questionnaires/public/t/" + second, null, "{\"answers\":[]}");
        assertEquals(missing.body(), 400, missing.status());
        assertTrue(missing.body(), Json.anyText(missing.body(), "answers.S1"));
        assertEquals(201, Http.json("POST", API + "/v1/questionnaires/public/t/" + second, null,
                "{\"answers\":[{\"questionCode\":\"S1\",\"level\":3}]}").status());
        assertEquals(404, Http.get(API + "/v1/questionnaires/public/t/nosuchtokennosuchtoken", null).status());

        Map<String, String> device = Map.of("X-Device-Id", "itest-device-0001");
        byte[] viaLink = ("{\"unitId\":" + u[2] + ",\"category\":\"citizen\",\"answers\":[{\"questionCode\":\"S1\",\"level\":4}],"
                + "\"respondentName\":\"李四\",\"respondentPhone\":\"13512345678\"}").getBytes(StandardCharsets.UTF_8);
        Http.Reply linked = Http.call("POST", API + "/v1/questionnaires/public/l/" + link, null, "application/json", viaLink, device);
        assertEquals(linked.body(), 201, linked.status());
        Http.Reply repeat = Http.call("POST", API + "/v1/questionnaires/public/l/" + link, null, "application/json", viaLink, device);
        assertEquals(repeat.body(), 201, repeat.status());
        assertEquals(responseId(linked), responseId(repeat));
        Http.Reply secondOpinion = Http.call("POST", API + "/v1/questionnaires/public/l/" + link, null, "application/json",
                new String(viaLink, StandardCharsets.UTF_8).replace("\"level\":4", "\"level\":2").getBytes(StandardCharsets.UTF_8), device);
        assertEquals(secondOpinion.body(), 409, secondOpinion.status());
        assertEquals(401, Http.get(API + "/v1/questionnaires/" + q + "/responses", null).status());
        int sneaked = Http.get(API + "/v1/questionnaires/public/../" + q + "/responses", null).status();
        // judged by the method it reaches (none: 404) rather than by how the path looks
        assertTrue("the public prefix opens nothing else: " + sneaked, sneaked == 401 || sneaked == 400 || sneaked == 404);

        // the office: masked data, audited reveal, progress, conversion
        assertEquals(403, Http.get(API + "/v1/questionnaires/" + q + "/responses", "czj-user").status());
        Http.Reply responses = Http.get(API + "/v1/questionnaires/" + q + "/responses", "city-admin");
        assertEquals(3, Json.count(responses.body(), "questionnaireId"));
        assertTrue(responses.body(), Json.anyText(responses.body(), "张*") && Json.anyText(responses.body(), "135****5678")
                && !Json.anyText(responses.body(), "13512345678"));
        long responseId = Json.firstId(responses.body());
        Http.Reply revealed = Http.json("POST", API + "/v1/questionnaires/" + q + "/responses/" + responseId + "/reveal", "city-admin",
                "{\"reason\":\"回访核实\"}");
        assertTrue(revealed.body(), revealed.status() == 200 && Json.anyText(revealed.body(), "13812341234"));
        assertEquals(403, Http.json("POST", API + "/v1/questionnaires/" + q + "/responses/" + responseId + "/reveal", "lijin-admin",
                "{\"reason\":\"看看\"}").status());
        Http.Reply log = Http.get(API + "/v1/questionnaires/" + q + "/access-log", "city-admin");
        assertTrue(log.body(), Json.has(log.body(), "username", "city-admin") && Json.anyText(log.body(), "回访核实"));

        Http.Reply progress = Http.get(API + "/v1/questionnaires/" + q + "/progress", "city-admin");
        assertTrue(progress.body(), Json.has(progress.body(), "responses", 3) && Json.has(progress.body(), "complete", false));
        Http.Reply applied = Http.call("POST", API + "/v1/questionnaires/" + q + "/apply", "city-admin", null, null);
        assertEquals(applied.body(), 200, applied.status());
        assertTrue(applied.body(), Json.has(applied.body(), "value", Json.num("50.00")) && Json.anyText(applied.body(), "未达到最低样本量"));
        Http.Reply inputs = Http.get(API + "/v1/campaigns/" + campaign + "/units/" + u[1] + "/inputs", "city-admin");
        assertTrue(inputs.body(), Json.has(inputs.body(), "source", "PUBLIC_EVALUATION")
                && Json.anyText(inputs.body(), "(非常满意 1 + 满意 0) ÷ 有效回答 2"));
    }

    @Test
    public void aPeerReviewKeepsTheRaterFromTheRatedUnit() throws Exception {
        long[] u = cityUnits();
        long campaign = collectingCampaign("部门互评验证", u[0] + "," + u[1] + "," + u[2]);
        String definition = "{\"kind\":\"PEER_REVIEW\",\"title\":\"2026年部门互评\",\"questions\":["
                + "{\"code\":\"Q1\",\"text\":\"响应速度\",\"type\":\"RATING\",\"required\":true},"
                + "{\"code\":\"Q2\",\"text\":\"协作配合\",\"type\":\"RATING\",\"required\":true}],"
                + "\"bindings\":[{\"indicatorCode\":\"C1.1\",\"conversion\":\"MEAN_SCORE\"}]}";
        long q = Json.id(Http.json("POST", API + "/v1/questionnaires", "city-admin",
                "{\"campaignId\":" + campaign + ",\"definition\":" + definition + "}").body());
        Http.Reply matrix = Http.get(API + "/v1/questionnaires/" + q + "/peer-matrix", "city-admin");
        assertEquals(matrix.body(), 6, Json.count(matrix.body(), "raterUnitId"));
        Http.Reply self = Http.json("PUT", API + "/v1/questionnaires/" + q + "/peer-matrix", "city-admin",
                "[{\"raterUnitId\":" + u[0] + ",\"ratedUnitId\":" + u[0] + "}]");
        assertEquals(self.body(), 400, self.status());
        assertEquals(200, Http.json("PUT", API + "/v1/questionnaires/" + q + "/peer-matrix", "city-admin",
                "[{\"raterUnitId\":" + u[0] + ",\"ratedUnitId\":" + u[1] + "},{\"raterUnitId\":" + u[2] + ",\"ratedUnitId\":" + u[1] + "}]").status());
        assertEquals(200, Http.call("POST", API + "/v1/questionnaires/" + q + "/open", "city-admin", null, null).status());

        Http.Reply tasks = Http.get(API + "/v1/questionnaires/" + q + "/peer-tasks", "czj-user");
        assertEquals(tasks.body(), 1, Json.count(tasks.body(), "ratedUnitId"));
        String answers = "\"answers\":[{\"questionCode\":\"Q1\",\"level\":4},{\"questionCode\":\"Q2\",\"level\":5}]";
        assertEquals(201, Http.json("POST", API + "/v1/questionnaires/" + q + "/peer-responses", "czj-user",
                "{\"ratedUnitId\":" + u[1] + "," + answers + "}").status());
        assertEquals("the same rating again is its receipt", 201, Http.json("POST", API + "/v1/questionnaires/" + q + "/peer-responses", "czj-user",
                "{\"ratedUnitId\":" + u[1] + "," + answers + "}").status());
        assertEquals("another rating of the same unit", 409, Http.json("POST", API + "/v1/questionnaires/" + q + "/peer-responses", "czj-user",
                "{\"ratedUnitId\":" + u[1] + "," + answers.replace("\"level\":4", "\"level\":2") + "}").status());
        assertEquals("not in the matrix", 403, Http.json("POST", API + "/v1/questionnaires/" + q + "/peer-responses", "czj-user",
                "{\"ratedUnitId\":" + u[2] + "," + answers + "}").status());
        assertEquals("units never read who rated them", 403, Http.get(API + "/v1/questionnaires/" + q + "/responses", "czj-user").status());
        Http.Reply office = Http.get(API + "/v1/questionnaires/" + q + "/responses", "city-admin");
        assertTrue(office.body(), Json.has(office.body(), "raterUnitId", u[0]) && Json.has(office.body(), "score", Json.num("90.00")));
        Http.Reply applied = Http.call("POST", API + "/v1/questionnaires/" + q + "/apply?belowMinimum=true", "city-admin", null, null);
        assertTrue(applied.body(), Json.has(applied.body(), "indicatorCode", "C1.1", "value", Json.num("90.00")));
        assertTrue(Json.has(Http.get(API + "/v1/campaigns/" + campaign + "/units/" + u[1] + "/inputs", "city-admin").body(), "source", "PEER_REVIEW"));
    }

    @Test
    public void platformDataIsPushedOverRestAndSoapAndCountsInCampaigns() throws Exception {
        long[] u = cityUnits();
        long campaign = collectingCampaign("平台数据验证", u[1] + "," + u[2]);
        String units = Http.get(API + "/v1/jurisdictions/370500/units", "city-admin").body();
        String code1 = Json.string(Json.element(Json.parse(units), "id", u[1]), "code");
        assertEquals(200, Http.json("PUT", API + "/v1/platform-data/jurisdictions/370500/metrics/it.ontime-rate", "city-admin",
                "{\"name\":\"按期办结率\",\"unitOfMeasure\":\"%\",\"sourceSystem\":\"hotline\",\"aggregation\":\"MEAN\"}").status());
        assertEquals(403, Http.json("PUT", API + "/v1/platform-data/jurisdictions/370500/metrics/x", "assessment-system",
                "{\"name\":\"x\",\"sourceSystem\":\"hotline\",\"aggregation\":\"SUM\"}").status());
        assertEquals(200, Http.json("PUT", API + "/v1/platform-data/jurisdictions/370500/mappings", "city-admin",
                "[{\"sourceSystem\":\"hotline\",\"sourceKey\":\"热线系统里的名字\",\"unitId\":" + u[2] + "}]").status());

        String batches = API + "/v1/platform-data/jurisdictions/370500/batches?sourceSystem=hotline&clientBatchId=";
        byte[] csv = ("metric,unit,date,value\nit.ontime-rate," + code1 + ",2026-03-01,90\nit.ontime-rate,热线系统里的名字,2026-03-01,80\n"
                + "it.ontime-rate,无此部门,2026-03-01,70\n").getBytes(StandardCharsets.UTF_8);
        Http.Reply rejected = Http.call("POST", batches + "it-1", "assessment-system", "text/csv", csv);
        assertEquals(rejected.body(), 422, rejected.status());
        assertTrue(rejected.body(), Json.has(rejected.body(), "line", 3) && Json.has(rejected.body(), "accepted", 2));
        byte[] fixed = new String(csv, StandardCharsets.UTF_8).replace("it.ontime-rate,无此部门,2026-03-01,70\n", "")
                .getBytes(StandardCharsets.UTF_8);
        Http.Reply applied = Http.call("POST", batches + "it-1", "assessment-system", "text/csv", fixed);
        assertEquals(applied.body(), 201, applied.status());
        Http.Reply duplicate = Http.call("POST", batches + "it-1", "assessment-system", "text/csv", fixed);
        assertEquals(duplicate.body(), 200, duplicate.status());
        assertTrue(Json.has(duplicate.body(), "status", "DUPLICATE"));
        Http.Reply json = Http.json("POST", batches + "it-2", "assessment-system",
                "[{\"metric\":\"it.ontime-rate\",\"unit\":\"" + code1 + "\",\"date\":\"2026-04-01\",\"value\":\"100\"}]");
        assertEquals(json.body(), 201, json.status());
        assertEquals(403, Http.call("POST", batches + "it-3", "lijin-admin", "text/csv", fixed).status());

        // SOAP push: the same rules
        String envelope = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:p=\"http://supervision.cn/soap/platform-data/v1\">"
                + "<soapenv:Header><wsse:Security xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd\">"
                + "<wsse:UsernameToken><wsse:Username>assessment-system</wsse:Username><wsse:Password Type=\"http://docs.oasis-open.org/wss/2004/01/"
                + "oasis-200401-wss-username-token-profile-1.0#PasswordText\">assessment-system-demo</wsse:Password></wsse:UsernameToken></wsse:Security>"
                + "</soapenv:Header><soapenv:Body><p:submitBatch><jurisdictionCode>370500</jurisdictionCode><sourceSystem>hotline</sourceSystem>"
                + "<clientBatchId>it-soap</clientBatchId><row><metric>it.ontime-rate</metric><unit>热线系统里的名字</unit><date>2026-05-01</date>"
                + "<value>70</value></row></p:submitBatch></soapenv:Body></soapenv:Envelope>";
        String soap = "http://localhost:" + PlatformIT.PORT + "/services/soap/PlatformDataService";
        Http.Reply pushed = Http.call("POST", soap, null, "text/xml; charset=UTF-8", envelope.getBytes(StandardCharsets.UTF_8));
        assertTrue(pushed.body(), pushed.status() == 200 && pushed.body().contains("<status>APPLIED</status>"));
        assertTrue(Http.call("POST", soap, null, "text/xml; charset=UTF-8", envelope.getBytes(StandardCharsets.UTF_8)).body()
                .contains("<status>DUPLICATE</status>"));
        assertTrue(Http.get(soap + "?wsdl", null).body().contains("submitBatch"));
        String soapTooLarge = rawStatusLine(soap, 60L * 1024 * 1024, "text/xml; charset=UTF-8");
        assertTrue(soapTooLarge, soapTooLarge.contains(" 413 "));

        // oversized: by the declared length before anything is read, and by rows while reading
        assertTrue(rawStatusLine(batches + "big", 40L * 1024 * 1024, "text/csv").contains(" 413 "));
        StringBuilder many = new StringBuilder("metric,unit,date,value\n");
        for (int i = 0; i <= PlatformDataService.MAX_ROWS; i++) {
            many.append("it.ontime-rate,").append(code1).append(",2026-06-01,1\n");
        }
        Http.Reply tooMany = Http.call("POST", batches + "it-many", "assessment-system", "text/csv", many.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(tooMany.body(), 413, tooMany.status());
        assertEquals(404, Http.get(API + "/v1/platform-data/jurisdictions/370500/batches/it-many", "city-admin").status());

        Http.Reply fed = Http.json("POST", API + "/v1/platform-data/campaigns/" + campaign + "/apply", "city-admin",
                "[{\"metricCode\":\"it.ontime-rate\",\"indicatorCode\":\"C3.1\",\"asOccurrences\":false}]");
        assertEquals(fed.body(), 200, fed.status());
        assertTrue(fed.body(), Json.has(fed.body(), "unitId", u[1], "indicatorCode", "C3.1", "metricCode", "it.ontime-rate", "value", 95, "rows", 2)
                && Json.has(fed.body(), "unitId", u[2], "indicatorCode", "C3.1", "metricCode", "it.ontime-rate", "value", 75));
        Http.Reply inputs = Http.get(API + "/v1/campaigns/" + campaign + "/units/" + u[1] + "/inputs", "city-admin");
        assertTrue(inputs.body(), Json.has(inputs.body(), "source", "PLATFORM_DATA") && Json.anyText(inputs.body(), "platform-data:it.ontime-rate batches=["));
        Http.Reply wrongCategory = Http.json("POST", API + "/v1/platform-data/campaigns/" + campaign + "/apply", "city-admin",
                "[{\"metricCode\":\"it.ontime-rate\",\"indicatorCode\":\"D1.1\",\"asOccurrences\":false}]");
        assertTrue(wrongCategory.body(), Json.anyText(wrongCategory.body(), "不属于“平台数据”类别"));
        Http.Reply openapi = Http.get(API + "/openapi.json", null);
        assertTrue(Json.documents(openapi.body(), "/v1/platform-data/jurisdictions/{code}/batches") && Json.documents(openapi.body(), "/v1/questionnaires/{id}/tokens"));
    }

    /** Sends only the headers of a POST declaring {@code length} bytes, then half-closes; returns the status line of the answer. */
    private static String rawStatusLine(String url, long length, String contentType) throws IOException {
        java.net.URL u = new java.net.URL(url);
        try (Socket s = new Socket(u.getHost(), u.getPort())) {
            s.setSoTimeout(30_000);
            String auth = java.util.Base64.getEncoder().encodeToString("assessment-system:assessment-system-demo".getBytes(StandardCharsets.UTF_8));
            OutputStream out = s.getOutputStream();
            out.write(("POST " + u.getFile() + " HTTP/1.1\r\nHost: " + u.getHost() + "\r\nAuthorization: Basic " + auth
                    + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // the client sends no body at all: the answer must come from the declared length alone (were the body
            // merely slow, CXF would read and discard up to 16 MB of it before answering)
            s.shutdownOutput();
            StringBuilder line = new StringBuilder();
            InputStream in = s.getInputStream();
            for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
                line.append((char) c);
            }
            return line.toString();
        }
    }

    @Test
    public void aConfiguredFeedPullsFromAPartnerAndRecordsItsRuns() throws Exception {
        long[] u = cityUnits();
        String units = Http.get(API + "/v1/jurisdictions/370500/units", "city-admin").body();
        String code = Json.string(Json.element(Json.parse(units), "id", u[3]), "code");
        assertEquals(200, Http.json("PUT", API + "/v1/platform-data/jurisdictions/370500/metrics/it.bad-reviews", "city-admin",
                "{\"name\":\"差评件数\",\"unitOfMeasure\":\"件\",\"sourceSystem\":\"haocha\",\"aggregation\":\"SUM\"}").status());
        byte[] export = ("metric,unit,date,value\nit.bad-reviews," + code + ",2026-10-15,3\n").getBytes(StandardCharsets.UTF_8);
        try (ServerSocket partner = new ServerSocket(0)) {
            Thread server = new Thread(() -> serve(partner, export), "it-partner");
            server.setDaemon(true);
            server.start();
            Dictionary<String, Object> feed = new Hashtable<>();
            feed.put("name", "it-haocha");
            feed.put("jurisdiction", "370500");
            feed.put("sourceSystem", "haocha");
            feed.put("location", "http://127.0.0.1:" + partner.getLocalPort() + "/export.csv");
            feed.put("format", "csv");
            feed.put("timeoutSeconds", "10");
            feed.put("retries", "0");
            configurations.createFactoryConfiguration("cn.supervision.platform.feed", "?").update(feed);
            Http.await(API + "/v1/platform-data/feeds", "city-admin", r -> Json.anyText(r.body(), "it-haocha"), 30_000);
            Http.Reply run = Http.call("POST", API + "/v1/platform-data/feeds/it-haocha/runs", "city-admin", null, null);
            assertEquals(run.body(), 200, run.status());
            assertTrue(run.body(), Json.has(run.body(), "outcome", "SUCCEEDED") && Json.has(run.body(), "rows", 1));
            Http.Reply again = Http.call("POST", API + "/v1/platform-data/feeds/it-haocha/runs", "city-admin", null, null);
            assertTrue(again.body(), Json.has(again.body(), "outcome", "DUPLICATE"));
        }
        Http.Reply runs = Http.get(API + "/v1/platform-data/feeds/it-haocha/runs", "city-admin");
        assertEquals(runs.body(), 2, Json.count(runs.body(), "outcome"));
        Http.Reply rows = Http.get(API + "/v1/platform-data/jurisdictions/370500/metrics/it.bad-reviews/rows?unit=" + u[3], "city-admin");
        assertTrue(rows.body(), Json.has(rows.body(), "value", 3) && Json.mentions(rows.body(), "batchId"));
        assertFalse(Json.anyText(Http.get(API + "/v1/platform-data/feeds", "lijin-admin").body(), "it-haocha"));
    }

    /** A partner's export endpoint: answers every request with the same CSV document. */
    private static void serve(ServerSocket socket, byte[] body) {
        while (!socket.isClosed()) {
            try (Socket s = socket.accept()) {
                InputStream in = s.getInputStream();
                int last = 0;
                int c;
                int newlines = 0;
                while ((c = in.read()) >= 0) { // the request ends with an empty line
                    newlines = c == '\n' ? (last == '\r' || last == '\n' ? newlines + 1 : 1) : (c == '\r' ? newlines : 0);
                    last = c;
                    if (newlines == 2) {
                        break;
                    }
                }
                OutputStream out = s.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/csv; charset=UTF-8\r\nContent-Length: " + body.length
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
            } catch (IOException e) {
                return;
            }
        }
    }
}
