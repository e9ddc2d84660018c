package cn.supervision.tls.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;

import cn.supervision.testing.fakes.FakeHttpServletRequest;
import cn.supervision.testing.fakes.FakeHttpServletResponse;

class TransportSecurityTest {
    private final TransportPolicy production = new TransportPolicy(false);

    @Test
    void httpsPassesWithHsts() {
        assertEquals(TransportPolicy.Kind.HSTS, production.decide(true, "POST", true, "h", 0, "/services/api/v1/units/1", null).kind());
    }

    @Test
    void aCredentialFreeGetOverHttpIsRedirectedToTheSameUrlOverHttps() {
        TransportPolicy.Decision d = production.decide(false, "GET", false, "platform.example.cn", 8443,
                "/services/api/v1/questionnaires/public/page", "t=abc");
        assertEquals(TransportPolicy.Kind.REDIRECT, d.kind());
        assertEquals("https://platform.example.cn:8443/services/api/v1/questionnaires/public/page?t=abc", d.location());
        assertEquals("https://[::1]/", production.decide(false, "HEAD", false, "::1", 443, "", null).location());
    }

    @Test
    void credentialsWritesAndSoapOverHttpAreRefused() {
        assertEquals(TransportPolicy.Kind.REFUSE, production.decide(false, "GET", true, "h", 8443, "/services/api/v1/jurisdictions", null).kind());
        assertEquals(TransportPolicy.Kind.REFUSE, production.decide(false, "POST", false, "h", 8443, "/services/soap/RegistryService", null).kind());
        assertEquals(TransportPolicy.Kind.REFUSE, production.decide(false, "PUT", true, "h", 8443, "/services/api/v1/units/1", null).kind());
    }

    @Test
    void theDevFlagServesPlainHttpAndDropsHsts() {
        TransportPolicy dev = new TransportPolicy(true);
        assertEquals(TransportPolicy.Kind.PASS, dev.decide(false, "POST", true, "h", 8443, "/services/api/v1/units", null).kind());
        assertEquals(TransportPolicy.Kind.PASS, dev.decide(true, "GET", true, "h", 8443, "/services/api/v1/units", null).kind());
    }

    @Test
    void theRefusalIsAProblemBodyAndTheChainNeverRuns() throws Exception {
        Exchange x = new Exchange(false, "GET", "/services/api/v1/jurisdictions", "t=secret-token");
        x.headers.put("Authorization", "Basic Y2l0eS1hZG1pbjp3cm9uZw==");
        AtomicBoolean reached = new AtomicBoolean();
        new TransportSecurityPreprocessor(production, () -> 8443, 31536000).doFilter(x.request(), x.response(), (q, s) -> reached.set(true));
        assertFalse(reached.get(), "no servlet (and no password check) behind a refused request");
        assertEquals(403, x.status);
        assertEquals(TransportSecurityPreprocessor.PROBLEM_JSON, x.contentType);
        String body = x.body.toString(StandardCharsets.UTF_8);
        assertTrue(body.contains("\"status\":403") && body.contains("https://localhost:8443/services/api/v1/jurisdictions"), body);
        assertFalse(body.contains("secret-token"), "a token in the query is not echoed");
    }

    @Test
    void redirectsAndHstsThroughTheServletApi() throws Exception {
        Exchange plain = new Exchange(false, "GET", "/services/api/v1/health", null);
        AtomicBoolean reached = new AtomicBoolean();
        TransportSecurityPreprocessor p = new TransportSecurityPreprocessor(production, () -> 9443, 600);
        p.doFilter(plain.request(), plain.response(), (q, s) -> reached.set(true));
        assertFalse(reached.get());
        assertEquals(308, plain.status);
        assertEquals("https://localhost:9443/services/api/v1/health", plain.headers.get("Location"));

        Exchange tls = new Exchange(true, "GET", "/services/api/v1/health", null);
        p.doFilter(tls.request(), tls.response(), (q, s) -> reached.set(true));
        assertTrue(reached.get());
        assertEquals("max-age=600", tls.headers.get("Strict-Transport-Security"));

        Exchange dev = new Exchange(true, "GET", "/services/api/v1/health", null);
        new TransportSecurityPreprocessor(new TransportPolicy(true), () -> 9443, 600).doFilter(dev.request(), dev.response(), (q, s) -> { });
        assertNull(dev.headers.get("Strict-Transport-Security"));
    }

    /** Just enough of a servlet request and response, as typed fakes. */
    private static final class Exchange {
        final boolean secure;
        final String method;
        final String uri;
        final String query;
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        int status = 200;
        String contentType;

        Exchange(boolean secure, String method, String uri, String query) {
            this.secure = secure;
            this.method = method;
            this.uri = uri;
            this.query = query;
        }

        HttpServletRequest request() {
            return new FakeHttpServletRequest() {
                @Override
                public boolean isSecure() {
                    return secure;
                }

                @Override
                public String getMethod() {
                    return method;
                }

                @Override
                public String getHeader(String name) {
                    return headers.get(name);
                }

                @Override
                public String getServerName() {
                    return "localhost";
                }

                @Override
                public String getRequestURI() {
                    return uri;
                }

                @Override
                public String getQueryString() {
                    return query;
                }
            };
        }

        HttpServletResponse response() {
            ServletOutputStream out = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    body.write(b);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
            return new FakeHttpServletResponse() {
                @Override
                public void setStatus(int code) {
                    status = code;
                }

                @Override
                public void setHeader(String name, String value) {
                    headers.put(name, value);
                }

                @Override
                public void setContentType(String type) {
                    contentType = type;
                }

                @Override
                public void setContentLength(int length) {
                }

                @Override
                public ServletOutputStream getOutputStream() {
                    return out;
                }
            };
        }
    }
}
