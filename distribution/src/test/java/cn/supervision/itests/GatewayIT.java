package cn.supervision.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

import javax.inject.Inject;
import javax.ws.rs.GET;
import javax.ws.rs.Produces;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * The REST gateway as clients meet it: publication changes (resource services coming and going, county bundles hot
 * deployed) never make the API disappear under running requests; answers are gzipped when large and accepted; what is
 * public is what the resource methods declare.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class GatewayIT {
    static final String API = PlatformIT.API;
    static final int CYCLES = 20;
    static final int CLIENTS = 4;

    @Inject
    BundleContext context;

    @Configuration
    public Option[] config() {
        return new PlatformIT().config();
    }

    /** Stands for a resource bundle coming and going: registering it makes the gateway publish again. */
    @javax.ws.rs.Path("/v1/gateway-it")
    public static class Probe {
        @GET
        @Produces("text/plain")
        public String ping() {
            return "pong";
        }
    }

    /** A resource of a bundle that is not the platform's (the test probe): its mark must open nothing. */
    @javax.ws.rs.Path("/v1/gateway-it-public")
    @cn.supervision.rest.bounds.PublicEndpoint
    public static class MarkedProbe {
        @GET
        @Produces("text/plain")
        public String ping() {
            return "pong";
        }
    }

    private static long publications() throws IOException {
        Path log = Path.of(System.getProperty("karaf.data"), "log", "karaf.log");
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.contains("REST API published at")).count();
        }
    }

    @Test
    public void requestsRunningThroughTwentyHotDeploysAndRepublicationsSeeNoError() throws Exception {
        Http.await(API + "/v1/health", null, r -> r.status() == 200, 120_000);
        Http.await(API + "/v1/contributions", "city-admin", r -> r.status() == 200 && Json.anyText(r.body(), "county.guangrao"), 60_000);
        TimeUnit.MILLISECONDS.sleep(1_000); // let a last debounced publication of the boot happen before counting
        long atBoot = publications();
        System.out.println("REST API publications during boot: " + atBoot);
        for (int run = 1; run <= 2; run++) {
            System.out.printf("tiny authenticated GET (/v1/session, HTTP Basic, %d clients, 5 s), run %d: %.0f req/s%n", CLIENTS, run,
                    throughput(API + "/v1/session", 5_000));
        }

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong served = new AtomicLong();
        Map<String, Integer> errors = new ConcurrentHashMap<>();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            String url = API + (i % 2 == 0 ? "/v1/jurisdictions" : "/v1/jurisdictions/370522/units");
            Thread t = new Thread(() -> {
                while (running.get()) {
                    try {
                        Http.Reply r = Http.get(url, "city-admin");
                        if (r.status() == 200) {
                            served.incrementAndGet();
                        } else {
                            errors.merge(r.status() + " " + url, 1, Integer::sum);
                        }
                    } catch (IOException e) {
                        errors.merge(e.toString(), 1, Integer::sum);
                    }
                }
            }, "gateway-it-client-" + i);
            t.start();
            clients.add(t);
        }

        Path deploy = Path.of(System.getProperty("karaf.home"), "deploy");
        Path staging = Path.of(System.getProperty("karaf.home"), "data", "tmp", "gateway-it.jar");
        Files.createDirectories(staging.getParent());
        String bsn = "cn.supervision.county.gateway-it";
        List<Long> visibleMillis = new ArrayList<>();
        try {
            for (int i = 0; i < CYCLES; i++) {
                String version = "1.0." + i;
                Files.write(staging, TestBundles.jar(bsn, version, "370505",
                        Map.of("units/a.json", TestBundles.units("370505", "GATEWAYIT", "垦利区网关测试中心"))));
                Files.move(staging, deploy.resolve("gateway-it.jar"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                long t0 = System.nanoTime();
                ServiceRegistration<?> probe = context.registerService(Object.class, new Probe(),
                        new Hashtable<>(Map.of("supervision.rest.resource", "gateway-it")));
                Http.await(API + "/v1/gateway-it", "city-admin", r -> r.status() == 200 && r.body().equals("pong"), 30_000);
                visibleMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
                Http.await(API + "/v1/contributions", "city-admin",
                        r -> Json.has(r.body(), "symbolicName", bsn, "version", version, "state", "ACTIVE"), 30_000);
                probe.unregister();
                Http.await(API + "/v1/gateway-it", "city-admin", r -> r.status() == 404, 30_000);
                TimeUnit.MILLISECONDS.sleep(1_100); // fileinstall compares last-modified stamps: the next copy in another second
            }
        } finally {
            running.set(false);
            for (Thread t : clients) {
                t.join(60_000);
            }
            Files.deleteIfExists(deploy.resolve("gateway-it.jar"));
        }
        long total = publications();
        Collections.sort(visibleMillis);
        System.out.println("during " + CYCLES + " hot deploys and " + CYCLES + " resource registrations: " + served.get()
                + " requests served, errors " + errors + ", publications " + (total - atBoot) + ", new resource served after (ms, sorted) "
                + visibleMillis);
        assertTrue("the loop ran", served.get() > CYCLES);
        assertEquals("no request failed while the API was republished", Map.of(), errors);
        assertTrue("about one publication per registration and one per removal, not one per event: " + (total - atBoot),
                total - atBoot <= 2L * CYCLES + 2);
    }

    @Test
    public void largeJsonIsGzippedWhenAcceptedSmallAndUnacceptedAnswersAreNot() throws Exception {
        Http.await(API + "/v1/health", null, r -> r.status() == 200, 120_000);
        Map<String, String> gzip = Map.of("Accept-Encoding", "gzip");
        Http.Reply plain = Http.get(API + "/v1/jurisdictions/370500/units", "city-admin");
        assertEquals(200, plain.status());
        assertTrue("a unit list is well above the threshold", plain.bytes().length > 4_096);
        assertNull(plain.header("Content-Encoding"));

        Http.Reply zipped = Http.call("GET", API + "/v1/jurisdictions/370500/units", "city-admin", null, null, gzip);
        assertEquals(200, zipped.status());
        assertEquals("gzip", zipped.header("Content-Encoding"));
        byte[] unzipped = gunzip(zipped.bytes());
        assertEquals(new String(plain.bytes(), StandardCharsets.UTF_8), new String(unzipped, StandardCharsets.UTF_8));
        System.out.println("unit list of 370500: " + plain.bytes().length + " bytes, gzipped " + zipped.bytes().length);

        Http.Reply health = Http.call("GET", API + "/v1/health", null, null, null, gzip);
        assertEquals(200, health.status());
        assertNull("a small answer goes as it is", health.header("Content-Encoding"));
        assertTrue(health.body(), Json.has(health.body(), "status", "UP"));

        Http.Reply icon = Http.get(API + "/api-docs/favicon-32x32.png", null);
        Http.Reply zippedIcon = Http.call("GET", API + "/api-docs/favicon-32x32.png", null, null, null, gzip);
        assertEquals(200, zippedIcon.status());
        byte[] iconBytes = "gzip".equals(zippedIcon.header("Content-Encoding")) ? gunzip(zippedIcon.bytes()) : zippedIcon.bytes();
        assertArrayEquals("a binary answer arrives intact", icon.bytes(), iconBytes);
        assertEquals((byte) 0x89, iconBytes[0]);
    }

    @Test
    public void whatIsPublicIsWhatTheMethodsDeclare() throws Exception {
        Http.await(API + "/v1/health", null, r -> r.status() == 200, 120_000);
        assertEquals(200, Http.get(API + "/openapi.json", null).status());
        assertEquals(200, Http.get(API + "/v1/indicator-systems/schema", null).status());
        assertEquals(200, Http.get(API + "/api-docs/", null).status());
        assertEquals(401, Http.get(API + "/v1/jurisdictions", null).status());
        assertEquals(401, Http.call("DELETE", API + "/v1/session", null, null, null).status());
        // without credentials nothing tells what exists: no resource there, or no such method, is 401 as well
        assertEquals(401, Http.get(API + "/v1/no-such-resource", null).status());
        assertEquals(401, Http.call("DELETE", API + "/v1/jurisdictions", null, null, null).status());
        assertEquals(404, Http.get(API + "/v1/no-such-resource", "city-admin").status());
        ServiceRegistration<?> marked = context.registerService(Object.class, new MarkedProbe(),
                new Hashtable<>(Map.of("supervision.rest.resource", "gateway-it-public")));
        try {
            Http.await(API + "/v1/gateway-it-public", "city-admin", r -> r.status() == 200, 30_000);
            assertEquals(401, Http.get(API + "/v1/gateway-it-public", null).status());
        } finally {
            marked.unregister();
        }
        // paths that start like the public questionnaires but do not reach one of their methods: refused or not found,
        // never answered (a public method would answer 200 with a form)
        for (String trick : new String[] {"/v1/questionnaires/public/../1", "/v1/questionnaires/public/%2e%2e/1",
                "/v1/questionnaires/public/../1/responses"}) {
            Http.Reply r = Http.get(API + trick, null);
            System.out.println(trick + " without credentials: " + r.status());
            assertTrue(trick + " answered " + r, r.status() == 401 || r.status() == 400 || r.status() == 404);
        }
    }

    /** A figure printed, not asserted: the machine is shared. */
    private static double throughput(String url, long millis) throws InterruptedException {
        AtomicLong served = new AtomicLong();
        long end = System.currentTimeMillis() + millis;
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Thread t = new Thread(() -> {
                while (System.currentTimeMillis() < end) {
                    try {
                        if (Http.get(url, "city-admin").body().contains("\"authenticated\":true")) {
                            served.incrementAndGet();
                        }
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            t.start();
            clients.add(t);
        }
        for (Thread t : clients) {
            t.join();
        }
        return served.get() * 1_000.0 / millis;
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }
}
