package cn.supervision.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real path a person takes: unpack the tar.gz, {@code bin/start}, wait for health, use it,
 * {@code bin/stop}, start again: the data is still there. Boot times are written to target/boot-times.txt.
 */
class DistributionLifecycleIT {
    static final String PORT = System.getProperty("it.lifecycle.http.port", "8183");
    static final String API = "http://localhost:" + PORT + "/services/api";
    static Path home;

    @BeforeAll
    static void unpack() throws Exception {
        Path dir = Paths.get("target", "lifecycle").toAbsolutePath();
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
        Files.createDirectories(dir);
        run(dir, "tar", "xzf", System.getProperty("it.distribution"), "-C", dir.toString());
        try (Stream<Path> s = Files.list(dir)) {
            home = s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        setProperty("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", PORT);
        setProperty("etc/org.apache.karaf.shell.cfg", "sshPort", "8103");
        setProperty("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", "1299");
        setProperty("etc/org.apache.karaf.management.cfg", "rmiServerPort", "44446");
    }

    @AfterAll
    static void stop() throws Exception {
        if (home != null && running()) {
            stopKaraf();
        }
    }

    @Test
    void startsFromTheTarballAndKeepsDataAcrossARestart() throws Exception {
        long first = start();
        String code = "RESTART" + System.nanoTime() % 100000;
        Http.Reply created = Http.json("POST", API + "/v1/jurisdictions/370500/units", "city-admin",
                "{\"code\":\"" + code + "\",\"name\":\"重启验证局\",\"kind\":\"OTHER\"}");
        assertEquals(201, created.status(), created.body());
        long id = PlatformIT.firstId(created.body());
        int demoUnits = PlatformIT.count(Http.get(API + "/v1/jurisdictions/370500/units", "city-admin").body(), "\"jurisdictionCode\"");

        stopKaraf();
        long second = start();

        Http.Reply read = Http.get(API + "/v1/units/" + id, "city-admin");
        assertEquals(200, read.status(), read.body());
        assertTrue(read.body().contains(code) && read.body().contains("重启验证局"));
        int after = PlatformIT.count(Http.get(API + "/v1/jurisdictions/370500/units", "city-admin").body(), "\"jurisdictionCode\"");
        assertEquals(demoUnits, after, "a restart neither loses nor duplicates units (demo data is not loaded twice)");

        String times = "first boot of a fresh unpack to healthy: " + first + " ms\nsecond boot: " + second + " ms\n";
        Files.writeString(Paths.get("target", "boot-times.txt"), times, StandardCharsets.UTF_8);
        System.out.print(times);
    }

    private static long start() throws Exception {
        long t0 = System.nanoTime();
        karaf("start");
        Http.await(API + "/v1/health", null, r -> r.status() == 200, 180_000);
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }

    private static boolean running() throws Exception {
        return new ProcessBuilder(home.resolve("bin/status").toString()).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
    }

    /** bin/status says "Not Running" before the JVM has exited, and bin/start refuses to run while it still lives. */
    private static void stopKaraf() throws Exception {
        java.util.Optional<ProcessHandle> jvm = karafProcess();
        karaf("stop");
        long deadline = System.currentTimeMillis() + 60_000;
        while (running() || jvm.map(ProcessHandle::isAlive).orElse(false)) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("Karaf did not stop within 60 s");
            }
            TimeUnit.MILLISECONDS.sleep(Http.POLL_INTERVAL_MILLIS);
        }
    }

    private static java.util.Optional<ProcessHandle> karafProcess() throws IOException {
        Path instances = home.resolve("instances/instance.properties");
        if (!Files.exists(instances)) {
            return java.util.Optional.empty();
        }
        java.util.Properties p = new java.util.Properties();
        try (var in = Files.newInputStream(instances)) {
            p.load(in);
        }
        String pid = p.getProperty("item.0.pid");
        return pid == null ? java.util.Optional.empty() : ProcessHandle.of(Long.parseLong(pid.trim()));
    }

    private static void karaf(String script) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/" + script).toString()).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(home.resolve("data/log/" + script + ".out").toFile());
        pb.environment().put("KARAF_REDIRECT", home.resolve("data/log/karaf.out").toString());
        int exit = pb.start().waitFor();
        assertEquals(0, exit, "bin/" + script + " failed: " + Files.readString(home.resolve("data/log/" + script + ".out")));
    }

    private static void setProperty(String file, String key, String value) throws IOException {
        Path p = home.resolve(file);
        List<String> lines = Files.readAllLines(p, StandardCharsets.ISO_8859_1);
        boolean replaced = false;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("\\s*" + java.util.regex.Pattern.quote(key) + "\\s*=.*")) {
                lines.set(i, key + " = " + value);
                replaced = true;
            }
        }
        if (!replaced) {
            lines.add(key + " = " + value);
        }
        Files.write(p, lines, StandardCharsets.ISO_8859_1);
    }

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        assertEquals(0, p.waitFor(), String.join(" ", command));
    }
}
