package cn.supervision.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One node against two on the same load, through HAProxy, on PostgreSQL (cluster/pair.sh): 8 clients back to back,
 * 4 listing units and 4 submitting public survey answers, for a fixed time with both nodes in rotation, then with
 * node 2 stopped, then straight to node 1 without the proxy. Not a test: {@code .ci/postgres start} and
 * {@code mvn -B -P bench,postgresql -pl distribution verify -Dit.test=ClusterBench} after an install; figures in
 * target/cluster-bench.txt.
 */
class ClusterBench {
    static final int SECONDS = Integer.getInteger("bench.seconds", 30);
    static final StringBuilder REPORT = new StringBuilder();

    @BeforeAll
    static void startPair() throws Exception {
        assumeTrue(ItDatabase.postgresql(), "two nodes share a PostgreSQL database: -P postgresql");
        ClusterFailoverIT.startPair();
    }

    @AfterAll
    static void stopPair() throws Exception {
        ClusterFailoverIT.stopPair();
        Files.writeString(Path.of("target", "cluster-bench.txt"), REPORT.toString(), StandardCharsets.UTF_8);
        System.out.print(REPORT);
    }

    @Test
    void oneNodeAgainstTwo() throws Exception {
        String front = ClusterFailoverIT.FRONT;
        String direct = "https://localhost:9443/services/api";
        List<Long> units = Json.ids(Http.get(front + "/v1/jurisdictions/370500/units", "city-admin").body()).stream().limit(20).toList();
        long system = Json.firstId(Http.get(front + "/v1/indicator-systems?jurisdiction=370500&status=PUBLISHED", "city-admin").body());
        String plan = "{\"kind\":\"SPECIAL\",\"title\":\"双节点对比\",\"period\":{\"type\":\"YEAR\",\"year\":2026},\"systems\":{\"PARTY_ORGAN\":" + system
                + ",\"GOVERNMENT_DEPARTMENT\":" + system + ",\"PUBLIC_INSTITUTION\":" + system + "},\"targetUnitIds\":" + units + "}";
        long campaign = Json.id(Http.json("POST", front + "/v1/campaigns", "city-admin", "{\"jurisdictionCode\":\"370500\",\"plan\":" + plan + "}").body());
        assertEquals(200, Http.json("POST", front + "/v1/campaigns/" + campaign + "/transitions", "city-admin", "{\"to\":\"COLLECTING\",\"reason\":\"对比\"}").status());
        String definition = "{\"kind\":\"PUBLIC_EVALUATION\",\"title\":\"双节点对比\",\"questions\":["
                + "{\"code\":\"S1\",\"text\":\"总体满意度\",\"type\":\"SATISFACTION\",\"required\":true}],"
                + "\"bindings\":[{\"indicatorCode\":\"C2.1\",\"conversion\":\"SATISFACTION_RATE\",\"questionCode\":\"S1\"}]}";
        long q = Json.id(Http.json("POST", front + "/v1/questionnaires", "city-admin", "{\"campaignId\":" + campaign + ",\"definition\":" + definition + "}").body());
        assertEquals(200, Http.call("POST", front + "/v1/questionnaires/" + q + "/open", "city-admin", null, null).status());
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tokens.addAll(PlatformIT.tokenValues(
                    Http.json("POST", front + "/v1/questionnaires/" + q + "/tokens", "city-admin", "{\"count\":10000}").body()));
        }
        AtomicInteger nextToken = new AtomicInteger();

        run("warm-up, both nodes", front, units, tokens, nextToken, 10);
        REPORT.append(run("two nodes behind HAProxy", front, units, tokens, nextToken, SECONDS));
        ClusterFailoverIT.pair("stop-node", "2");
        TimeUnit.SECONDS.sleep(3); // HAProxy's checks (every 1 s, 2 failures) take node 2 out of rotation
        REPORT.append(run("one node behind HAProxy (node 2 stopped)", front, units, tokens, nextToken, SECONDS));
        Http.tls = trustingFrontAndNode1();
        REPORT.append(run("one node, straight to it (no proxy)", direct, units, tokens, nextToken, SECONDS));
    }

    /** The front end's certificate and the one node 1 generated at its first start (etc/keystore.p12). */
    static javax.net.ssl.SSLSocketFactory trustingFrontAndNode1() throws Exception {
        java.security.KeyStore node = java.security.KeyStore.getInstance("PKCS12");
        try (java.io.InputStream in = Files.newInputStream(ClusterFailoverIT.pairDir.resolve("node1/etc/keystore.p12"))) {
            node.load(in, "supervision-selfsigned".toCharArray());
        }
        java.security.KeyStore trust = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("node1", node.getCertificate(node.aliases().nextElement()));
        try (java.io.InputStream in = Files.newInputStream(ClusterFailoverIT.pairDir.resolve("front.crt"))) {
            trust.setCertificateEntry("front", java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        return tls.getSocketFactory();
    }

    /** 8 clients back to back for {@code seconds}: half list units, half submit one survey answer each. */
    static String run(String what, String api, List<Long> units, List<String> tokens, AtomicInteger nextToken, int seconds) throws Exception {
        int clients = 8;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<long[]> reads = new ArrayList<>();
        List<long[]> writes = new ArrayList<>();
        AtomicInteger failures = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        List<List<Long>> latencies = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            boolean writer = c % 2 == 1;
            List<Long> mine = new ArrayList<>();
            latencies.add(mine);
            Thread t = new Thread(() -> {
                while (System.nanoTime() < until) {
                    long s = System.nanoTime();
                    try {
                        int status;
                        if (writer) {
                            int i = nextToken.getAndIncrement();
                            status = Http.json("POST", api + "/v1/questionnaires/public/t/" + tokens.get(i), null,
                                    "{\"unitId\":" + units.get(i % units.size()) + ",\"answers\":[{\"questionCode\":\"S1\",\"level\":" + (1 + i % 5) + "}]}").status();
                            if (status != 201) {
                                failures.incrementAndGet();
                            }
                        } else {
                            status = Http.get(api + "/v1/jurisdictions/370500/units", "city-admin").status();
                            if (status != 200) {
                                failures.incrementAndGet();
                            }
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                    mine.add(System.nanoTime() - s);
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        for (int c = 0; c < clients; c++) {
            long[] l = latencies.get(c).stream().mapToLong(Long::longValue).toArray();
            (c % 2 == 1 ? writes : reads).add(l);
        }
        assertEquals(0, failures.get(), what + ": failed requests");
        return String.format("  %s, %d s: %s; %s%n", what, seconds, describe("GET units", reads, seconds), describe("survey submissions", writes, seconds));
    }

    static String describe(String what, List<long[]> perClient, int seconds) {
        long[] all = perClient.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return String.format("%s %.0f/s p50 %.1f ms p99 %.1f ms", what, all.length / (double) seconds, all[all.length / 2] / 1e6,
                all[(int) Math.ceil(all.length * 0.99) - 1] / 1e6);
    }
}
