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
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * What the audit trail costs a request, over HTTP against the real distribution (embedded Derby, durable commits), with
 * the load generator on the same machine. Not a test: {@code mvn -B -P bench -pl distribution verify -Dit.test=AuditBench}
 * after an install; figures in distribution/target/audit-bench.txt.
 *
 * <p>The distribution is booted twice: as shipped, and with {@code supervision.audit.benchmarkWithout=true} in
 * etc/system.properties (the audit filter still runs, the trail records nothing). Each boot measures, with
 * {@link #CLIENTS} clients sending back to back over keep-alive connections, a read (GET
 * /v1/jurisdictions/370500/units: only the login is audited, once per user and address in 15 minutes) and a write (PUT of
 * a unit, each client its own unit: one entry per request, committed before the answer).
 */
class AuditBench {
    static final int CLIENTS = 20;
    static final int READS = Integer.getInteger("bench.audit.reads", 10_000);
    static final int WRITES = Integer.getInteger("bench.audit.writes", 4_000);
    static final StringBuilder REPORT = new StringBuilder();
    static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("city-admin:city-admin-demo".getBytes(StandardCharsets.UTF_8));

    @AfterAll
    static void write() throws Exception {
        Files.writeString(Path.of("target", "audit-bench.txt"), REPORT.toString(), StandardCharsets.UTF_8);
        System.out.print(REPORT);
    }

    @Test
    void withAndWithoutTheAuditTrail() throws Exception {
        REPORT.append(String.format("audit trail cost: %d concurrent clients back to back, HTTP/1.1 keep-alive, load generator on the same"
                + " 2-core machine; %d reads and %d writes measured after a warm-up of a fifth as many%n", CLIENTS, READS, WRITES));
        // the order of the boots (bench.audit.modes, e.g. "without,with,without") so that drift on a busy machine shows
        for (String mode : System.getProperty("bench.audit.modes", "with,without").split(",")) {
            boolean audited = "with".equals(mode.trim());
            KarafInstance karaf = new KarafInstance("audit-bench", Integer.getInteger("it.bench.http.port", 8187), 6);
            if (!audited) {
                karaf.setProperty("etc/system.properties", "supervision.audit.benchmarkWithout", "true");
            }
            karaf.start();
            try {
                measure(karaf, audited ? "with the audit trail" : "without (supervision.audit.benchmarkWithout=true)");
            } finally {
                karaf.stopIfRunning();
            }
        }
    }

    private static void measure(KarafInstance karaf, String how) throws Exception {
        String units = karaf.api + "/v1/jurisdictions/370500/units";
        List<Long> own = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            Http.Reply created = Http.json("POST", units, "city-admin", body("BENCH" + c + UUID.randomUUID().toString().substring(0, 4), 0));
            assertEquals(201, created.status(), created.body());
            own.add(Long.parseLong(created.location().substring(created.location().lastIndexOf('/') + 1)));
        }
        run(READS / 5, i -> get(units));
        Phase reads = run(READS, i -> get(units));
        String[] codes = new String[CLIENTS];
        for (int c = 0; c < CLIENTS; c++) {
            String unit = Http.get(karaf.api + "/v1/units/" + own.get(c), "city-admin").body();
            codes[c] = Json.string(Json.parse(unit), "code");
        }
        IntFunction<HttpRequest> put = i -> {
            int c = i % CLIENTS;
            return HttpRequest.newBuilder(URI.create(karaf.api + "/v1/units/" + own.get(c))).timeout(Duration.ofSeconds(60))
                    .header("Authorization", AUTH).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(body(codes[c], i))).build();
        };
        run(WRITES / 5, put);
        Phase writes = run(WRITES, put);
        REPORT.append("  ").append(how).append(":\n")
                .append(reads.describe("GET /v1/jurisdictions/370500/units"))
                .append(writes.describe("PUT /v1/units/{id}"));
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).header("Authorization", AUTH).GET().build();
    }

    static String body(String code, int revision) {
        return "{\"code\":\"" + code + "\",\"name\":\"基准测试中心" + revision + "\",\"kind\":\"PUBLIC_INSTITUTION\","
                + "\"mandate\":{\"duties\":[{\"number\":1,\"text\":\"承担基准测试工作。\"}],\"internalBodies\":[\"综合科\"],"
                + "\"staffing\":{\"administrativeSlots\":0,\"institutionalSlots\":3,\"leadershipPosts\":1}}}";
    }

    record Phase(int count, long wallMillis, long[] sorted, int failures) {
        String describe(String what) {
            return String.format("    %s: %d in %.1f s = %.0f/s; latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%s%n", what, count,
                    wallMillis / 1000.0, count * 1000.0 / wallMillis, CollectionLoadBench.percentile(sorted, 50) / 1e6,
                    CollectionLoadBench.percentile(sorted, 90) / 1e6, CollectionLoadBench.percentile(sorted, 99) / 1e6,
                    sorted[sorted.length - 1] / 1e6, failures == 0 ? "" : "; FAILED: " + failures);
        }
    }

    /** {@code count} requests from {@link #CLIENTS} clients, each sending its next as soon as the last is answered. */
    static Phase run(int count, IntFunction<HttpRequest> request) throws InterruptedException {
        long[] latencies = new long[count];
        AtomicInteger failures = new AtomicInteger();
        List<Thread> clients = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
                // client c always sends requests c, c + CLIENTS, …: with PUTs, each client writes only its own unit
                for (int i = client; i < count; i += CLIENTS) {
                    long s = System.nanoTime();
                    try {
                        HttpResponse<Void> r = http.send(request.apply(i), HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() >= 300) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                    latencies[i] = System.nanoTime() - s;
                }
            });
            clients.add(t);
            t.start();
        }
        for (Thread t : clients) {
            t.join();
        }
        long wall = (System.nanoTime() - start) / 1_000_000;
        Arrays.sort(latencies);
        return new Phase(count, wall, latencies, failures.get());
    }
}
