package cn.supervision.itests;

import static cn.supervision.itests.PlatformIT.API;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * What callers who may not write, and bodies that cannot be taken, get from {@code POST /v1/campaigns/{id}/inputs/batch}:
 * the anonymous, a unit user writing beyond its unit, another county's admin, bodies over the JSON cap (declared and
 * streamed) or over the batch's item cap, and malformed bodies. Each is refused with a 4xx, and afterwards the campaign's
 * inputs are what they were; a good batch at the end shows the campaign was taking inputs all along.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class CampaignInputBatchIT {
    static final int MB = 1024 * 1024;

    @Configuration
    public Option[] config() {
        return new PlatformIT().config();
    }

    /** A collecting city campaign on CZJ and one other city unit. */
    record Target(long campaign, long czj, long other) {
        String batch() {
            return API + "/v1/campaigns/" + campaign + "/inputs/batch";
        }

        String own(String code, int value) {
            return "{\"unitId\":" + czj + ",\"code\":\"" + code + "\",\"input\":{\"value\":" + value + "},\"source\":\"SELF_REPORT\","
                    + "\"explanation\":\"见任务台账\"}";
        }

        String office(long unit, String code, int value) {
            return "{\"unitId\":" + unit + ",\"code\":\"" + code + "\",\"input\":{\"value\":" + value + "},\"source\":\"OFFICE\","
                    + "\"explanation\":\"12345 平台导出\"}";
        }

        /** A unit's inputs as the office sees them. */
        String inputs(long unit) throws IOException {
            Http.Reply r = Http.get(API + "/v1/campaigns/" + campaign + "/units/" + unit + "/inputs", "city-admin");
            assertEquals(r.body(), 200, r.status());
            return r.body().trim();
        }

        void nothingWritten() throws IOException {
            assertEquals("nothing written for CZJ", "[]", inputs(czj));
            assertEquals("nothing written for the other unit", "[]", inputs(other));
        }

        /** A good batch is taken: the refusals before it were not the campaign refusing everything. */
        void takesAGoodBatch() throws IOException {
            Http.Reply good = Http.json("POST", batch(), "city-admin", "{\"inputs\":[" + office(czj, "C3.1", 97) + "]}");
            assertEquals(good.body(), 201, good.status());
            assertTrue(good.body(), Json.has(good.body(), "written", true));
            assertEquals(1, Json.count(inputs(czj), "code"));
        }
    }

    private static Target collecting(String title) throws Exception {
        PlatformIT.awaitReady(); // the first test of the suite may run while the REST resources are still registering
        long czj = Json.firstId(Http.await(API + "/v1/jurisdictions/370500/units", "czj-user",
                r -> r.status() == 200 && Json.has(r.body(), "code", "CZJ"), 60_000).body());
        JsonNode units = Json.of(Http.get(API + "/v1/jurisdictions/370500/units?limit=1000", "city-admin"));
        long other = Json.elements(units).filter(u -> !u.path("code").asText().equals("CZJ")).findFirst()
                .orElseThrow(() -> new AssertionError("no city unit besides CZJ: " + units)).path("id").asLong();
        Http.Reply systems = Http.await(API + "/v1/indicator-systems?jurisdiction=370500&status=PUBLISHED", "city-admin",
                r -> r.status() == 200 && Json.anyText(r.body(), "东营市市直部门单位职能运行监管指标体系"), 60_000);
        long system = Json.firstId(systems.body());
        String plan = "{\"kind\":\"SPECIAL\",\"title\":\"" + title + "\",\"period\":{\"type\":\"YEAR\",\"year\":2026},"
                + "\"systems\":{\"PARTY_ORGAN\":" + system + ",\"GOVERNMENT_DEPARTMENT\":" + system + ",\"PUBLIC_INSTITUTION\":" + system + "},"
                + "\"targetUnitIds\":[" + czj + "," + other + "]}";
        Http.Reply created = Http.json("POST", API + "/v1/campaigns", "city-admin", "{\"jurisdictionCode\":\"370500\",\"plan\":" + plan + "}");
        assertEquals(created.body(), 201, created.status());
        long id = Json.id(created.body());
        Http.Reply start = Http.json("POST", API + "/v1/campaigns/" + id + "/transitions", "city-admin", "{\"to\":\"COLLECTING\",\"reason\":\"开始采集\"}");
        assertEquals(start.body(), 200, start.status());
        return new Target(id, czj, other);
    }

    private static void assertProblem(int status, Predicate<JsonNode> says, Http.Reply reply) {
        assertEquals(reply.body(), status, reply.status());
        assertTrue(reply.contentType(), reply.contentType() != null && reply.contentType().startsWith("application/problem+json"));
        assertTrue(reply.body(), Json.has(reply.body(), "status", status) && Json.hasField(reply.body(), "title")
                && Json.hasField(reply.body(), "detail"));
        assertTrue(reply.body(), says.test(Json.of(reply)));
        assertFalse(reply.body(), reply.body().contains("Exception") || reply.body().contains("\tat "));
    }

    private static void assertProblem(int status, String mentions, Http.Reply reply) {
        assertProblem(status, problem -> Json.anyText(problem, mentions), reply);
    }

    private static Predicate<JsonNode> field(String name) {
        return problem -> Json.has(problem, "field", name);
    }

    @Test
    public void theAnonymousAUnitUserBeyondItsUnitAndAnotherCountysAdminWriteNothing() throws Exception {
        Target t = collecting("成批录入越权测试 " + System.nanoTime());
        String ownAndOthers = "{\"inputs\":[" + t.own("D1.1", 92) + ","
                + "{\"unitId\":" + t.other + ",\"code\":\"D1.1\",\"input\":{\"value\":100},\"source\":\"SELF_REPORT\"},"
                + t.office(t.czj, "C3.1", 99) + "]}";

        Http.Reply anonymous = Http.json("POST", t.batch(), null, "{\"inputs\":[" + t.office(t.czj, "C3.1", 99) + "]}");
        assertProblem(401, "未认证", anonymous);

        // a unit user: its own self-report is fine, another unit's and an office figure are not; all or nothing
        Http.Reply unit = Http.json("POST", t.batch(), "czj-user", ownAndOthers);
        assertEquals(unit.body(), 422, unit.status());
        assertTrue(unit.contentType(), unit.contentType().startsWith("application/json"));
        JsonNode outcomes = Json.of(unit).path("outcomes");
        assertTrue(unit.body(), Json.is(Json.of(unit), "written", false) && outcomes.size() == 3);
        // nulls are left out of answers: an accepted draft in a refused batch has neither refusal nor record
        assertTrue(unit.body(), Json.is(outcomes.path(0), "index", 0) && !outcomes.path(0).has("refusal") && !outcomes.path(0).has("record"));
        assertTrue(unit.body(), Json.is(outcomes.path(1), "index", 1, "refusal", "FORBIDDEN") && !outcomes.path(1).has("record"));
        assertTrue(unit.body(), Json.is(outcomes.path(2), "index", 2, "refusal", "FORBIDDEN") && !outcomes.path(2).has("record"));
        // the same with a key: nothing written, and the key not taken by the refusal (used again below)
        Map<String, String> key = Map.of("Idempotency-Key", "batch-attack-" + System.nanoTime());
        Http.Reply keyed = Http.call("POST", t.batch(), "czj-user", "application/json", ownAndOthers.getBytes(StandardCharsets.UTF_8), key);
        assertEquals(keyed.body(), 422, keyed.status());
        assertEquals(null, keyed.header("Idempotent-Replayed"));

        // another county's admins do not even see the city's campaign
        for (String county : new String[] {"lijin-admin", "guangrao-admin"}) {
            Http.Reply refused = Http.json("POST", t.batch(), county, "{\"inputs\":[" + t.office(t.czj, "C3.1", 99) + "]}");
            assertProblem(403, problem -> true, refused);
        }
        t.nothingWritten();

        // the unit's own self-report alone is taken, under the same key: it was refused above only for the company it kept
        Http.Reply own = Http.call("POST", t.batch(), "czj-user", "application/json",
                ("{\"inputs\":[" + t.own("D1.1", 92) + "]}").getBytes(StandardCharsets.UTF_8), key);
        assertEquals(own.body(), 201, own.status());
        String czjInputs = t.inputs(t.czj);
        assertEquals(czjInputs, 1, Json.count(czjInputs, "code"));
        assertTrue(czjInputs, Json.has(czjInputs, "code", "D1.1", "source", "SELF_REPORT", "enteredBy", "czj-user"));
        assertEquals("[]", t.inputs(t.other));
    }

    @Test
    public void bodiesOverTheCapsAreRefusedWithoutBeingReadAndWriteNothing() throws Exception {
        Target t = collecting("成批录入超大请求体测试 " + System.nanoTime());
        String path = "/v1/campaigns/" + t.campaign + "/inputs/batch";
        String neverEnding = "{\"inputs\":[{\"unitId\":" + t.czj + ",\"code\":\"C3.1\",\"source\":\"OFFICE\",\"explanation\":\"";

        // 64 KB of a declared 100 MB, then nothing: the answers come from the headers alone
        BoundsIT.Raw anonymous = BoundsIT.raw(path, null, "application/json", 100L * MB, false, 64 * 1024, neverEnding);
        assertEquals(anonymous.statusLine(), 401, anonymous.status());
        BoundsIT.Raw unitUser = BoundsIT.raw(path, "czj-user", "application/json", 100L * MB, false, 64 * 1024, neverEnding);
        assertEquals(unitUser.statusLine(), 413, unitUser.status());
        BoundsIT.Raw declared = BoundsIT.raw(path, "city-admin", "application/json", 100L * MB, false, 64 * 1024, neverEnding);
        assertEquals(declared.statusLine(), 413, declared.status());

        // chunked, so no length to judge by: refused while it streams, having read about the cap and not the 100 MB
        BoundsIT.Raw chunked = BoundsIT.raw(path, "city-admin", "application/json", 100L * MB, true, 0, neverEnding);
        assertEquals(chunked.statusLine(), 413, chunked.status());
        assertTrue("sent " + chunked.sent() + " bytes before the answer", chunked.sent() < 20L * MB);
        assertEquals(200, Http.get(API + "/v1/health", null).status());

        // just over the 1 MB JSON cap through an ordinary client: a problem naming the limit
        StringBuilder big = new StringBuilder(neverEnding).append("长".repeat(MB / 3 + 10)).append("\",\"input\":{\"value\":1}}]}");
        assertProblem(413, "请求体超过 1 MB 上限", Http.json("POST", t.batch(), "city-admin", big.toString()));

        // under the byte cap, over the item cap: refused whole before any item is checked
        StringBuilder many = new StringBuilder("{\"inputs\":[");
        for (int i = 0; i <= 10_000; i++) {
            many.append(i == 0 ? "" : ",").append("{\"unitId\":").append(t.czj).append(",\"code\":\"C3.1\"}");
        }
        String manyBody = many.append("]}").toString();
        assertTrue("the item cap is what refuses it: " + manyBody.length(), manyBody.length() < MB);
        assertProblem(413, "一批最多 10000 项输入，收到 10001 项", Http.json("POST", t.batch(), "city-admin", manyBody));

        t.nothingWritten();
        t.takesAGoodBatch();
    }

    @Test
    public void malformedBodiesGetProblemsAndWriteNothing() throws Exception {
        Target t = collecting("成批录入畸形请求体测试 " + System.nanoTime());
        String good = t.office(t.czj, "C3.1", 97);

        assertProblem(400, "JSON", Http.json("POST", t.batch(), "city-admin", "{\"inputs\":[" + good));
        assertProblem(400, "JSON", Http.json("POST", t.batch(), "city-admin", "inputs=" + good));
        assertProblem(400, "JSON", Http.json("POST", t.batch(), "city-admin", "{\"inputs\":[" + good + "]} {\"inputs\":[]}"));
        assertProblem(400, field("inputs"), Http.json("POST", t.batch(), "city-admin", "{\"inputs\":" + good + "}"));
        assertProblem(400, field("inputs"), Http.json("POST", t.batch(), "city-admin", "{}"));
        // no body at all: the reader hands the resource nothing (or CXF refuses the empty entity itself)
        assertProblem(400, problem -> true, Http.json("POST", t.batch(), "city-admin", ""));
        assertProblem(400, field("inputs[1]"), Http.json("POST", t.batch(), "city-admin", "{\"inputs\":[" + good + ",null]}"));
        assertProblem(400, field("inputs[1]"), Http.json("POST", t.batch(), "city-admin",
                "{\"inputs\":[" + good + ",{\"code\":\"C3.1\",\"input\":{\"value\":1},\"source\":\"OFFICE\"}]}"));
        assertProblem(400, "unknownField", Http.json("POST", t.batch(), "city-admin", "{\"inputs\":[" + good + "],\"unknownField\":1}"));
        assertProblem(400, "NOPE", Http.json("POST", t.batch(), "city-admin",
                "{\"inputs\":[" + good.replace("\"OFFICE\"", "\"NOPE\"") + "]}"));
        assertProblem(400, "整数", Http.json("POST", t.batch(), "city-admin",
                "{\"inputs\":[" + good.replace("\"unitId\":" + t.czj, "\"unitId\":\"CZJ\"") + "]}"));
        assertProblem(400, field("Idempotency-Key"), Http.call("POST", t.batch(), "city-admin", "application/json",
                ("{\"inputs\":[" + good + "]}").getBytes(StandardCharsets.UTF_8), Map.of("Idempotency-Key", "k".repeat(129))));
        assertProblem(415, "application/json", Http.call("POST", t.batch(), "city-admin", "text/plain",
                ("{\"inputs\":[" + good + "]}").getBytes(StandardCharsets.UTF_8)));
        assertProblem(404, problem -> true, Http.json("POST", API + "/v1/campaigns/987654321/inputs/batch", "city-admin",
                "{\"inputs\":[" + good + "]}"));

        t.nothingWritten();
        t.takesAGoodBatch();
    }
}
