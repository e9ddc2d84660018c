package cn.supervision.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The console's browser tests' common part: one headless Chromium (Debian's chromium and chromium-driver, driven over
 * the W3C WebDriver protocol from inside the container: no browser or driver download), logging in on the login page,
 * screenshots, figures and the browser console's errors. Each console IT class calls {@link #quit()} after its tests.
 * <p>
 * Screenshots go to {@code docs/screenshots/} when the build runs with {@code -Dconsole.screenshots=true} (the folder
 * is a system property of the shared container, set in {@link PlatformIT#config()}).
 */
final class ConsoleBrowser {
    static final String BASE = "http://localhost:" + PlatformIT.PORT;
    static final String CHROMIUM = System.getProperty("console.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("console.chromedriver", "/usr/bin/chromedriver");

    private static Driver driver;

    private ConsoleBrowser() {
    }

    static synchronized void quit() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    static synchronized Driver browser() throws Exception {
        if (driver == null) {
            driver = Driver.start(CHROMEDRIVER, CHROMIUM);
        }
        return driver;
    }

    /** Logs in on the login page (a fresh browser session: no cookie of an earlier user). */
    static Driver.Session loginAs(String user) throws Exception {
        return loginAs(user, 1366, 768);
    }

    /** Logs in with a window of the given size: 390 × 844 is a phone's. */
    static Driver.Session loginAs(String user, int width, int height) throws Exception {
        Driver.Session s = browser().session(width, height);
        // headless Chromium keeps a minimum width for --window-size; the window's rectangle is set exactly
        s.call("POST", "/window/rect", "{\"width\":" + width + ",\"height\":" + height + "}");
        s.open(BASE + "/console/");
        s.waitFor("document.querySelector('#username') !== null", 20_000);
        s.type("#username", user);
        s.type("#password", user + "-demo");
        s.click("#login");
        s.waitFor("document.querySelector('#who') !== null && document.querySelector('#who').innerText.includes('" + user + "')", 20_000);
        return s;
    }

    /** The side menu's items, in order, comma separated. */
    static String menus(Driver.Session s) throws Exception {
        return s.script("return [...document.querySelectorAll('.aside .el-menu-item')].map(e => e.innerText.trim()).join(',')");
    }

    static void screenshot(Driver.Session s, String name) throws Exception {
        String dir = System.getProperty("console.screenshots.dir", "");
        if (!dir.isEmpty()) {
            Files.createDirectories(Path.of(dir));
            Files.write(Path.of(dir, name + ".png"), s.screenshot());
        }
    }

    /** Figures go to distribution/target/console-figures.txt (the test runs in Karaf, whose output is not the build's). */
    static void figure(String line) throws IOException {
        System.out.println("[console] " + line);
        // the file gathers every run's figures (mvn clean empties it): each line says when it was measured
        Files.writeString(Path.of(System.getProperty("console.figures", "console-figures.txt")), java.time.LocalDateTime.now().withNano(0) + " " + line + System.lineSeparator(),
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    static void noConsoleErrors(Driver.Session s) throws Exception {
        List<String> severe = s.severeLogs();
        assertTrue("browser console errors: " + severe, severe.isEmpty());
    }

    /**
     * Just enough of the W3C WebDriver protocol over HTTP to drive chromedriver: the test runs inside the OSGi container,
     * where a client library and its dependencies would have to be bundles. Waits run in the page (a promise polling a
     * condition), never as sleeps here.
     */
    static final class Driver {
        private final Process process;
        private final String url;
        /** The browser's temp folder (profiles, sockets), removed by {@link #quit()}. */
        private final Path scratch;
        /** Open sessions, ended by {@link #quit()} so that each browser closes before its folder is removed. */
        private final List<String> sessions = new java.util.ArrayList<>();

        private Driver(Process process, String url, Path scratch) {
            this.process = process;
            this.url = url;
            this.scratch = scratch;
        }

        /** Beside the build's other output (the container runs in the module's folder), never in the source tree. */
        private static File driverLog() {
            File target = new File("target");
            return target.isDirectory() ? new File(target, "chromedriver.log") : new File(System.getProperty("java.io.tmpdir"), "chromedriver.log");
        }

        static Driver start(String chromedriver, String chromium) throws Exception {
            assertTrue("Debian's chromium-driver is needed (.ci/run installs it): " + chromedriver, new File(chromedriver).canExecute());
            assertTrue("Debian's chromium is needed (.ci/run installs it): " + chromium, new File(chromium).canExecute());
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            ProcessBuilder builder = new ProcessBuilder(chromedriver, "--port=" + port)
                    .redirectErrorStream(true).redirectOutput(driverLog());
            // the browser's profile and socket folders, removed by quit(): each run left them in /tmp. A folder of its
            // own under /tmp, not the container's temp folder, whose path is too long for the browser's socket
            Path scratch = Files.createTempDirectory(Path.of("/tmp"), "console-it-chromium-");
            builder.environment().put("TMPDIR", scratch.toString());
            Process process = builder.start();
            Driver d = new Driver(process, "http://127.0.0.1:" + port, scratch);
            Http.await(d.url + "/status", null, r -> r.status() == 200 && Json.at(r.body(), "/value/ready").asBoolean(), 30_000);
            return d;
        }

        Session session() throws Exception {
            return session(1366, 768);
        }

        Session session(int width, int height) throws Exception {
            String capabilities = "{\"capabilities\":{\"alwaysMatch\":{\"browserName\":\"chrome\",\"goog:chromeOptions\":{\"binary\":"
                    + json(CHROMIUM) + ",\"args\":[\"--headless=new\",\"--no-sandbox\",\"--disable-gpu\",\"--disable-dev-shm-usage\","
                    + "\"--window-size=" + width + "," + height + "\",\"--lang=zh-CN\",\"--no-first-run\",\"--disable-extensions\",\"--disable-background-networking\"]},"
                    + "\"goog:loggingPrefs\":{\"browser\":\"ALL\"}}}}";
            Http.Reply r = Http.json("POST", url + "/session", null, capabilities);
            assertEquals(r.body(), 200, r.status());
            Session s = new Session(url + "/session/" + Json.string(Json.of(r).path("value"), "sessionId"));
            sessions.add(s.url);
            s.call("POST", "/timeouts", "{\"implicit\":10000,\"script\":30000,\"pageLoad\":30000}");
            return s;
        }

        void quit() {
            for (String session : sessions) {
                try {
                    Http.call("DELETE", session, null, null, null);
                } catch (IOException e) {
                    System.out.println("[console] could not end browser session " + session + ": " + e);
                }
            }
            sessions.clear();
            process.destroy();
            try {
                process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
                KarafInstance.deleteTree(scratch);
            } catch (IOException e) {
                System.out.println("[console] could not remove the browser's folder " + scratch + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        static String json(String s) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
                }
            }
            return out.append('"').toString();
        }

        /** The string {@code value} of a WebDriver answer; null when it is not a string. */
        static String stringValue(String body) {
            JsonNode value = Json.parse(body).path("value");
            return value.isTextual() ? value.textValue() : null;
        }

        static final class Session {
            private final String url;

            Session(String url) {
                this.url = url;
            }

            String call(String method, String path, String body) throws IOException {
                Http.Reply r = body == null ? Http.call(method, url + path, null, null, null)
                        : Http.json(method, url + path, null, body);
                if (r.status() != 200) {
                    throw new AssertionError(method + " " + path + " " + (body == null ? "" : body) + " -> " + r.status() + " " + r.body());
                }
                return r.body();
            }

            void open(String address) throws IOException {
                call("POST", "/url", "{\"url\":" + json(address) + "}");
            }

            private String element(String using, String value) throws IOException {
                String body = call("POST", "/element", "{\"using\":" + json(using) + ",\"value\":" + json(value) + "}");
                return Json.string(Json.parse(body).path("value"), "element-6066-11e4-a52e-4f735466cecf");
            }

            void click(String css) throws IOException {
                clickFound("css selector", css);
            }

            void clickXpath(String xpath) throws IOException {
                clickFound("xpath", xpath);
            }

            /**
             * Finds and clicks; when Vue re-renders between the two (a table refreshed by an answer arriving), the found
             * element is stale and is found again; when another element would receive the click (a dropdown still zooming
             * in, a drawer still sliding), the page gets a frame or two and the click is tried again — a bounded number of
             * times, each against the page as it is now.
             */
            private void clickFound(String using, String value) throws IOException {
                for (int attempt = 1; ; attempt++) {
                    String path = "/element/" + element(using, value) + "/click";
                    Http.Reply r = Http.json("POST", url + path, null, "{}");
                    if (r.status() == 200) {
                        return;
                    }
                    boolean retriable = r.body().contains("stale element reference") || r.body().contains("element click intercepted");
                    if (attempt == 20 || !retriable) {
                        throw new AssertionError("POST " + path + " -> " + r.status() + " " + r.body());
                    }
                    call("POST", "/execute/async", "{\"script\":" + json("const done = arguments[arguments.length - 1]; setTimeout(() => done('yes'), 100);")
                            + ",\"args\":[]}");
                }
            }

            void type(String css, String text) throws IOException {
                call("POST", "/element/" + element("css selector", css) + "/value", "{\"text\":" + json(text) + "}");
            }

            void clear(String css) throws IOException {
                call("POST", "/element/" + element("css selector", css) + "/clear", "{}");
            }

            /**
             * The element's text as the page lays it out ({@code innerText}). Not WebDriver's "element text": its
             * visibility guess drops cells whose column is being re-laid out, so a table just waited for read as its
             * fixed-width header alone.
             */
            String text(String css) throws IOException {
                String reference = "{\"element-6066-11e4-a52e-4f735466cecf\":" + json(element("css selector", css)) + "}";
                return stringValue(call("POST", "/execute/sync", "{\"script\":\"return arguments[0].innerText\",\"args\":[" + reference + "]}"));
            }

            /** Runs a script that returns a string. */
            String script(String js) throws IOException {
                return stringValue(call("POST", "/execute/sync", "{\"script\":" + json(js) + ",\"args\":[]}"));
            }

            /**
             * Waits in the page until the condition holds (polled every 50 ms there), or fails naming it. A long wait runs
             * as several scripts of at most 20 s: one WebDriver call must answer within the HTTP client's read timeout.
             */
            void waitFor(String condition, long millis) throws IOException {
                long deadline = System.currentTimeMillis() + millis;
                String result;
                do {
                    long slice = Math.max(1, Math.min(20_000, deadline - System.currentTimeMillis()));
                    String js = "const done = arguments[arguments.length - 1]; const until = Date.now() + " + slice + ";"
                            + "(function poll() { let ok = false; try { ok = !!(" + condition + "); } catch (e) { ok = false; }"
                            + " if (ok) done('yes'); else if (Date.now() > until) done('no'); else setTimeout(poll, 50); })();";
                    result = stringValue(call("POST", "/execute/async", "{\"script\":" + json(js) + ",\"args\":[]}"));
                } while (!"yes".equals(result) && System.currentTimeMillis() < deadline);
                if (!"yes".equals(result)) {
                    String page = script("return location.href + ' :: ' + document.body.innerText.slice(0, 1500)");
                    Path shot = Path.of(System.getProperty("console.figures", "console-figures.txt")).resolveSibling(
                            "console-failure-" + System.currentTimeMillis() + ".png");
                    Files.write(shot, screenshot());
                    throw new AssertionError("gave up waiting for " + condition + " on " + page + " (screenshot " + shot + "); browser log: "
                            + call("POST", "/se/log", "{\"type\":\"browser\"}"));
                }
            }

            /** A cookie of the current page, as the browser keeps it (HttpOnly ones too: WebDriver sees them). */
            String cookie(String name) throws IOException {
                JsonNode value = Json.parse(call("GET", "/cookie/" + name, null)).path("value").path("value");
                return value.isTextual() ? value.textValue() : null;
            }

            byte[] screenshot() throws IOException {
                return Base64.getDecoder().decode(stringValue(call("GET", "/screenshot", null)));
            }

            /** The browser console's errors since the last call (chromedriver hands each entry out once). */
            List<String> severeLogs() throws IOException {
                String body = call("POST", "/se/log", "{\"type\":\"browser\"}");
                // every entry, also one whose message has braces in it
                return Json.elements(Json.parse(body).path("value")).filter(e -> Json.is(e, "level", "SEVERE")).map(JsonNode::toString).toList();
            }

            void close() throws IOException {
                Http.call("DELETE", url, null, null, null);
            }
        }
    }
}
