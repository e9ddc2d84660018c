package cn.supervision.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;

/** A tiny HTTP client for the tests (runs inside Karaf as well as outside it). */
final class Http {
    record Reply(int status, String contentType, String body, byte[] bytes, String location, Map<String, List<String>> headers) {
        /** The first value of a response header (names are case-insensitive), or null. */
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    static final long POLL_INTERVAL_MILLIS = 200;

    /** Trust for https URLs (a test trusts exactly the certificate the distribution generated); null: the JDK's defaults. */
    static volatile SSLSocketFactory tls;

    private Http() {
    }

    static Reply call(String method, String url, String user, String contentType, byte[] body) throws IOException {
        return call(method, url, user, contentType, body, java.util.Map.of());
    }

    static Reply call(String method, String url, String user, String contentType, byte[] body, java.util.Map<String, String> headers)
            throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
        if (c instanceof HttpsURLConnection https && tls != null) {
            https.setSSLSocketFactory(tls);
        }
        headers.forEach(c::setRequestProperty);
        c.setRequestMethod(method);
        c.setConnectTimeout(5_000);
        c.setReadTimeout(30_000);
        c.setInstanceFollowRedirects(false);
        if (user != null) {
            String token = Base64.getEncoder().encodeToString((user + ":" + user + "-demo").getBytes(StandardCharsets.UTF_8));
            c.setRequestProperty("Authorization", "Basic " + token);
        }
        if (body != null) {
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", contentType);
            try (OutputStream os = c.getOutputStream()) {
                os.write(body);
            }
        }
        int status = c.getResponseCode();
        byte[] bytes;
        try (InputStream is = status < 400 ? c.getInputStream() : c.getErrorStream()) {
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            if (is != null) {
                is.transferTo(bos);
            }
            bytes = bos.toByteArray();
        }
        return new Reply(status, c.getContentType(), new String(bytes, StandardCharsets.UTF_8), bytes, c.getHeaderField("Location"),
                c.getHeaderFields());
    }

    static Reply get(String url, String user) throws IOException {
        return call("GET", url, user, null, null);
    }

    static Reply json(String method, String url, String user, String json) throws IOException {
        return call(method, url, user, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** Polls until the reply satisfies the condition or the deadline passes; never a fixed sleep. */
    static Reply await(String url, String user, Predicate<Reply> done, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        Object last = null;
        while (System.currentTimeMillis() < deadline) {
            try {
                Reply r = get(url, user);
                if (isDone(done, r)) {
                    return r;
                }
                last = r;
            } catch (IOException e) {
                last = e;
            }
            TimeUnit.MILLISECONDS.sleep(POLL_INTERVAL_MILLIS); // between polls of a state with a deadline
        }
        throw new AssertionError("gave up waiting for " + url + "; last answer: " + last);
    }

    /** A condition that reads the body as JSON is not met yet while the server still answers something else (a page, a text). */
    private static boolean isDone(Predicate<Reply> done, Reply r) {
        try {
            return done.test(r);
        } catch (AssertionError notJsonYet) {
            return false;
        }
    }
}
