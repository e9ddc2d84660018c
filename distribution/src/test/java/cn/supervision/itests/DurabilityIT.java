package cn.supervision.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Acknowledged means durable: two partner clients push 20 000-row batches while the Karaf JVM is killed with SIGKILL
 * (kill -9) in the middle of a batch being written. After a restart every acknowledged batch is complete, every batch
 * the platform holds is complete, and a batch cut off is absent as a whole and can be sent again.
 * Each batch writes its own day, so its rows can be counted on their own. Figures in target/durability.txt.
 */
class DurabilityIT {
    static final int ROWS = 20_000;
    static final int CLIENTS = 2;
    static final String METRIC = "durability.tickets";
    static KarafInstance karaf;

    @BeforeAll
    static void unpack() throws Exception {
        karaf = new KarafInstance("durability", Integer.getInteger("it.durability.http.port", 8185), 4);
    }

    @AfterAll
    static void stop() throws Exception {
        karaf.stopIfRunning();
    }

    static LocalDate day(int client, int n) {
        return LocalDate.of(2020, 1, 1).plusDays(client * 1_000L + n);
    }

    static byte[] batch(int client, int n, List<String> units) {
        StringBuilder csv = new StringBuilder(ROWS * 50).append("metric,unit,date,value,recordId\n");
        String date = day(client, n).toString();
        for (int i = 0; i < ROWS; i++) {
            csv.append(METRIC).append(',').append(units.get(i % units.size())).append(',').append(date).append(",1,r").append(i).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String url(String clientBatchId) {
        return karaf.api + "/v1/platform-data/jurisdictions/370500/batches?sourceSystem=hotline&clientBatchId=" + clientBatchId;
    }

    static long storedRows(LocalDate day) throws IOException {
        Http.Reply r = Http.get(karaf.api + "/v1/platform-data/jurisdictions/370500/metrics/" + METRIC + "/aggregate?from=" + day + "&to=" + day,
                "city-admin");
        assertEquals(200, r.status(), r.body());
        return Json.elements(Json.of(r)).mapToLong(a -> Json.wholeNumber(a, "rows")).sum();
    }

    @Test
    void killDashNineLeavesEveryAcknowledgedBatchCompleteAndNoPartialBatch() throws Exception {
        karaf.start();
        // health is readiness: once it is UP every domain bundle has migrated its schema and its resources are routed
        assertEquals(200, Http.get(karaf.api + "/v1/platform-data/jurisdictions/370500/batches", "city-admin").status(),
                "served as soon as health is UP");
        assertEquals(200, Http.json("PUT", karaf.api + "/v1/platform-data/jurisdictions/370500/metrics/" + METRIC, "city-admin",
                "{\"name\":\"热线工单（持久性验证）\",\"unitOfMeasure\":\"件\",\"sourceSystem\":\"hotline\",\"aggregation\":\"COUNT\"}").status());
        Http.Reply unitList = Http.get(karaf.api + "/v1/jurisdictions/370500/units", "city-admin");
        assertEquals(200, unitList.status(), unitList.body());
        List<String> units = Json.elements(Json.of(unitList)).map(u -> Json.string(u, "code")).toList();
        assertFalse(units.isEmpty());

        Map<String, LocalDate> sent = new ConcurrentHashMap<>();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Map<Integer, Long> inFlightSince = new ConcurrentHashMap<>();
        AtomicBoolean killed = new AtomicBoolean();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                for (int n = 0; !killed.get() && n < 900; n++) {
                    String id = "dur-" + client + "-" + n;
                    byte[] body = batch(client, n, units);
                    sent.put(id, day(client, n));
                    inFlightSince.put(client, System.nanoTime());
                    try {
                        Http.Reply r = Http.call("POST", url(id), "assessment-system", "text/csv", body);
                        inFlightSince.remove(client);
                        if (r.status() != 201) {
                            return;
                        }
                        acknowledged.add(id);
                    } catch (IOException e) {
                        return; // the platform is gone
                    }
                }
            }, "durability-client-" + c);
            t.start();
            clients.add(t);
        }
        // kill once a few batches are acknowledged and a request has been in progress long enough to be mid-write
        long deadline = System.currentTimeMillis() + 300_000;
        while (true) {
            long now = System.nanoTime();
            boolean midWrite = inFlightSince.values().stream().anyMatch(since -> now - since > TimeUnit.MILLISECONDS.toNanos(400));
            if (acknowledged.size() >= 4 && midWrite) {
                break;
            }
            assertTrue(System.currentTimeMillis() < deadline, "no batch acknowledged in time: " + acknowledged);
            TimeUnit.MILLISECONDS.sleep(20); // polling the clients' progress, with a deadline
        }
        Set<Integer> cutOff = Set.copyOf(inFlightSince.keySet());
        killed.set(true);
        karaf.kill();
        for (Thread t : clients) {
            t.join(60_000);
        }
        Set<String> acknowledgedAtKill = Set.copyOf(acknowledged);

        long restart = karaf.start();
        // no waiting for endpoints: storedRows and the batch lookups below assert their status on the first request
        int complete = 0;
        int absent = 0;
        for (Map.Entry<String, LocalDate> b : sent.entrySet()) {
            Http.Reply stored = Http.get(karaf.api + "/v1/platform-data/jurisdictions/370500/batches/" + b.getKey(), "city-admin");
            long rows = storedRows(b.getValue());
            if (stored.status() == 200) {
                assertTrue(Json.has(stored.body(), "rows", ROWS), stored.body());
                assertEquals(ROWS, rows, "batch " + b.getKey() + " is stored: all of its rows are");
                complete++;
            } else {
                assertEquals(404, stored.status(), stored.body());
                assertFalse(acknowledgedAtKill.contains(b.getKey()), "acknowledged batch " + b.getKey() + " was lost");
                assertEquals(0, rows, "batch " + b.getKey() + " is not stored: none of its rows are");
                absent++;
            }
        }
        assertTrue(complete >= acknowledgedAtKill.size());
        assertTrue(absent >= 1 || complete > acknowledgedAtKill.size(), "the kill hit a batch in flight: " + cutOff);
        // what was cut off is sent again: stored now, or reported as already stored (it committed just before the kill)
        for (Map.Entry<String, LocalDate> b : sent.entrySet()) {
            if (!acknowledgedAtKill.contains(b.getKey())) {
                int client = Integer.parseInt(b.getKey().split("-")[1]);
                int n = Integer.parseInt(b.getKey().split("-")[2]);
                Http.Reply r = Http.call("POST", url(b.getKey()), "assessment-system", "text/csv", batch(client, n, units));
                assertTrue(r.status() == 201 || r.status() == 200, r.body());
                assertEquals(ROWS, storedRows(b.getValue()));
            }
        }
        String report = String.format("kill -9 during ingestion: %d batches of %d rows sent by %d clients, %d acknowledged before the kill, "
                + "%d stored complete after restart, %d absent (cut off mid-write), 0 partial; restart to healthy %d ms%n",
                sent.size(), ROWS, CLIENTS, acknowledgedAtKill.size(), complete, absent, restart);
        Files.writeString(Path.of("target", "durability.txt"), report, StandardCharsets.UTF_8);
        System.out.print(report);
    }
}
