package cn.supervision.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The collection channels under load, over HTTP against the real distribution (embedded Derby, durable commits), with the
 * load generator on the same machine. Not a test: {@code mvn -B -P bench -pl distribution verify} after an install;
 * figures in distribution/target/bench.txt.
 * <ul>
 * <li>200 000 public-evaluation responses (4 answers each, 800 000 answers) submitted with one-time tokens by 50
 * concurrent clients back to back, after a warm-up of 20 000 (reported too): latency of each submission.</li>
 * <li>1 000 000 platform-data rows as 20 CSV batches of 50 000 over REST, one partner after the other.</li>
 * </ul>
 */
class CollectionLoadBench {
    static final int RESPONSES = Integer.getInteger("bench.responses", 200_000);
    static final int CLIENTS = 50;
    static final int ROWS = Integer.getInteger("bench.rows", 1_000_000);
    static final int BATCH = 50_000;
    static KarafInstance karaf;
    static final StringBuilder REPORT = new StringBuilder();

    @BeforeAll
    static void boot() throws Exception {
        karaf = new KarafInstance("bench", Integer.getInteger("it.bench.http.port", 8186), 5);
        karaf.start();
    }

    @AfterAll
    static void stop() throws Exception {
        karaf.stopIfRunning();
        Files.writeString(Path.of("target", "bench.txt"), REPORT.toString(), StandardCharsets.UTF_8);
        System.out.print(REPORT);
    }

    static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    @Test
    void publicEvaluationSubmissions() throws Exception {
        String units = Http.get(karaf.api + "/v1/jurisdictions/370500/units", "city-admin").body();
        List<Long> targets = Json.ids(units).stream().limit(20).toList();
        long system = Json.firstId(Http.get(karaf.api + "/v1/indicator-systems?jurisdiction=370500&status=PUBLISHED", "city-admin").body());
        String plan = "{\"kind\":\"SPECIAL\",\"title\":\"负载\",\"period\":{\"type\":\"YEAR\",\"year\":2026},\"systems\":{\"PARTY_ORGAN\":" + system
                + ",\"GOVERNMENT_DEPARTMENT\":" + system + ",\"PUBLIC_INSTITUTION\":" + system + "},\"targetUnitIds\":" + targets + "}";
        long campaign = Json.id(Http.json("POST", karaf.api + "/v1/campaigns", "city-admin",
                "{\"jurisdictionCode\":\"370500\",\"plan\":" + plan + "}").body());
        assertEquals(200, Http.json("POST", karaf.api + "/v1/campaigns/" + campaign + "/transitions", "city-admin",
                "{\"to\":\"COLLECTING\",\"reason\":\"负载\"}").status());
        String definition = "{\"kind\":\"PUBLIC_EVALUATION\",\"title\":\"负载测试\",\"questions\":["
                + "{\"code\":\"S1\",\"text\":\"总体满意度\",\"type\":\"SATISFACTION\",\"required\":true},"
                + "{\"code\":\"R1\",\"text\":\"便捷\",\"type\":\"RATING\",\"required\":true},"
                + "{\"code\":\"R2\",\"text\":\"态度\",\"type\":\"RATING\",\"required\":true},"
                + "{\"code\":\"R3\",\"text\":\"时效\",\"type\":\"RATING\",\"required\":true}],"
                + "\"bindings\":[{\"indicatorCode\":\"C2.1\",\"conversion\":\"SATISFACTION_RATE\",\"questionCode\":\"S1\"}]}";
        long q = Json.id(Http.json("POST", karaf.api + "/v1/questionnaires", "city-admin",
                "{\"campaignId\":" + campaign + ",\"definition\":" + definition + "}").body());
        assertEquals(200, Http.call("POST", karaf.api + "/v1/questionnaires/" + q + "/open", "city-admin", null, null).status());

        long t0 = System.nanoTime();
        List<String> tokens = new ArrayList<>(RESPONSES);
        for (int issued = 0; issued < WARM_UP + RESPONSES; issued += 10_000) {
            Http.Reply r = Http.json("POST", karaf.api + "/v1/questionnaires/" + q + "/tokens", "city-admin",
                    "{\"count\":" + Math.min(10_000, WARM_UP + RESPONSES - issued) + "}");
            assertEquals(201, r.status(), r.body());
            tokens.addAll(PlatformIT.tokenValues(r.body()));
        }
        long issueMillis = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(WARM_UP + RESPONSES, tokens.size());

        // a warm-up first (JIT, Derby's page cache), reported apart; then the measured 200 000, clients back to back
        Phase warm = run(tokens, targets, 0, WARM_UP);
        Phase measured = run(tokens, targets, WARM_UP, WARM_UP + RESPONSES);
        Http.Reply progress = Http.get(karaf.api + "/v1/questionnaires/" + q + "/progress", "city-admin");
        assertEquals(WARM_UP + RESPONSES, Json.wholeNumber(Json.of(progress), "responses"), progress.body().substring(0, 200));
        REPORT.append(String.format("public evaluation: responses of 4 answers with one-time tokens, %d concurrent clients submitting back to back,"
                        + " HTTP/1.1 keep-alive, load generator on the same 2-core machine (issuing %d tokens, 10 000 per request: %.1f s):%n",
                CLIENTS, WARM_UP + RESPONSES, issueMillis / 1000.0))
                .append(warm.describe("cold start, the first " + WARM_UP))
                .append(measured.describe("measured, the next " + RESPONSES));
    }

    static final int WARM_UP = Integer.getInteger("bench.warmUp", 20_000);

    /** The latencies of one phase. */
    record Phase(int count, long wallMillis, long[] sorted) {
        String describe(String how) {
            return String.format("  %s: %d submissions in %.1f s = %.0f/s; latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", how, count,
                    wallMillis / 1000.0, count * 1000.0 / wallMillis, percentile(sorted, 50) / 1e6, percentile(sorted, 90) / 1e6,
                    percentile(sorted, 99) / 1e6, sorted[sorted.length - 1] / 1e6);
        }
    }

    /** Submits tokens [from, to) with {@link #CLIENTS} clients, each sending its next submission as soon as the last is answered. */
    static Phase run(List<String> tokens, List<Long> targets, int from, int to) throws InterruptedException {
        long[] latencies = new long[to - from];
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger next = new AtomicInteger(from);
        List<Thread> clients = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            Thread t = new Thread(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
                for (int i = next.getAndIncrement(); i < to; i = next.getAndIncrement()) {
                    String body = "{\"unitId\":" + targets.get(i % targets.size()) + ",\"answers\":[{\"questionCode\":\"S1\",\"level\":" + (i % 5 + 1)
                            + "},{\"questionCode\":\"R1\",\"level\":4},{\"questionCode\":\"R2\",\"level\":5},{\"questionCode\":\"R3\",\"level\":3}]}";
                    HttpRequest request = HttpRequest.newBuilder(URI.create(karaf.api + "/v1/questionnaires/public/t/" + tokens.get(i)))
                            .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long s = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 201) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                    latencies[i - from] = System.nanoTime() - s;
                }
            }, "bench-client-" + c);
            t.start();
            clients.add(t);
        }
        for (Thread t : clients) {
            t.join();
        }
        long wall = (System.nanoTime() - start) / 1_000_000;
        assertEquals(0, failures.get());
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return new Phase(to - from, wall, sorted);
    }

    @Test
    void oneMillionPlatformRowsOverRest() throws Exception {
        assertEquals(200, Http.json("PUT", karaf.api + "/v1/platform-data/jurisdictions/370500/metrics/bench.tickets", "city-admin",
                "{\"name\":\"热线工单\",\"unitOfMeasure\":\"件\",\"sourceSystem\":\"hotline\",\"aggregation\":\"COUNT\"}").status());
        List<String> units = Json.elements(Json.parse(Http.get(karaf.api + "/v1/jurisdictions/370500/units", "city-admin").body()))
                .map(u -> Json.string(u, "code")).toList();
        long[] perBatch = new long[ROWS / BATCH];
        long start = System.nanoTime();
        for (int b = 0; b < ROWS / BATCH; b++) {
            StringBuilder csv = new StringBuilder(BATCH * 50).append("metric,unit,date,value,recordId\n");
            for (int i = 0; i < BATCH; i++) {
                int n = b * BATCH + i;
                csv.append("bench.tickets,").append(units.get(n % units.size())).append(',')
                        .append(java.time.LocalDate.of(2025, 1, 1).plusDays(n % 700)).append(",1,GD").append(n).append('\n');
            }
            long s = System.nanoTime();
            Http.Reply r = Http.call("POST", karaf.api + "/v1/platform-data/jurisdictions/370500/batches?sourceSystem=hotline&clientBatchId=bench-" + b,
                    "assessment-system", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
            perBatch[b] = (System.nanoTime() - s) / 1_000_000;
            assertEquals(201, r.status(), r.body());
        }
        long wall = (System.nanoTime() - start) / 1_000_000;
        long s = System.nanoTime();
        Http.Reply quarter = Http.get(karaf.api + "/v1/platform-data/jurisdictions/370500/metrics/bench.tickets/aggregate?from=2026-07-01&to=2026-09-30",
                "city-admin");
        long quarterMillis = (System.nanoTime() - s) / 1_000_000;
        assertEquals(200, quarter.status());
        long[] sorted = perBatch.clone();
        Arrays.sort(sorted);
        REPORT.append(String.format("platform data over REST: %d rows as %d CSV batches of %d (≈%.1f MB each), one partner after the other:%n"
                        + "  %.1f s including building the CSV, %.0f rows/s; per batch median %d ms, max %d ms; aggregate of a quarter: %d ms%n",
                ROWS, ROWS / BATCH, BATCH, BATCH * 48 / 1e6, wall / 1000.0, ROWS * 1000.0 / wall, sorted[sorted.length / 2], sorted[sorted.length - 1],
                quarterMillis));
    }
}
