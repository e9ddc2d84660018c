package cn.supervision.platform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import cn.supervision.api.platform.BatchReceipt;
import cn.supervision.api.platform.BatchStatus;
import cn.supervision.api.platform.FeedDefinition;
import cn.supervision.api.platform.FeedRun;
import cn.supervision.api.platform.PlatformFeed;
import cn.supervision.testing.LocalJpaTemplate;

/** Feed credentials go to the feed's own host only and never appear in an error, a run record or the log. */
class HttpFeedTest {
    static final String PASSWORD = "Hx9-s3cret/pw";
    static final String ENCODED = "Hx9-s3cret%2Fpw";
    static final String CSV = "metric,unit,date,value\nhotline.ontime-rate,东营市财政局,2026-07-01,95\n";

    private HttpServer partner;
    private HttpServer elsewhere;
    private final Map<String, String> authorizationSeen = new ConcurrentHashMap<>();
    private LocalJpaTemplate jpa;

    @BeforeEach
    void servers() throws IOException {
        // two hosts: the partner answers on localhost (127.0.0.1), the redirect target on 127.0.0.2
        partner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        elsewhere = HttpServer.create(new InetSocketAddress("127.0.0.2", 0), 0);
        partner.createContext("/away.csv", x -> redirect(x, "http://127.0.0.2:" + elsewhere.getAddress().getPort() + "/export.csv"));
        partner.createContext("/moved.csv", x -> redirect(x, "/export.csv"));
        partner.createContext("/export.csv", x -> csv(x, "partner"));
        partner.createContext("/broken.csv", x -> {
            record(x, "broken");
            x.sendResponseHeaders(500, -1);
            x.close();
        });
        partner.createContext("/loop.csv", x -> redirect(x, "http://user:" + ENCODED + "@localhost:" + partner.getAddress().getPort() + "/loop.csv"));
        elsewhere.createContext("/export.csv", x -> csv(x, "elsewhere"));
        partner.start();
        elsewhere.start();
    }

    @AfterEach
    void stop() {
        partner.stop(0);
        elsewhere.stop(0);
        if (jpa != null) {
            jpa.close();
        }
    }

    private void record(HttpExchange x, String who) {
        String auth = x.getRequestHeaders().getFirst("Authorization");
        authorizationSeen.put(who + ":" + x.getRequestURI().getPath(), auth == null ? "none" : auth);
    }

    private void redirect(HttpExchange x, String to) throws IOException {
        record(x, "partner");
        x.getResponseHeaders().add("Location", to);
        x.sendResponseHeaders(302, -1);
        x.close();
    }

    private void csv(HttpExchange x, String who) throws IOException {
        record(x, who);
        byte[] body = CSV.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(200, body.length);
        x.getResponseBody().write(body);
        x.close();
    }

    private String location(String path) {
        return "http://hotline:" + ENCODED + "@localhost:" + partner.getAddress().getPort() + path;
    }

    private static FeedDefinition feed(String location, int retries) {
        return new FeedDefinition("hotline", "http", "370500", "hotline", location, "csv", List.of(1), "02:00", 2, retries, 0);
    }

    private static String basic() {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(("hotline:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static String read(PlatformFeed.Fetched f) throws IOException {
        try (InputStream in = f.content()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aRedirectToAnotherHostGetsNoCredentials() throws Exception {
        assertEquals(CSV, read(new HttpFeed().fetch(feed(location("/away.csv"), 0), 2_000)));
        assertEquals(basic(), authorizationSeen.get("partner:/away.csv"), "the partner itself gets them");
        assertEquals("none", authorizationSeen.get("elsewhere:/export.csv"), "127.0.0.2 is another host: no Authorization");
    }

    @Test
    void aRedirectWithinTheSameOriginKeepsThem() throws Exception {
        assertEquals(CSV, read(new HttpFeed().fetch(feed(location("/moved.csv"), 0), 2_000)));
        assertEquals(basic(), authorizationSeen.get("partner:/export.csv"));
    }

    @Test
    void aPartnerThatDoesNotAnswerInTimeIsNamedInChinese() {
        CountDownLatch release = new CountDownLatch(1);
        partner.createContext("/hangs.csv", x -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            x.sendResponseHeaders(500, -1);
            x.close();
        });
        try {
            IOException late = assertThrows(IOException.class, () -> new HttpFeed().fetch(feed(location("/hangs.csv"), 0), 300));
            assertEquals("响应超时（0.3 秒内未答复）", late.getMessage());
        } finally {
            release.countDown();
        }
    }

    @Test
    void errorsNeverQuoteThePassword() {
        IOException invalid = assertThrows(IOException.class,
                () -> new HttpFeed().fetch(feed("http://hotline:" + PASSWORD + " x@localhost/a.csv", 0), 1_000));
        assertFalse(invalid.getMessage().contains(PASSWORD), invalid.getMessage());
        IOException loop = assertThrows(IOException.class, () -> new HttpFeed().fetch(feed(location("/loop.csv"), 0), 2_000));
        assertFalse(loop.getMessage().contains(PASSWORD) || loop.getMessage().contains(ENCODED), loop.getMessage());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> FeedDefinitions.parse(config(
                "http://hotline:" + PASSWORD + " x@localhost/a.csv")));
        assertFalse(refused.getMessage().contains(PASSWORD), refused.getMessage());
        assertEquals("http://***@localhost:8080/a.csv", HttpFeedLocation.masked("http://hotline:p@ss@localhost:8080/a.csv"),
                "an unencoded @ in the password is masked too");
        assertEquals("拉取失败：*** 在 http://***@h/x", HttpFeedLocation.scrub("拉取失败：" + PASSWORD + " 在 http://u:" + ENCODED + "@h/x",
                "http://u:" + ENCODED + "@h/x"));
    }

    @Test
    void runRecordsAndTheLogCarryNoPassword() throws Exception {
        jpa = new LocalJpaTemplate("platform-test", "META-INF/platform-test-persistence.xml");
        List<String> ingested = new ArrayList<>();
        cn.supervision.api.registry.RegistryService registry = new cn.supervision.testing.FakeRegistry(
                cn.supervision.testing.FakeRegistry.DONGYING, List.of());
        Ingestion data = new Ingestion(jpa, registry) {
            @Override
            BatchReceipt ingest(cn.supervision.api.security.Caller caller, String jurisdictionCode, String sourceSystem, String clientBatchId,
                                String channel, String format, InputStream content) {
                ingested.add(clientBatchId);
                return new BatchReceipt(clientBatchId, 1L, BatchStatus.APPLIED, 1, 1, 0, List.of(), Instant.EPOCH, "feed");
            }
        };
        // a feed implementation that fails the way libraries do: with the URI, credentials and all, in the message
        PlatformFeed careless = new PlatformFeed() {
            @Override
            public String type() {
                return "careless";
            }

            @Override
            public Fetched fetch(FeedDefinition d, int timeoutMillis) {
                throw new IllegalArgumentException("cannot open " + d.location() + " (password " + PASSWORD + ")");
            }
        };
        FeedScheduler scheduler = new FeedScheduler(jpa, registry, data, List.of(new HttpFeed(), careless));
        try {
            scheduler.configured("cfg-broken", config(location("/broken.csv")));
            FeedRun broken = scheduler.runNow(scheduler.definition("hotline"));
            assertEquals(FeedRun.Outcome.FAILED, broken.outcome());
            assertEquals(2, broken.attempts());
            assertEquals(basic(), authorizationSeen.get("broken:/broken.csv"));

            Hashtable<String, Object> c = config(location("/x"));
            c.put("name", "careless");
            c.put("type", "careless");
            scheduler.configured("cfg-careless", c);
            FeedRun careless1 = scheduler.runNow(scheduler.definition("careless"));
            assertEquals(FeedRun.Outcome.FAILED, careless1.outcome());

            scheduler.configured("cfg-away", config(location("/away.csv")));
            assertEquals(FeedRun.Outcome.SUCCEEDED, scheduler.runNow(scheduler.definition("hotline")).outcome());
            assertEquals(1, ingested.size());

            List<FeedRun> runs = new ArrayList<>(scheduler.runs("hotline", 10));
            runs.addAll(scheduler.runs("careless", 10));
            assertEquals(3, runs.size());
            for (FeedRun r : runs) {
                assertFalse(r.message().contains(PASSWORD) || r.message().contains(ENCODED), r.message());
            }
            assertTrue(careless1.message().contains("***"), careless1.message());
            for (FeedDefinition shown : scheduler.shown()) {
                assertFalse(shown.location().contains(ENCODED), shown.location());
            }
        } finally {
            scheduler.stop();
        }
        Path log = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile", "target/test-log.txt"));
        String logged = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(logged.contains("数据拉取任务 careless：") && logged.contains("数据拉取任务 hotline"), "the log was captured");
        assertFalse(logged.contains(PASSWORD) || logged.contains(ENCODED), "no password in the log");
    }

    @Test
    void loggedFailuresAreScrubbedAlongTheirCauseChain() {
        FeedDefinition d = feed("http://hotline:" + ENCODED + "@localhost/x.csv", 0);
        RuntimeException failure = new IllegalStateException("GET " + d.location() + " failed",
                new IOException("password " + PASSWORD + " refused"));
        Throwable logged = FeedRunner.scrubbed(failure, d);
        assertFalse(logged.toString().contains(ENCODED), logged.toString());
        assertFalse(logged.getCause().toString().contains(PASSWORD), logged.getCause().toString());
        assertTrue(logged.toString().contains("http://***@localhost/x.csv"), logged.toString());
        assertEquals(failure.getStackTrace()[0], logged.getStackTrace()[0], "the stack frames are kept");
    }

    private static Hashtable<String, Object> config(String location) {
        Hashtable<String, Object> p = PlatformDataServiceTest.feedConfig(location, null);
        p.put("retries", "1");
        return p;
    }

    @Test
    void onlyOneOriginGetsTheCredentials() throws Exception {
        java.net.URI a = new java.net.URI("https://partner.example.cn/x");
        assertTrue(HttpFeedLocation.sameOrigin(a, new java.net.URI("https://PARTNER.example.cn:443/y")));
        assertFalse(HttpFeedLocation.sameOrigin(a, new java.net.URI("http://partner.example.cn/x")));
        assertFalse(HttpFeedLocation.sameOrigin(a, new java.net.URI("https://partner.example.cn:8443/x")));
        assertFalse(HttpFeedLocation.sameOrigin(a, new java.net.URI("https://partner.example.cn.evil.test/x")));
        assertNull(HttpFeedLocation.masked(null));
    }
}
