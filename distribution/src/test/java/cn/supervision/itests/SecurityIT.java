package cn.supervision.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Locale;

import javax.inject.Inject;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.service.cm.ConfigurationAdmin;

import cn.supervision.api.registry.RegistryService;

/**
 * Login hardening and the public health check over HTTP, on the suite's one boot. Requests "from" other addresses
 * bind their socket to another loopback address (127.0.0.x), so the server sees a different source.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class SecurityIT {
    static final String API = PlatformIT.API;
    static final String JURISDICTIONS = API + "/v1/jurisdictions";

    @Inject
    RegistryService registry;

    @Inject
    ConfigurationAdmin configurations;

    @Configuration
    public Option[] config() {
        return new PlatformIT().config();
    }

    record Raw(int status, String headers, String body) { }

    /** One request over a socket bound to {@code source}; HTTP/1.0 so the answer is never chunked. */
    static Raw from(String source, String method, String url, String user, String password, String contentType, String body)
            throws Exception {
        URI api = URI.create(url);
        int port = api.getPort();
        Socket plain = new Socket();
        plain.bind(new InetSocketAddress(source, 0));
        plain.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        plain.setSoTimeout(30_000);
        Socket socket = plain;
        if ("https".equals(api.getScheme())) {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String type) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String type) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            socket = tls.getSocketFactory().createSocket(plain, "localhost", port, true);
        }
        try (Socket s = socket) {
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder request = new StringBuilder(method + " " + api.getRawPath() + " HTTP/1.0\r\nHost: localhost:" + port + "\r\n");
            if (user != null) {
                request.append("Authorization: Basic ")
                        .append(Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))).append("\r\n");
            }
            if (body != null) {
                request.append("Content-Type: ").append(contentType).append("\r\nContent-Length: ").append(content.length).append("\r\n");
            }
            OutputStream out = s.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.flush();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            try (InputStream in = s.getInputStream()) {
                in.transferTo(all);
            }
            String reply = all.toString(StandardCharsets.UTF_8);
            int split = reply.indexOf("\r\n\r\n");
            String head = split < 0 ? reply : reply.substring(0, split);
            return new Raw(Integer.parseInt(head.split(" ")[1]), head, split < 0 ? "" : reply.substring(split + 4));
        }
    }

    private static String soapEnvelope(String user, String password) {
        return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "xmlns:r=\"http://supervision.cn/soap/registry/v1\"><soapenv:Header>"
                + "<wsse:Security soapenv:mustUnderstand=\"1\" "
                + "xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd\">"
                + "<wsse:UsernameToken><wsse:Username>" + user + "</wsse:Username>"
                + "<wsse:Password Type=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText\">"
                + password + "</wsse:Password></wsse:UsernameToken></wsse:Security></soapenv:Header>"
                + "<soapenv:Body><r:listUnits><jurisdictionCode>370500</jurisdictionCode></r:listUnits></soapenv:Body></soapenv:Envelope>";
    }

    @Test
    public void guessesFromOneSourceAre429WhileTheRightPasswordFromAnotherSourceWorks() throws Exception {
        Http.await(API + "/v1/health", null, r -> r.status() == 200, 120_000);
        String user = "city-leader";
        String right = "city-leader-demo";
        assertEquals("the usual source logs in", 200, from("127.0.0.1", "GET", JURISDICTIONS, user, right, null, null).status());

        int status = 401;
        int attempts = 0;
        Raw throttled = null;
        while (status == 401 && attempts++ < 10) {
            throttled = from("127.0.0.3", "GET", JURISDICTIONS, user, "guess-" + attempts, null, null);
            status = throttled.status();
        }
        assertEquals(throttled.toString(), 429, status);
        assertTrue("the free failures come first: " + attempts, attempts > 3);
        assertTrue(throttled.headers(), throttled.headers().toLowerCase(Locale.ROOT).contains("retry-after:"));
        assertTrue(throttled.headers(), throttled.headers().toLowerCase(Locale.ROOT).contains("application/problem+json"));
        assertTrue(throttled.body(), Json.has(throttled.body(), "status", 429) && Json.anyText(throttled.body(), "登录"));
        // the first wait is a few seconds: the next checks at the guessing source come right away
        assertEquals("even the right password waits at the guessing source", 429,
                from("127.0.0.3", "GET", JURISDICTIONS, user, right, null, null).status());
        Raw soap = from("127.0.0.3", "POST", PlatformIT.SOAP, null, null, "text/xml; charset=UTF-8", soapEnvelope(user, right));
        assertEquals(soap.toString(), 500, soap.status());
        assertTrue(soap.body(), soap.body().contains("Fault") && soap.body().contains("登录失败次数过多"));

        assertEquals("another source logs in", 200, from("127.0.0.4", "GET", JURISDICTIONS, user, right, null, null).status());
        assertEquals("the usual source logs in", 200, from("127.0.0.1", "GET", JURISDICTIONS, user, right, null, null).status());
        Raw soapElsewhere = from("127.0.0.4", "POST", PlatformIT.SOAP, null, null, "text/xml; charset=UTF-8", soapEnvelope(user, right));
        assertEquals(soapElsewhere.toString(), 200, soapElsewhere.status());
    }

    @Test
    public void healthTellsTheAnonymousOnlyWhatIsDownAndTheOfficeWhy() throws Exception {
        Http.await(API + "/v1/health", null, r -> r.status() == 200, 120_000);
        org.osgi.service.cm.Configuration rest = configurations.getConfiguration("cn.supervision.rest", null);
        Dictionary<String, Object> original = rest.getProperties();
        Dictionary<String, Object> broken = new Hashtable<>();
        if (original != null) {
            for (var keys = original.keys(); keys.hasMoreElements();) {
                String k = keys.nextElement();
                broken.put(k, original.get(k));
            }
        }
        broken.put("health.required", "registry,indicator,contributions,soap,modules,it-missing-component");
        rest.update(broken);
        try {
            Http.Reply anonymous = Http.await(API + "/v1/health", null,
                    r -> r.status() == 503 && Json.anyText(r.body(), "it-missing-component"), 60_000);
            assertTrue(anonymous.body(), Json.has(anonymous.body(), "status", "DOWN"));
            assertFalse("no reasons for the public: " + anonymous.body(),
                    Json.anyText(anonymous.body(), "reason") || Json.anyText(anonymous.body(), "not registered"));
            // the configuration change republishes the gateway's resources: wait past CXF's "No service was found" (issue 16)
            Http.Reply unit = Http.await(API + "/v1/health", "czj-user", r -> r.status() != 404, 60_000);
            assertFalse(unit.body(), Json.anyText(unit.body(), "not registered"));
            Http.Reply office = Http.await(API + "/v1/health", "city-admin", r -> r.status() != 404, 60_000);
            assertEquals(503, office.status());
            assertTrue(office.body(), Json.has(office.body(), "reason", "not registered"));
        } finally {
            Dictionary<String, Object> restore = new Hashtable<>();
            if (original != null) {
                for (var keys = original.keys(); keys.hasMoreElements();) {
                    String k = keys.nextElement();
                    restore.put(k, original.get(k));
                }
            }
            restore.put("health.required", original != null && original.get("health.required") != null
                    ? original.get("health.required") : "registry,indicator,contributions,soap,modules");
            rest.update(restore);
            Http.await(API + "/v1/health", null, r -> r.status() == 200, 60_000);
        }
    }
}
