package cn.supervision.console.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Serves the console's built files from the bundle ({@code console/} inside it) at {@code /console/}. Assets under
 * {@code assets/} carry a content hash in their names and are cached for a year; {@code index.html} is revalidated on every
 * visit (ETag), so a new build is seen at once. Text files are sent as the brotli or gzip file the build precompressed,
 * when the browser accepts it. Any other path without a file extension is a page of the single-page application: it gets
 * {@code index.html} and the application's router shows the page.
 */
public final class ConsoleServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String ROOT = "console";
    static final String INDEX = "/index.html";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";
    /** The console only talks to its own origin; Element Plus sets inline styles; ECharts draws on canvases. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
            + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html;charset=UTF-8"), Map.entry("js", "text/javascript;charset=UTF-8"),
            Map.entry("css", "text/css;charset=UTF-8"), Map.entry("svg", "image/svg+xml"), Map.entry("json", "application/json"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("ico", "image/x-icon"),
            Map.entry("woff", "font/woff"), Map.entry("woff2", "font/woff2"), Map.entry("ttf", "font/ttf"),
            Map.entry("txt", "text/plain;charset=UTF-8"), Map.entry("map", "application/json"));

    /** One file as sent: its bytes in one encoding, and the ETag of that representation. */
    record Body(byte[] bytes, String etag) {
    }

    private final transient Function<String, URL> resources;
    /**
     * The bundle's files do not change while it is installed: read and hashed once. Only files that exist are kept, so the
     * map is never larger than the build; a path that names nothing (anyone may send any number of them, and each is
     * tried with .br and .gz) is looked up again each time rather than remembered.
     */
    private final transient Map<String, Body> cache = new ConcurrentHashMap<>();

    public ConsoleServlet() {
        this(name -> ConsoleServlet.class.getClassLoader().getResource(name));
    }

    ConsoleServlet(Function<String, URL> resources) {
        this.resources = resources;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null) { // /console without the slash: relative links would resolve against /
            response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            response.setHeader("Location", request.getRequestURI() + "/");
            return;
        }
        if (path.contains("..") || path.contains("\\") || path.contains("//") || path.contains("%")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String file = path.equals("/") ? INDEX : path;
        String last = file.substring(file.lastIndexOf('/') + 1);
        int dot = last.lastIndexOf('.');
        if (dot < 0) {
            file = INDEX; // a page of the application (history routing)
        }
        String extension = file.substring(file.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        String accepted = request.getHeader("Accept-Encoding") == null ? "" : request.getHeader("Accept-Encoding").toLowerCase(Locale.ROOT);
        String encoding = null;
        Optional<Body> body = Optional.empty();
        for (String candidate : new String[] {"br", "gzip"}) {
            if (accepts(accepted, candidate)) {
                body = read(file + (candidate.equals("br") ? ".br" : ".gz"));
                if (body.isPresent()) {
                    encoding = candidate;
                    break;
                }
            }
        }
        if (body.isEmpty()) {
            body = read(file);
        }
        if (body.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Vary", "Accept-Encoding");
        response.setHeader("Cache-Control", file.startsWith("/assets/") ? IMMUTABLE : REVALIDATE);
        response.setHeader("ETag", body.get().etag());
        if (file.equals(INDEX)) {
            response.setHeader("Content-Security-Policy", CSP);
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("Referrer-Policy", "same-origin");
        }
        if (body.get().etag().equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(TYPES.getOrDefault(extension, "application/octet-stream"));
        if (encoding != null) {
            response.setHeader("Content-Encoding", encoding);
        }
        response.setContentLength(body.get().bytes().length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body.get().bytes());
        }
    }

    /** Whether the Accept-Encoding header names this coding without refusing it (q=0). */
    static boolean accepts(String header, String coding) {
        for (String part : header.split(",")) {
            String[] p = part.trim().split(";");
            if (p[0].trim().equals(coding)) {
                for (int i = 1; i < p.length; i++) {
                    String q = p[i].trim();
                    if (q.startsWith("q=")) {
                        try {
                            return Double.parseDouble(q.substring(2)) > 0;
                        } catch (NumberFormatException e) {
                            return false;
                        }
                    }
                }
                return true;
            }
        }
        return false;
    }

    private Optional<Body> read(String file) {
        // a null from load() stores nothing: a miss, or a read that failed once and may succeed on the next request
        return Optional.ofNullable(cache.computeIfAbsent(file, this::load));
    }

    private Body load(String file) {
        URL url = resources.apply(ROOT + file);
        if (url == null) {
            return null;
        }
        try (InputStream in = url.openStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            byte[] bytes = out.toByteArray();
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return new Body(bytes, "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + "\"");
        } catch (IOException | NoSuchAlgorithmException e) {
            return null;
        }
    }

    /** How many files are held (for tests). */
    int cachedFiles() {
        return cache.size();
    }
}
