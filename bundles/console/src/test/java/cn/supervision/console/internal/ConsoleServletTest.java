package cn.supervision.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.supervision.testing.fakes.FakeHttpServletRequest;
import cn.supervision.testing.fakes.FakeHttpServletResponse;

/** What the console's file server answers: encodings, caching, the application's pages, and nothing outside its folder. */
class ConsoleServletTest {
    @TempDir
    Path dir;
    ConsoleServlet servlet;

    /** A response as the servlet left it. */
    static final class Answer {
        int status = 200;
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();

        String text() {
            return body.toString(StandardCharsets.UTF_8);
        }
    }

    @BeforeEach
    void files() throws IOException {
        Path root = Files.createDirectories(dir.resolve("console/assets"));
        Files.writeString(dir.resolve("console/index.html"), "<html>index</html>");
        Files.writeString(dir.resolve("console/index.html.gz"), "gzipped index");
        Files.writeString(root.resolve("index-abc123.js"), "console.log(1)");
        Files.writeString(root.resolve("index-abc123.js.br"), "brotli js");
        Files.writeString(root.resolve("index-abc123.js.gz"), "gzip js");
        Files.writeString(root.resolve("logo-1.png"), "png");
        Files.writeString(dir.resolve("secret.txt"), "outside");
        servlet = new ConsoleServlet(name -> {
            Path p = dir.resolve(name);
            try {
                return Files.isRegularFile(p) ? p.toUri().toURL() : null;
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private Answer get(String pathInfo, Map<String, String> headers) throws IOException {
        Answer answer = new Answer();
        HttpServletRequest request = new FakeHttpServletRequest() {
            @Override
            public String getPathInfo() {
                return pathInfo;
            }

            @Override
            public String getRequestURI() {
                return "/console" + (pathInfo == null ? "" : pathInfo);
            }

            @Override
            public String getHeader(String name) {
                return headers.get(name);
            }

            @Override
            public String getMethod() {
                return "GET";
            }
        };
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void write(int b) {
                answer.body.write(b);
            }
        };
        HttpServletResponse response = new FakeHttpServletResponse() {
            @Override
            public void setStatus(int status) {
                answer.status = status;
            }

            @Override
            public void sendError(int status) {
                answer.status = status;
            }

            @Override
            public void setHeader(String name, String value) {
                answer.headers.put(name, value);
            }

            @Override
            public void setContentType(String type) {
                answer.headers.put("Content-Type", type);
            }

            @Override
            public void setContentLength(int length) {
                answer.headers.put("Content-Length", String.valueOf(length));
            }

            @Override
            public ServletOutputStream getOutputStream() {
                return out;
            }
        };
        servlet.doGet(request, response);
        return answer;
    }

    @Test
    void hashedAssetsArePrecompressedAndCachedForAYear() throws IOException {
        Answer br = get("/assets/index-abc123.js", Map.of("Accept-Encoding", "gzip, deflate, br"));
        assertEquals(200, br.status);
        assertEquals("brotli js", br.text());
        assertEquals("br", br.headers.get("Content-Encoding"));
        assertEquals("text/javascript;charset=UTF-8", br.headers.get("Content-Type"));
        assertEquals(ConsoleServlet.IMMUTABLE, br.headers.get("Cache-Control"));
        assertEquals("Accept-Encoding", br.headers.get("Vary"));

        Answer gzip = get("/assets/index-abc123.js", Map.of("Accept-Encoding", "gzip, br;q=0"));
        assertEquals("gzip js", gzip.text());
        assertEquals("gzip", gzip.headers.get("Content-Encoding"));

        Answer plain = get("/assets/index-abc123.js", Map.of());
        assertEquals("console.log(1)", plain.text());
        assertNull(plain.headers.get("Content-Encoding"));
        assertEquals("14", plain.headers.get("Content-Length"));

        Answer image = get("/assets/logo-1.png", Map.of("Accept-Encoding", "br"));
        assertEquals("png", image.text());
        assertNull(image.headers.get("Content-Encoding"), "nothing precompressed: the file as it is");
    }

    @Test
    void indexIsRevalidatedWithItsEtagAndCarriesTheSecurityHeaders() throws IOException {
        Answer index = get("/", Map.of("Accept-Encoding", "gzip"));
        assertEquals("gzipped index", index.text());
        assertEquals("no-cache", index.headers.get("Cache-Control"));
        assertTrue(index.headers.get("Content-Security-Policy").contains("frame-ancestors 'none'"));
        assertEquals("nosniff", index.headers.get("X-Content-Type-Options"));
        String etag = index.headers.get("ETag");
        Answer again = get("/", Map.of("Accept-Encoding", "gzip", "If-None-Match", etag));
        assertEquals(304, again.status);
        assertEquals(0, again.body.size());
        Answer identity = get("/", Map.of("If-None-Match", etag));
        assertEquals(200, identity.status, "another representation has another ETag");
        assertEquals("<html>index</html>", identity.text());
    }

    @Test
    void pagesOfTheApplicationGetIndexAndMissingFilesAre404() throws IOException {
        assertEquals("<html>index</html>", get("/campaigns/7/results", Map.of()).text());
        assertEquals("<html>index</html>", get("/login", Map.of()).text());
        assertEquals(404, get("/assets/missing-1.js", Map.of()).status);
    }

    @Test
    void pathsThatNameNothingAreNotRemembered() throws IOException {
        get("/assets/index-abc123.js", Map.of("Accept-Encoding", "gzip, br"));
        get("/", Map.of());
        int held = servlet.cachedFiles();
        assertEquals(2, held, "the brotli asset and the plain index");
        for (int i = 0; i < 10_000; i++) {
            assertEquals(404, get("/assets/missing-" + i + ".js", Map.of("Accept-Encoding", "gzip, br")).status);
        }
        assertEquals(held, servlet.cachedFiles(), "an anonymous caller cannot grow the cache with made-up names");
        assertEquals("brotli js", get("/assets/index-abc123.js", Map.of("Accept-Encoding", "br")).text());
    }

    @Test
    void nothingOutsideTheConsoleFolder() throws IOException {
        for (String path : new String[] {"/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt", "/assets\\..\\..\\secret.txt", "//secret.txt"}) {
            Answer answer = get(path, Map.of());
            assertEquals(404, answer.status, path);
            assertFalse(answer.text().contains("outside"), path);
        }
    }

    @Test
    void withoutTheSlashTheConsoleRedirects() throws IOException {
        Answer answer = get(null, Map.of());
        assertEquals(301, answer.status);
        assertEquals("/console/", answer.headers.get("Location"));
    }

    @Test
    void acceptEncodingIsReadWithItsWeights() {
        assertTrue(ConsoleServlet.accepts("gzip, deflate, br", "br"));
        assertTrue(ConsoleServlet.accepts("br;q=0.5", "br"));
        assertFalse(ConsoleServlet.accepts("br;q=0", "br"));
        assertFalse(ConsoleServlet.accepts("gzip", "br"));
        assertFalse(ConsoleServlet.accepts("", "gzip"));
    }
}
