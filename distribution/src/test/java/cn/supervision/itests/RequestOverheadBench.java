package cn.supervision.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What one request costs on the database the suite runs on (embedded Derby by default, PostgreSQL with
 * {@code -P postgresql}): a unit list, one campaign input followed by the results (one unit rescored), a public survey
 * submission — one client, back to back, after a warm-up — and the unit list again with 8 clients. Not a test:
 * {@code mvn -B -P bench -pl distribution verify -Dit.test=RequestOverheadBench} after an install (add
 * {@code -P postgresql} with .ci/postgres started for the PostgreSQL column); figures in target/overhead-&lt;db&gt;.txt.
 */
class RequestOverheadBench {
    static final int WARM_UP = 300;
    static final int MEASURED = Integer.getInteger("bench.requests", 1_000);
    static KarafInstance karaf;
    static final StringBuilder REPORT = new StringBuilder();

    @BeforeAll
    static void boot() throws Exception {
        karaf = new KarafInstance("overhead", Integer.getInteger("it.bench.http.port", 8186), 5);
        karaf.start();
    }

    @AfterAll
    static void stop() throws Exception {
        karaf.stopIfRunning();
        String db = ItDatabase.postgresql() ? "postgresql" : "derby";
        String report = "database: " + db + "\n" + REPORT;
        Files.writeString(Path.of("target", "overhead-" + db + ".txt"), report, StandardCharsets.UTF_8);
        System.out.print(report);
    }

    interface Request {
        void run(int i) throws Exception;
    }

    /** p50/p99 of {@code count} calls after {@code warmUp} unmeasured ones, one after the other. */
    static String sequential(String what, int warmUp, int count, Request request) throws Exception {
        for (int i = 0; i < warmUp; i++) {
            request.run(i);
        }
        long[] nanos = new long[count];
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long s = System.nanoTime();
            request.run(warmUp + i);
            nanos[i] = System.nanoTime() - s;
        }
        long wall = System.nanoTime() - start;
        Arrays.sort(nanos);
        return String.format("  %s: %d back to back, p50 %.2f ms, p99 %.2f ms, %.0f/s%n", what, count, nanos[count / 2] / 1e6,
                nanos[(int) Math.ceil(count * 0.99) - 1] / 1e6, count * 1e9 / wall);
    }

    @Test
    void perRequestCosts() throws Exception {
        List<Long> units = Json.ids(Http.get(karaf.api + "/v1/jurisdictions/370500/units", "city-admin").body()).stream().limit(20).toList();
        REPORT.append(sequential("GET units of the city (first page)", WARM_UP, MEASURED, i ->
                assertEquals(200, Http.get(karaf.api + "/v1/jurisdictions/370500/units", "city-admin").status())));

        long system = Json.firstId(Http.get(karaf.api + "/v1/indicator-systems?jurisdiction=370500&status=PUBLISHED", "city-admin").body());
        String plan = "{\"kind\":\"SPECIAL\",\"title\":\"开销\",\"period\":{\"type\":\"YEAR\",\"year\":2026},\"systems\":{\"PARTY_ORGAN\":" + system
                + ",\"GOVERNMENT_DEPARTMENT\":" + system + ",\"PUBLIC_INSTITUTION\":" + system + "},\"targetUnitIds\":" + units + "}";
        long campaign = Json.id(Http.json("POST", karaf.api + "/v1/campaigns", "city-admin",
                "{\"jurisdictionCode\":\"370500\",\"plan\":" + plan + "}").body());
        assertEquals(200, Http.json("POST", karaf.api + "/v1/campaigns/" + campaign + "/transitions", "city-admin",
                "{\"to\":\"COLLECTING\",\"reason\":\"开销\"}").status());
        REPORT.append(sequential("POST one campaign input, then GET the results (that unit rescored)", WARM_UP, MEASURED, i -> {
            Http.Reply in = Http.json("POST", karaf.api + "/v1/campaigns/" + campaign + "/inputs", "city-admin",
                    "{\"unitId\":" + units.get(i % units.size()) + ",\"code\":\"C3.1\",\"input\":{\"value\":" + (50 + i % 50)
                            + "},\"source\":\"OFFICE\",\"explanation\":\"开销测量\"}");
            assertEquals(201, in.status(), in.body());
            assertEquals(200, Http.get(karaf.api + "/v1/campaigns/" + campaign + "/results", "city-admin").status());
        }));

        String definition = "{\"kind\":\"PUBLIC_EVALUATION\",\"title\":\"开销测量\",\"questions\":["
                + "{\"code\":\"S1\",\"text\":\"总体满意度\",\"type\":\"SATISFACTION\",\"required\":true},"
                + "{\"code\":\"R1\",\"text\":\"便捷\",\"type\":\"RATING\",\"required\":true}],"
                + "\"bindings\":[{\"indicatorCode\":\"C2.1\",\"conversion\":\"SATISFACTION_RATE\",\"questionCode\":\"S1\"}]}";
        long q = Json.id(Http.json("POST", karaf.api + "/v1/questionnaires", "city-admin",
                "{\"campaignId\":" + campaign + ",\"definition\":" + definition + "}").body());
        assertEquals(200, Http.call("POST", karaf.api + "/v1/questionnaires/" + q + "/open", "city-admin", null, null).status());
        Http.Reply issued = Http.json("POST", karaf.api + "/v1/questionnaires/" + q + "/tokens", "city-admin", "{\"count\":" + (WARM_UP + MEASURED) + "}");
        assertEquals(201, issued.status(), issued.body());
        List<String> tokens = PlatformIT.tokenValues(issued.body());
        REPORT.append(sequential("POST a public survey submission (one-time token, 2 answers)", WARM_UP, MEASURED, i -> {
            Http.Reply r = Http.json("POST", karaf.api + "/v1/questionnaires/public/t/" + tokens.get(i), null,
                    "{\"unitId\":" + units.get(i % units.size()) + ",\"answers\":[{\"questionCode\":\"S1\",\"level\":" + (1 + i % 5)
                            + "},{\"questionCode\":\"R1\",\"level\":4}]}");
            assertEquals(201, r.status(), r.body());
        }));

        // the unit list with 8 clients at once: throughput
        int clients = 8;
        int each = MEASURED / 2;
        AtomicInteger failures = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        long[] nanos = new long[clients * each];
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread th = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    long s = System.nanoTime();
                    try {
                        if (Http.get(karaf.api + "/v1/jurisdictions/370500/units", "city-admin").status() != 200) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                    nanos[client * each + i] = System.nanoTime() - s;
                }
            });
            th.start();
            threads.add(th);
        }
        for (Thread th : threads) {
            th.join();
        }
        long wall = System.nanoTime() - start;
        assertEquals(0, failures.get());
        Arrays.sort(nanos);
        REPORT.append(String.format("  GET units with %d clients: %d requests, %.0f/s, p50 %.2f ms, p99 %.2f ms%n", clients, nanos.length,
                nanos.length * 1e9 / wall, nanos[nanos.length / 2] / 1e6, nanos[(int) Math.ceil(nanos.length * 0.99) - 1] / 1e6));
    }
}
