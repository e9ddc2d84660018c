package cn.supervision.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two nodes of the distribution on one PostgreSQL database behind HAProxy, started by the shipped cluster/pair.sh.
 * Clients write through the balancer — campaign inputs (with an Idempotency-Key), public survey submissions (one-time
 * tokens) and platform-data batches (client batch ids) — and node 1 is killed with SIGKILL in the middle of it. Every
 * client retries what was not acknowledged (a reset connection, a 502/503) with the same request. Afterwards every
 * write is in the database exactly once, the prepared-transaction table is empty, and the surviving node serves the
 * results. Runs with {@code -P postgresql} (HAProxy from Debian's package); figures in target/failover.txt.
 */
class ClusterFailoverIT {
    static final int FRONT_PORT = Integer.getInteger("it.cluster.front.port", 8190);
    static final String FRONT = "https://localhost:" + FRONT_PORT + "/services/api";
    static final int BATCH_ROWS = 2_000;
    static final String METRIC = "failover.tickets";
    /** Writes of each kind acknowledged before the kill, and again after it. */
    static final int BEFORE = 15;
    static final int AFTER = 15;
    /**
     * A client holds its last writes back until node 1 is down: each kind has writes left to send after the kill however
     * fast it ran before (the survey client once used all its tokens while the batches were still short of BEFORE).
     */
    static final int RESERVE = 2 * AFTER;
    static final int TOKENS = 1_000;
    static final int INPUTS = 10_000;
    static final int BATCHES = 900;

    static KarafInstance dist;
    static Path pairDir;
    static Map<String, String> database;
    static SSLSocketFactory previousTls;
    /**
     * The writers' client: java.net.http sends a POST once. HttpURLConnection (Http) sends it a second time by itself
     * when a connection closes without an answer, which hid from the tally exactly the retries this test is about.
     */
    static HttpClient writers;

    @BeforeAll
    static void startPair() throws Exception {
        assumeTrue(ItDatabase.postgresql(), "two nodes share a PostgreSQL database: -P postgresql");
        // an unpacked distribution as shipped (HTTPS only): pair.sh copies it into two nodes and points them at the database
        dist = new KarafInstance("cluster", 8189, 5, false, false);
        database = ItDatabase.datasourceFor("cluster");
        pairDir = Path.of("target", "cluster-pair").toAbsolutePath();
        // a pair left by an earlier run holds nodes whose data/ belongs to a database schema since recreated
        KarafInstance.deleteTree(pairDir);
        pair("start");
        previousTls = Http.tls;
        SSLContext front = trusting(pairDir.resolve("front.crt"));
        Http.tls = front.getSocketFactory();
        writers = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(front)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stopPair() throws Exception {
        if (pairDir != null) {
            Http.tls = previousTls;
            pair("stop");
        }
    }

    static void pair(String... args) throws Exception {
        // through bash, as README says: the assembly does not keep the executable bit of files outside bin/
        List<String> command = new ArrayList<>(List.of("bash", dist.home.resolve("cluster/pair.sh").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dist.home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", "cluster-pair.out").toFile()));
        pb.environment().put("PAIR_DIR", pairDir.toString());
        pb.environment().put("FRONT_PORT", String.valueOf(FRONT_PORT));
        pb.environment().put("STATS_PORT", String.valueOf(FRONT_PORT + 1));
        pb.environment().put("DB_URL", database.get("url"));
        pb.environment().put("DB_USER", database.get("user"));
        pb.environment().put("DB_PASSWORD", database.get("password"));
        Process p = pb.start();
        assertTrue(p.waitFor(420, TimeUnit.SECONDS), "pair.sh " + String.join(" ", args) + " did not finish");
        assertEquals(0, p.exitValue(), "pair.sh " + String.join(" ", args) + " failed: see target/cluster-pair.out");
    }

    static SSLContext trusting(Path certificate) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            trust.setCertificateEntry("front", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        return tls;
    }

    /** One write through the balancer as a client sends it: once, with the user's Basic credentials. */
    static Http.Reply send(String url, String user, String contentType, byte[] body, Map<String, String> headers) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user + "-demo").getBytes(StandardCharsets.UTF_8)));
        }
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> r = writers.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Http.Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), new String(r.body(), StandardCharsets.UTF_8),
                    r.body(), r.headers().firstValue("Location").orElse(null), r.headers().map());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** HAProxy's counters for its nodes (CSV: name, sessions in all, HTTP 5xx it answered, retries, redispatches). */
    static String balancerCounters() {
        try {
            HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (FRONT_PORT + 1) + "/;csv"))
                            .timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            List<String> header = List.of(csv.body().lines().findFirst().orElse("").replace("# ", "").split(","));
            StringBuilder out = new StringBuilder();
            csv.body().lines().skip(1).map(l -> l.split(",", -1)).filter(f -> f[0].equals("nodes") || f[0].equals("supervision")).forEach(f -> out
                    .append(f[0]).append('/').append(f[1]).append(": requests ").append(f[header.indexOf("stot")])
                    .append(", 5xx ").append(f[header.indexOf("hrsp_5xx")]).append(", server aborts ").append(f[header.indexOf("eresp")])
                    .append(", retries ").append(f[header.indexOf("wretr")]).append(", redispatched ").append(f[header.indexOf("wredis")]).append("; "));
            return out.toString();
        } catch (IOException | InterruptedException | RuntimeException e) {
            return "HAProxy counters not read: " + e;
        }
    }

    /** One kind of write, sent again until acknowledged. */
    interface Write {
        Http.Reply send() throws IOException;
    }

    /** What the clients saw: acknowledged writes, retries and the answers that made them retry. */
    static final class Tally {
        final AtomicInteger acknowledged = new AtomicInteger();
        final AtomicInteger retries = new AtomicInteger();
        final Map<String, AtomicInteger> retryCauses = new ConcurrentHashMap<>();
        final List<String> refusals = java.util.Collections.synchronizedList(new ArrayList<>());
        final String kind;
        final int available;

        Tally(String kind, int available) {
            this.kind = kind;
            this.available = available;
        }

        @Override
        public String toString() {
            return kind + " " + acknowledged.get() + " of " + available + " acknowledged, " + retries.get() + " retries " + retryCauses;
        }

        /** Sends until a 2xx (true), or a refusal that is not the platform being away (false, recorded). */
        boolean untilAcknowledged(String what, Write write, long deadline) throws InterruptedException {
            while (System.currentTimeMillis() < deadline) {
                String cause;
                try {
                    Http.Reply r = write.send();
                    if (r.status() / 100 == 2) {
                        acknowledged.incrementAndGet();
                        return true;
                    }
                    if (r.status() != 502 && r.status() != 503 && r.status() != 504) {
                        refusals.add(what + ": " + r);
                        return false;
                    }
                    cause = String.valueOf(r.status());
                } catch (IOException e) {
                    cause = e.getClass().getSimpleName();
                }
                retries.incrementAndGet();
                retryCauses.computeIfAbsent(cause, k -> new AtomicInteger()).incrementAndGet();
                TimeUnit.MILLISECONDS.sleep(100); // a client's back-off before sending the same request again
            }
            refusals.add(what + ": not acknowledged before the deadline");
            return false;
        }
    }

    @Test
    void killDashNineOfOneNodeLosesNoAcknowledgedWriteAndWritesNothingTwice() throws Exception {
        Http.Reply systems = Http.await(FRONT + "/v1/indicator-systems?jurisdiction=370500&status=PUBLISHED", "city-admin",
                r -> r.status() == 200 && Json.anyText(r.body(), "东营市市直部门单位职能运行监管指标体系"), 60_000);
        long system = Json.firstId(systems.body());
        List<Long> units = Json.ids(Http.get(FRONT + "/v1/jurisdictions/370500/units", "city-admin").body()).stream().limit(10).toList();
        assertEquals(10, units.size());
        String targets = units.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElseThrow();

        // a collecting campaign, an open questionnaire with one-time tokens, a metric for the batches
        String plan = "{\"kind\":\"SPECIAL\",\"title\":\"双节点故障转移验证\",\"period\":{\"type\":\"YEAR\",\"year\":2026},"
                + "\"systems\":{\"PARTY_ORGAN\":" + system + ",\"GOVERNMENT_DEPARTMENT\":" + system + ",\"PUBLIC_INSTITUTION\":" + system + "},"
                + "\"targetUnitIds\":[" + targets + "]}";
        Http.Reply created = Http.json("POST", FRONT + "/v1/campaigns", "city-admin", "{\"jurisdictionCode\":\"370500\",\"plan\":" + plan + "}");
        assertEquals(201, created.status(), created.body());
        long campaign = Json.id(created.body());
        assertEquals(200, Http.json("POST", FRONT + "/v1/campaigns/" + campaign + "/transitions", "city-admin",
                "{\"to\":\"COLLECTING\",\"reason\":\"开始采集\"}").status());
        String definition = "{\"kind\":\"PUBLIC_EVALUATION\",\"title\":\"故障转移验证评议\",\"introduction\":\"请评价\","
                + "\"questions\":[{\"code\":\"S1\",\"text\":\"总体满意度\",\"type\":\"SATISFACTION\",\"required\":true},"
                + "{\"code\":\"T1\",\"text\":\"意见建议\",\"type\":\"TEXT\",\"required\":false}],"
                + "\"respondentCategories\":[{\"code\":\"citizen\",\"label\":\"群众\"}],\"minimumSample\":2,"
                + "\"bindings\":[{\"indicatorCode\":\"C2.1\",\"conversion\":\"SATISFACTION_RATE\",\"questionCode\":\"S1\"}]}";
        Http.Reply questionnaire = Http.json("POST", FRONT + "/v1/questionnaires", "city-admin",
                "{\"campaignId\":" + campaign + ",\"definition\":" + definition + "}");
        assertEquals(201, questionnaire.status(), questionnaire.body());
        long q = Json.id(questionnaire.body());
        assertEquals(200, Http.call("POST", FRONT + "/v1/questionnaires/" + q + "/open", "city-admin", null, null).status());
        StringBuilder recipients = new StringBuilder();
        for (int i = 0; i < TOKENS; i++) {
            recipients.append(i == 0 ? "" : ",").append("{\"phone\":\"139").append(String.format("%08d", i)).append("\",\"category\":\"citizen\"}");
        }
        Http.Reply issued = Http.json("POST", FRONT + "/v1/questionnaires/" + q + "/tokens", "city-admin",
                "{\"unitId\":" + units.get(0) + ",\"recipients\":[" + recipients + "]}");
        assertEquals(201, issued.status(), issued.body());
        List<String> tokens = PlatformIT.tokenValues(issued.body());
        assertEquals(TOKENS, tokens.size());
        assertEquals(200, Http.json("PUT", FRONT + "/v1/platform-data/jurisdictions/370500/metrics/" + METRIC, "city-admin",
                "{\"name\":\"热线工单（故障转移验证）\",\"unitOfMeasure\":\"件\",\"sourceSystem\":\"hotline\",\"aggregation\":\"COUNT\"}").status());
        List<String> unitCodes = Json.elements(Json.parse(Http.get(FRONT + "/v1/jurisdictions/370500/units", "city-admin").body()))
                .map(u -> Json.string(u, "code")).toList();

        Tally inputs = new Tally("campaign inputs", INPUTS);
        Tally answers = new Tally("survey submissions", TOKENS);
        Tally batches = new Tally("platform-data batches", BATCHES);
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch killed = new CountDownLatch(1);
        AtomicInteger inputsSent = new AtomicInteger();
        // two clients take alternate numbers, so the keys sent are not 0..count-1
        List<String> inputKeys = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger answersSent = new AtomicInteger();
        AtomicInteger batchesSent = new AtomicInteger();
        long deadline = System.currentTimeMillis() + 300_000;
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            int client = c;
            clients.add(new Thread(() -> {
                for (int n = client; !stop.get() && n < INPUTS; n += 2) {
                    if (!reserveAfterKill(n, INPUTS, killed, deadline)) {
                        return;
                    }
                    String key = "fo-input-" + n;
                    String body = "{\"unitId\":" + units.get(n % units.size()) + ",\"code\":\"C3.1\",\"input\":{\"value\":" + (60 + n % 40)
                            + "},\"source\":\"OFFICE\",\"explanation\":\"" + key + "\"}";
                    inputsSent.incrementAndGet();
                    inputKeys.add(key);
                    try {
                        if (!inputs.untilAcknowledged(key, () -> send(FRONT + "/v1/campaigns/" + campaign + "/inputs", "city-admin",
                                "application/json", body.getBytes(StandardCharsets.UTF_8), Map.of("Idempotency-Key", key)), deadline)) {
                            return;
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "failover-inputs-" + c));
        }
        clients.add(new Thread(() -> {
            for (int n = 0; !stop.get() && n < tokens.size(); n++) {
                if (!reserveAfterKill(n, tokens.size(), killed, deadline)) {
                    return;
                }
                String token = tokens.get(n);
                String body = "{\"answers\":[{\"questionCode\":\"S1\",\"level\":" + (1 + n % 5) + "},{\"questionCode\":\"T1\",\"text\":\"fo-answer-" + n + "\"}]}";
                answersSent.incrementAndGet();
                try {
                    if (!answers.untilAcknowledged("token " + n, () -> send(FRONT + "/v1/questionnaires/public/t/" + token, null, "application/json",
                            body.getBytes(StandardCharsets.UTF_8), Map.of()), deadline)) {
                        return;
                    }
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "failover-answers"));
        clients.add(new Thread(() -> {
            for (int n = 0; !stop.get() && n < BATCHES; n++) {
                if (!reserveAfterKill(n, BATCHES, killed, deadline)) {
                    return;
                }
                String id = "fo-batch-" + n;
                byte[] csv = batch(n, unitCodes);
                batchesSent.incrementAndGet();
                try {
                    if (!batches.untilAcknowledged(id, () -> send(FRONT + "/v1/platform-data/jurisdictions/370500/batches?sourceSystem=hotline&clientBatchId=" + id,
                            "assessment-system", "text/csv", csv, Map.of()), deadline)) {
                        return;
                    }
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "failover-batches"));
        clients.forEach(Thread::start);

        int[] atKill;
        long killedAt;
        String beforeKill;
        String afterKill;
        AtomicLong firstAfter = new AtomicLong();
        try {
            waitUntil(() -> inputs.acknowledged.get() >= BEFORE && answers.acknowledged.get() >= BEFORE && batches.acknowledged.get() >= BEFORE,
                    deadline, "writes before the kill", inputs, answers, batches);
            atKill = new int[] {inputs.acknowledged.get(), answers.acknowledged.get(), batches.acknowledged.get()};
            beforeKill = balancerCounters();
            Matcher node1Requests = Pattern.compile("nodes/node1: requests (\\d+)").matcher(beforeKill);
            assertTrue(node1Requests.find() && Long.parseLong(node1Requests.group(1)) > 0, "node 1 served writes before it was killed: " + beforeKill);
            killedAt = System.nanoTime();
            pair("kill", "1");
            killed.countDown();
            waitUntil(() -> {
                if (firstAfter.get() == 0 && inputs.acknowledged.get() > atKill[0]) {
                    firstAfter.set(System.nanoTime());
                }
                return inputs.acknowledged.get() >= atKill[0] + AFTER && answers.acknowledged.get() >= atKill[1] + AFTER
                        && batches.acknowledged.get() >= atKill[2] + AFTER;
            }, deadline, "writes after the kill", inputs, answers, batches);
            afterKill = balancerCounters();
        } finally {
            // also when a wait above failed: no client goes on writing, or waits for a kill, while the pair is stopped
            stop.set(true);
            killed.countDown();
            for (Thread c : clients) {
                c.join(120_000);
            }
        }
        for (Thread c : clients) {
            assertFalse(c.isAlive(), c.getName() + " still sending after 2 minutes");
        }
        assertEquals(List.of(), inputs.refusals, "campaign inputs refused");
        assertEquals(List.of(), answers.refusals, "survey submissions refused");
        assertEquals(List.of(), batches.refusals, "platform-data batches refused");
        // every write a client sent was acknowledged in the end (clients stop only between writes)
        assertEquals(inputsSent.get(), inputs.acknowledged.get());
        assertEquals(answersSent.get(), answers.acknowledged.get());
        assertEquals(batchesSent.get(), batches.acknowledged.get());

        // in the database: each write exactly once, nothing else, no transaction left prepared by the dead node
        try (Connection db = DriverManager.getConnection(database.get("url"), database.get("user"), database.get("password"))) {
            assertEquals(inputsSent.get(), inputKeys.size());
            for (String key : inputKeys) {
                assertEquals(1, count(db, "select count(*) from SV_CAMPAIGN_INPUT where CAMPAIGNID = ? and EXPLANATION = ?", campaign, key),
                        "campaign input " + key);
            }
            assertEquals(inputsSent.get(), count(db, "select count(*) from SV_CAMPAIGN_INPUT where CAMPAIGNID = ?", campaign));
            for (int n = 0; n < answersSent.get(); n++) {
                assertEquals(1, count(db, "select count(*) from SV_SURVEY_RESPONSE where QUESTIONNAIREID = ? and ANSWERSJSON like ?", q,
                        "%\"fo-answer-" + n + "\"%"), "survey answer " + n);
            }
            assertEquals(answersSent.get(), count(db, "select count(*) from SV_SURVEY_RESPONSE where QUESTIONNAIREID = ?", q));
            assertEquals(0, count(db, "select count(*) from pg_prepared_xacts"), "transactions left prepared");
        }
        for (int n = 0; n < batchesSent.get(); n++) {
            Http.Reply stored = Http.get(FRONT + "/v1/platform-data/jurisdictions/370500/batches/fo-batch-" + n, "city-admin");
            assertEquals(200, stored.status(), stored.body());
            assertTrue(Json.has(stored.body(), "rows", BATCH_ROWS), stored.body());
        }
        Http.Reply aggregate = Http.get(FRONT + "/v1/platform-data/jurisdictions/370500/metrics/" + METRIC + "/aggregate?from="
                + day(0) + "&to=" + day(batchesSent.get() - 1), "city-admin");
        assertEquals(200, aggregate.status(), aggregate.body());
        long rows = Json.elements(Json.of(aggregate)).mapToLong(a -> Json.wholeNumber(a, "rows")).sum();
        assertEquals((long) batchesSent.get() * BATCH_ROWS, rows, "every batch's rows once");

        // the surviving node serves everything: results, survey progress, health
        Http.Reply results = Http.get(FRONT + "/v1/campaigns/" + campaign + "/results", "city-admin");
        assertEquals(200, results.status(), results.body());
        assertEquals(units.size(), Json.count(results.body(), "unitId"), results.body());
        assertEquals(200, Http.get(FRONT + "/v1/questionnaires/" + q + "/progress", "city-admin").status());
        assertEquals(200, Http.get(FRONT + "/v1/health", null).status());

        String report = String.format("two nodes behind HAProxy, node 1 killed with SIGKILL under load: campaign inputs %d (%d retries %s), "
                + "survey submissions %d (%d retries %s), platform-data batches of %d rows %d (%d retries %s); acknowledged before the kill "
                + "%d/%d/%d; first input acknowledged %d ms after the kill; every write stored exactly once, 0 prepared transactions left%n"
                + "HAProxy before the kill: %s%nHAProxy at the end: %s%n",
                inputsSent.get(), inputs.retries.get(), inputs.retryCauses, answersSent.get(), answers.retries.get(), answers.retryCauses,
                BATCH_ROWS, batchesSent.get(), batches.retries.get(), batches.retryCauses, atKill[0], atKill[1], atKill[2],
                TimeUnit.NANOSECONDS.toMillis(firstAfter.get() - killedAt), beforeKill, afterKill);
        Files.writeString(Path.of("target", "failover.txt"), report, StandardCharsets.UTF_8);
        System.out.print(report);
    }

    /** False when the deadline passed while write {@code n} of {@code total} waited for the kill. */
    static boolean reserveAfterKill(int n, int total, CountDownLatch killed, long deadline) {
        if (n < total - RESERVE) {
            return true;
        }
        try {
            return killed.await(Math.max(0, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static LocalDate day(int n) {
        return LocalDate.of(2021, 1, 1).plusDays(n);
    }

    static byte[] batch(int n, List<String> units) {
        StringBuilder csv = new StringBuilder(BATCH_ROWS * 50).append("metric,unit,date,value,recordId\n");
        String date = day(n).toString();
        for (int i = 0; i < BATCH_ROWS; i++) {
            csv.append(METRIC).append(',').append(units.get(i % units.size())).append(',').append(date).append(",1,r").append(i).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    static long count(Connection db, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    interface Condition {
        boolean met();
    }

    static void waitUntil(Condition condition, long deadline, String what, Tally... tallies) throws InterruptedException {
        while (!condition.met()) {
            for (Tally t : tallies) {
                assertEquals(List.of(), t.refusals, what + ": refused");
            }
            assertTrue(System.currentTimeMillis() < deadline, () -> what + ": not reached in time: " + java.util.Arrays.toString(tallies)
                    + "; HAProxy: " + balancerCounters());
            TimeUnit.MILLISECONDS.sleep(50); // polling the clients' progress, with a deadline
        }
    }
}
