package cn.supervision.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A distribution unpacked from the tar.gz and driven with its own scripts, as an operator would. */
final class KarafInstance {
    final Path home;
    final String api;
    /** The same API over HTTPS (port {@code httpPort + 1000}). */
    final String httpsApi;
    final int sshPort;
    private final boolean allowInsecureHttp;

    /**
     * Unpacks into target/{name} with the HTTP, HTTPS, SSH and RMI ports moved by {@code offset} so instances never clash;
     * with the development flag {@code allowInsecureHttp} (etc/cn.supervision.tls.cfg) the tests talk plain HTTP.
     */
    KarafInstance(String name, int httpPort, int offset) throws Exception {
        this(name, httpPort, offset, true);
    }

    KarafInstance(String name, int httpPort, int offset, boolean allowInsecureHttp) throws Exception {
        this(name, httpPort, offset, allowInsecureHttp, true);
    }

    /**
     * With {@code suiteDatabase} the instance runs on the database the suite runs on (ItDatabase: its own schema under
     * {@code -P postgresql}); without, on the datasource file as shipped, for a test that edits it itself.
     */
    KarafInstance(String name, int httpPort, int offset, boolean allowInsecureHttp, boolean suiteDatabase) throws Exception {
        this.allowInsecureHttp = allowInsecureHttp;
        Path dir = Path.of("target", name).toAbsolutePath();
        deleteTree(dir);
        Files.createDirectories(dir);
        Process tar = new ProcessBuilder("tar", "xzf", System.getProperty("it.distribution"), "-C", dir.toString())
                .inheritIO().start();
        assertEquals(0, tar.waitFor(), "tar failed");
        try (Stream<Path> s = Files.list(dir)) {
            home = s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        api = "http://localhost:" + httpPort + "/services/api";
        httpsApi = "https://localhost:" + (httpPort + 1000) + "/services/api";
        sshPort = 8101 + offset;
        setProperty("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(httpPort));
        setProperty("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port.secure", String.valueOf(httpPort + 1000));
        setProperty("etc/cn.supervision.tls.cfg", "allowInsecureHttp", String.valueOf(allowInsecureHttp));
        setProperty("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(sshPort));
        setProperty("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", String.valueOf(1099 + offset));
        setProperty("etc/org.apache.karaf.management.cfg", "rmiServerPort", String.valueOf(44444 + offset));
        for (Map.Entry<String, String> e : (suiteDatabase ? ItDatabase.datasourceFor(name) : Map.<String, String>of()).entrySet()) {
            setProperty(ItDatabase.DATASOURCE_CFG, e.getKey(), e.getValue());
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    void setProperty(String file, String key, String value) throws IOException {
        Path p = home.resolve(file);
        List<String> lines = Files.readAllLines(p, StandardCharsets.ISO_8859_1);
        boolean replaced = false;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("\\s*" + Pattern.quote(key) + "\\s*=.*")) {
                lines.set(i, key + " = " + value);
                replaced = true;
            }
        }
        if (!replaced) {
            lines.add(key + " = " + value);
        }
        Files.write(p, lines, StandardCharsets.ISO_8859_1);
    }

    /** bin/start, then waits for health; returns the milliseconds it took. */
    long start() throws Exception {
        long t0 = System.nanoTime();
        script("start");
        Http.await((allowInsecureHttp ? api : httpsApi) + "/v1/health", null, r -> r.status() == 200, 180_000);
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }

    /** bin/stop, then waits for the JVM to exit: bin/status says "Not Running" before it has, and bin/start refuses to run while it lives. */
    void stop() throws Exception {
        Optional<ProcessHandle> jvm = process();
        script("stop");
        long deadline = System.currentTimeMillis() + 60_000;
        while (running() || jvm.map(ProcessHandle::isAlive).orElse(false)) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("Karaf did not stop within 60 s");
            }
            TimeUnit.MILLISECONDS.sleep(Http.POLL_INTERVAL_MILLIS);
        }
    }

    boolean running() throws Exception {
        return new ProcessBuilder(home.resolve("bin/status").toString()).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
    }

    void stopIfRunning() throws Exception {
        if (running()) {
            stop();
        }
    }

    /** The class-data archives bin/setenv has the server JVM write (data/cds). */
    List<Path> classDataArchives() throws IOException {
        Path dir = home.resolve("data/cds");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jsa")).sorted().toList();
        }
    }

    /** The files the running Karaf JVM has mapped (Linux: /proc/PID/maps). */
    Set<String> mappedFiles() throws IOException {
        ProcessHandle jvm = process().orElseThrow(() -> new AssertionError("no Karaf process"));
        try (Stream<String> lines = Files.lines(Path.of("/proc", String.valueOf(jvm.pid()), "maps"))) {
            return lines.map(l -> l.split("\\s+", 6)).filter(f -> f.length == 6).map(f -> f[5].trim()).collect(Collectors.toSet());
        }
    }

    /** SIGKILL of the Karaf JVM (kill -9): no shutdown hook, no orderly close of the database. */
    void kill() throws Exception {
        ProcessHandle jvm = process().orElseThrow(() -> new AssertionError("no Karaf process to kill"));
        jvm.destroyForcibly();
        jvm.onExit().get(60, TimeUnit.SECONDS);
    }

    private Optional<ProcessHandle> process() throws IOException {
        Path instances = home.resolve("instances/instance.properties");
        if (!Files.exists(instances)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(instances)) {
            p.load(in);
        }
        String pid = p.getProperty("item.0.pid");
        return pid == null ? Optional.empty() : ProcessHandle.of(Long.parseLong(pid.trim()));
    }

    private void script(String name) throws Exception {
        Path out = home.resolve("data/log/" + name + ".out");
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/" + name).toString()).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().put("KARAF_REDIRECT", home.resolve("data/log/karaf.out").toString());
        int exit = pb.start().waitFor();
        assertEquals(0, exit, "bin/" + name + " failed: " + Files.readString(out));
    }
}
