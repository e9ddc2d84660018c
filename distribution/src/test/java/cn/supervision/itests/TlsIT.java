package cn.supervision.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The production transport, on the real first-start path: the tar.gz unpacked and started with {@code bin/start}, without
 * the development flag. The tests trust exactly the certificate the distribution generated into etc/keystore.p12.
 */
class TlsIT {
    static final String PASSWORD = "supervision-selfsigned"; // etc/org.ops4j.pax.web.cfg
    static KarafInstance karaf;
    static Path keystore;
    static List<String> shippedKeys;

    @BeforeAll
    static void startWithoutTheDevFlag() throws Exception {
        karaf = new KarafInstance("tls", Integer.getInteger("it.tls.http.port", 8187), 6, false);
        keystore = karaf.home.resolve("etc/keystore.p12");
        try (Stream<Path> files = Files.walk(karaf.home)) {
            shippedKeys = files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(p12|pfx|jks|jceks|pem|key)|keystore(\\..*)?"))
                    .map(Path::toString).collect(Collectors.toList());
        }
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {new GeneratedCertificateOnly()}, null);
        Http.tls = tls.getSocketFactory();
        karaf.start(); // waits for health over HTTPS
    }

    @AfterAll
    static void stop() throws Exception {
        Http.tls = null;
        if (karaf != null) {
            karaf.stopIfRunning();
        }
    }

    @Test
    void theTarballShipsNoKeyAndTheFirstStartGeneratesOne() throws Exception {
        assertEquals(List.of(), shippedKeys, "no private key in the distribution");
        assertTrue(Files.exists(keystore));
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(keystore));
        X509Certificate cert = generated();
        cert.verify(cert.getPublicKey()); // self-signed
        assertEquals("EC", cert.getPublicKey().getAlgorithm());
        assertTrue(cert.getSubjectAlternativeNames().stream().anyMatch(n -> "localhost".equals(n.get(1))));
    }

    @Test
    void httpsAnswersWithHsts() throws Exception {
        Http.Reply health = Http.get(karaf.httpsApi + "/v1/health", null);
        assertEquals(200, health.status(), health.body());
        assertEquals("max-age=31536000", health.header("Strict-Transport-Security"));
        Http.Reply units = Http.get(karaf.httpsApi + "/v1/jurisdictions/370522/units", "lijin-admin");
        assertEquals(200, units.status(), units.body());
        assertEquals("max-age=31536000", units.header("Strict-Transport-Security"));
        assertEquals(401, Http.call("GET", karaf.httpsApi + "/v1/jurisdictions", "nobody", null, null).status(),
                "over HTTPS a wrong password is checked, and fails");
    }

    @Test
    void plainHttpGetsAreRedirectedToHttps() throws Exception {
        Http.Reply health = Http.get(karaf.api + "/v1/health?verbose=1", null);
        assertEquals(308, health.status(), health.body());
        assertEquals(karaf.httpsApi + "/v1/health?verbose=1", health.location());
        assertNull(health.header("Strict-Transport-Security"), "HSTS only means something over HTTPS");
        assertEquals(308, Http.get(karaf.api.replace("/api", "/soap/RegistryService?wsdl"), null).status());
    }

    @Test
    void credentialsWritesAndSoapOverPlainHttpAreRefusedBeforeAnyPasswordCheck() throws Exception {
        for (String user : new String[] {"city-admin", "nobody"}) {
            Http.Reply r = Http.get(karaf.api + "/v1/jurisdictions", user);
            assertEquals(403, r.status(), user + ": " + r.body());
            assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
            assertTrue(Json.has(r.body(), "status", 403) && Json.anyText(r.body(), karaf.httpsApi + "/v1/jurisdictions"), r.body());
            assertFalse(Json.anyText(r.body(), "jurisdictionCode") || Json.anyText(r.body(), "东营"), "no API data over plain HTTP");
        }
        Http.Reply write = Http.json("POST", karaf.api + "/v1/jurisdictions/370500/units", "city-admin",
                "{\"code\":\"PLAIN\",\"name\":\"明文写入\",\"kind\":\"OTHER\"}");
        assertEquals(403, write.status(), write.body());
        String envelope = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "xmlns:r=\"http://supervision.cn/soap/registry/v1\"><soapenv:Header/><soapenv:Body><r:listJurisdictions/>"
                + "</soapenv:Body></soapenv:Envelope>";
        Http.Reply soap = Http.call("POST", karaf.api.replace("/api", "/soap/RegistryService"), null, "text/xml; charset=UTF-8",
                envelope.getBytes(StandardCharsets.UTF_8));
        assertEquals(403, soap.status(), soap.body());
        assertTrue(soap.body().contains("HTTPS"), soap.body());
        Http.Reply overTls = Http.call("POST", karaf.httpsApi.replace("/api", "/soap/RegistryService"), null, "text/xml; charset=UTF-8",
                envelope.getBytes(StandardCharsets.UTF_8));
        assertTrue(overTls.body().contains("FailedAuthentication"), "over HTTPS the SOAP service itself answers: " + overTls.body());
    }

    @Test
    void sshAndJmxListenOnLoopbackOnly() throws Exception {
        for (int port : new int[] {karaf.sshPort, 1099 + 6, 44444 + 6}) {
            // Karaf's management restarts its JMX connector when its configuration arrives, on its own thread: health
            // does not wait for that, so the RMI ports may be rebound a moment after health says UP
            List<String> addresses = listening(port);
            for (long deadline = System.currentTimeMillis() + 30_000; addresses.isEmpty() && System.currentTimeMillis() < deadline; ) {
                TimeUnit.MILLISECONDS.sleep(Http.POLL_INTERVAL_MILLIS); // between polls of a state with a deadline
                addresses = listening(port);
            }
            assertFalse(addresses.isEmpty(), "nothing listens on " + port);
            assertTrue(addresses.stream().allMatch(TlsIT::loopback), port + " listens on " + addresses);
        }
    }

    /** Local addresses (hex, as the kernel shows them) of the sockets listening on a TCP port, from /proc/net/tcp and tcp6. */
    private static List<String> listening(int port) throws Exception {
        List<String> found = new ArrayList<>();
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            Path p = Path.of(table);
            if (!Files.exists(p)) {
                continue;
            }
            List<String> lines = Files.readAllLines(p);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                String[] local = f[1].split(":");
                if ("0A".equals(f[3]) && Integer.parseInt(local[1], 16) == port) {
                    found.add(local[0]);
                }
            }
        }
        return found;
    }

    /** 127.0.0.1 (little-endian hex), ::1, or ::ffff:127.x.y.z. */
    private static boolean loopback(String hex) {
        if (hex.length() == 8) {
            return hex.endsWith("7F");
        }
        return hex.equals("00000000000000000000000001000000") || (hex.startsWith("0000000000000000FFFF0000") && hex.endsWith("7F"));
    }

    private static X509Certificate generated() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        return (X509Certificate) ks.getCertificate("supervision");
    }

    /** Trusts the one certificate in the distribution's etc/keystore.p12, read at each handshake (it appears during start). */
    static final class GeneratedCertificateOnly implements X509TrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                if (!Files.exists(keystore) || !Arrays.equals(generated().getEncoded(), chain[0].getEncoded())) {
                    throw new CertificateException("not the certificate generated into " + keystore);
                }
            } catch (CertificateException e) {
                throw e;
            } catch (Exception e) {
                throw new CertificateException(e);
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("no client certificates");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
