package cn.supervision.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the shipped bin/setenv asks of the JVM about class-data sharing, sourced the way Karaf's scripts source it
 * ({@code PROGNAME}, {@code DIRNAME}, the script's arguments), in a home of its own. DistributionLifecycleIT proves the
 * JVM then writes and maps the archive; this covers the cases a boot does not: agents, a cut-short archive, the other
 * scripts.
 */
class LauncherIT {
    private static final Pattern WRITE = Pattern.compile("-XX:ArchiveClassesAtExit=(\\S+)");
    private static final Pattern MAP = Pattern.compile("-XX:SharedArchiveFile=(\\S+)");

    @TempDir
    Path home;

    @BeforeEach
    void home() throws IOException {
        Files.createDirectories(home.resolve("bin"));
        Files.copy(Path.of("target/assembly/bin/setenv"), home.resolve("bin/setenv"));
        for (String lib : List.of("lib/boot", "lib/jdk9plus", "lib/endorsed")) {
            Files.createDirectories(home.resolve(lib));
            Files.writeString(home.resolve(lib).resolve("x.jar"), "jar");
        }
    }

    @Test
    void aFirstStartNeitherWritesNorMapsAnArchive() throws Exception {
        assertFalse(karafOpts("karaf", "server", Map.of()).contains("-XX:"));
    }

    @Test
    void aRestartWritesTheArchiveAndTheNextOneMapsIt() throws Exception {
        restarted();
        Path archive = matched(WRITE, karafOpts("karaf", "server", Map.of()));
        assertEquals(home.resolve("data/cds"), archive.getParent());
        assertTrue(archive.getFileName().toString().matches("classes-\\d+\\.jsa"), archive.toString());

        complete(archive);
        assertEquals(archive, matched(MAP, karafOpts("karaf", "server", Map.of())));
        assertEquals(archive, matched(MAP, karafOpts("karaf", "daemon", Map.of())));
        assertEquals(archive, matched(MAP, karafOpts("karaf", "", Map.of())), "bin/karaf alone: the console");
    }

    @Test
    void anArchiveCutShortIsReplacedAndOlderOnesGo() throws Exception {
        restarted();
        Path archive = matched(WRITE, karafOpts("karaf", "server", Map.of()));
        Files.createDirectories(archive.getParent());
        Files.write(archive, new byte[8192]); // a stop killed while the JVM wrote: the header (written last) is zeros
        Path older = archive.resolveSibling("classes-1.jsa");
        complete(older);

        assertEquals(archive, matched(WRITE, karafOpts("karaf", "server", Map.of())));
        assertFalse(Files.exists(archive), "the archive cut short is removed before the JVM writes a new one");
        assertFalse(Files.exists(older), "an archive of other options or another JDK is removed");
    }

    @Test
    void otherJvmOptionsMeanAnotherArchive() throws Exception {
        restarted();
        Path plain = matched(WRITE, karafOpts("karaf", "server", Map.of()));
        Path bigger = matched(WRITE, karafOpts("karaf", "server", Map.of("EXTRA_JAVA_OPTS", "-Xmx1g")));
        assertFalse(plain.equals(bigger));
    }

    @Test
    void aJvmWithAnAgentNeverWritesAnArchiveButMapsOne() throws Exception {
        restarted();
        Map<String, String> agent = Map.of("JAVA_TOOL_OPTIONS", "-javaagent:/opt/apm/agent.jar");
        assertFalse(karafOpts("karaf", "server", agent).contains("-XX:"), "the JVM would refuse to start");
        assertFalse(karafOpts("karaf", "debug", Map.of()).contains("-XX:"), "debug mode adds -agentlib:jdwp");
        assertFalse(karafOpts("karaf", "server", Map.of("KARAF_DEBUG", "true")).contains("-XX:"));
        assertFalse(karafOpts("karaf", "server", Map.of("EXTRA_JAVA_OPTS", "-agentpath:/opt/p.so")).contains("-XX:"));

        Path archive = matched(WRITE, karafOpts("karaf", "server", Map.of()));
        complete(archive);
        assertEquals(archive, matched(MAP, karafOpts("karaf", "server", agent)));
        assertEquals(archive, matched(MAP, karafOpts("karaf", "debug", Map.of())));
        assertTrue(Files.exists(archive));
    }

    @Test
    void otherScriptsAndOtherModesLeaveTheJvmAlone() throws Exception {
        restarted();
        Path archive = matched(WRITE, karafOpts("karaf", "server", Map.of()));
        Files.createDirectories(archive.getParent());
        Files.write(archive, new byte[8192]); // being written by the server right now
        for (String mode : List.of("status", "stop", "client", "clean")) {
            assertFalse(karafOpts("karaf", mode, Map.of()).contains("-XX:"), mode);
        }
        for (String script : List.of("start", "stop", "status", "client", "shell")) {
            assertFalse(karafOpts(script, "", Map.of()).contains("-XX:"), script);
        }
        assertTrue(Files.exists(archive), "no other script touches an archive the server is writing");
    }

    @Test
    void operatorsCanTurnItOffOrSetCdsThemselves() throws Exception {
        restarted();
        assertFalse(karafOpts("karaf", "server", Map.of("SUPERVISION_CDS", "off")).contains("-XX:"));
        assertEquals(" -Xshare:off", karafOpts("karaf", "server", Map.of("KARAF_OPTS", "-Xshare:off")).replace("KARAF_OPTS=", " "));
        assertFalse(karafOpts("karaf", "server", Map.of("EXTRA_JAVA_OPTS", "-XX:SharedArchiveFile=/srv/mine.jsa"))
                .contains("ArchiveClassesAtExit"));
    }

    private void restarted() throws IOException {
        Files.createDirectories(home.resolve("data/cache"));
    }

    /** A file with a dynamic archive's magic, as the JVM leaves it once it has written the header. */
    private static void complete(Path archive) throws IOException {
        Files.createDirectories(archive.getParent());
        Files.write(archive, new byte[] {(byte) 0xa8, (byte) 0xab, 0x0b, (byte) 0xf0, 0, 0, 0, 0}); // 0xf00baba8, little-endian
    }

    private static Path matched(Pattern option, String opts) {
        Matcher m = option.matcher(opts);
        assertTrue(m.find(), opts);
        return Path.of(m.group(1));
    }

    /** Sources bin/setenv as {@code script} would with {@code argument} and returns the KARAF_OPTS it leaves. */
    private String karafOpts(String script, String argument, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("sh", "-c",
                "PROGNAME=\"$0\"; DIRNAME=\"" + home.resolve("bin") + "\"; . \"$DIRNAME/setenv\"; printf 'KARAF_OPTS=%s' \"$KARAF_OPTS\"",
                script);
        if (!argument.isEmpty()) {
            pb.command().add(argument);
        }
        Map<String, String> environment = pb.environment();
        for (String inherited : new HashMap<>(environment).keySet()) {
            if (Stream.of("KARAF_", "JAVA_OPTS", "EXTRA_JAVA_OPTS", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS", "SUPERVISION_")
                    .anyMatch(inherited::startsWith)) {
                environment.remove(inherited);
            }
        }
        environment.putAll(env);
        Process p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        int at = out.lastIndexOf("KARAF_OPTS=");
        assertTrue(at >= 0, out);
        return out.substring(at);
    }
}
