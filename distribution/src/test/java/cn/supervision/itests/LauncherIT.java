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
    Path temp;
    Path home;

    @BeforeEach
    void home() throws IOException {
        home = install(temp.resolve("home"));
    }

    private static Path install(Path home) throws IOException {
        Files.createDirectories(home.resolve("bin"));
        Files.copy(Path.of("target/assembly/bin/setenv"), home.resolve("bin/setenv"));
        for (String lib : List.of("lib/boot", "lib/jdk9plus", "lib/endorsed")) {
            Files.createDirectories(home.resolve(lib));
            Files.writeString(home.resolve(lib).resolve("x.jar"), "jar");
        }
        return home;
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
    void aStartWhileThePreviousJvmStillRunsLeavesItsArchiveAlone() throws Exception {
        restarted();
        Path archive = matched(WRITE, karafOpts("karaf", "server", Map.of()));
        cutShort(archive); // the JVM that bin/stop asked to exit is still writing it
        Files.writeString(home.resolve("karaf.pid"), String.valueOf(ProcessHandle.current().pid()));
        assertFalse(karafOpts("karaf", "server", Map.of()).contains("-XX:"));
        assertTrue(Files.exists(archive), "an archive being written is not deleted by a start that came too early");

        Files.writeString(home.resolve("karaf.pid"), String.valueOf(deadPid()));
        assertEquals(archive, matched(WRITE, karafOpts("karaf", "server", Map.of())), "that JVM has gone: replaced");
    }

    @Test
    void argumentsAfterTheModeCount() throws Exception {
        restarted();
        assertFalse(karafOpts("karaf", "server debug", Map.of()).contains("-XX:"), "bin/start debug: -agentlib:jdwp");
        assertFalse(karafOpts("karaf", "server clean", Map.of()).contains("-XX:"), "clean deletes data/ before the JVM would write");
        assertFalse(karafOpts("karaf", "server", Map.of("JAVA_NON_DEBUG_OPTS", "-javaagent:/opt/apm.jar")).contains("-XX:"));
        Path archive = matched(WRITE, karafOpts("karaf", "server", Map.of()));
        complete(archive);
        assertEquals(archive, matched(MAP, karafOpts("karaf", "server debug", Map.of())));
    }

    @Test
    void aDataDirectoryKarafOptsCannotCarryGoesWithoutCds() throws Exception {
        Path spaced = install(temp.resolve("supervision home"));
        Files.createDirectories(spaced.resolve("data/cache"));
        assertFalse(karafOpts(spaced, "karaf", "server", Map.of()).contains("-XX:"),
                "bin/karaf expands KARAF_OPTS unquoted: a blank would split the option");
    }

    @Test
    void theArchiveIsKeptUnderKarafBase() throws Exception {
        Path base = temp.resolve("base");
        Files.createDirectories(base.resolve("data/cache"));
        Path archive = matched(WRITE, karafOpts("karaf", "server", Map.of("KARAF_BASE", base.toString())));
        assertEquals(base.resolve("data/cds"), archive.getParent());
    }

    @Test
    void anArchiveCutShortIsReplacedAndOlderOnesGo() throws Exception {
        restarted();
        Path archive = matched(WRITE, karafOpts("karaf", "server", Map.of()));
        cutShort(archive); // a stop killed while the JVM wrote
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
        cutShort(archive); // being written by the server right now
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

    /** A process id no process has: that of a process that has exited. */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    private void restarted() throws IOException {
        Files.createDirectories(home.resolve("data/cache"));
    }

    /** A file with a dynamic archive's magic, as the JVM leaves it once it has written the header. */
    private static void complete(Path archive) throws IOException {
        Files.createDirectories(archive.getParent());
        Files.write(archive, new byte[] {(byte) 0xa8, (byte) 0xab, 0x0b, (byte) 0xf0, 0, 0, 0, 0}); // 0xf00baba8, little-endian
    }

    /** An archive the JVM is writing, or was killed writing: the header, written last, is still zeros. */
    private static void cutShort(Path archive) throws IOException {
        Files.createDirectories(archive.getParent());
        Files.write(archive, new byte[8192]);
    }

    private static Path matched(Pattern option, String opts) {
        Matcher m = option.matcher(opts);
        assertTrue(m.find(), opts);
        return Path.of(m.group(1));
    }

    private String karafOpts(String script, String arguments, Map<String, String> env) throws Exception {
        return karafOpts(home, script, arguments, env);
    }

    /**
     * Sources bin/setenv as {@code script} would, with {@code arguments} (blank-separated) as the script's, and returns
     * the KARAF_OPTS it leaves.
     */
    private static String karafOpts(Path home, String script, String arguments, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("sh", "-c",
                "PROGNAME=\"$0\"; DIRNAME=\"$SETENV_DIR\"; . \"$DIRNAME/setenv\"; printf 'KARAF_OPTS=%s' \"$KARAF_OPTS\"",
                script);
        if (!arguments.isBlank()) {
            pb.command().addAll(List.of(arguments.trim().split(" +")));
        }
        Map<String, String> environment = pb.environment();
        for (String inherited : new HashMap<>(environment).keySet()) {
            if (inherited.equals("JAVA") || inherited.equals("CLASSPATH") || Stream.of("KARAF_", "JAVA_OPTS", "EXTRA_JAVA_OPTS",
                    "JAVA_NON_DEBUG_OPTS", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS", "SUPERVISION_").anyMatch(inherited::startsWith)) {
                environment.remove(inherited);
            }
        }
        environment.putAll(env);
        environment.put("SETENV_DIR", home.resolve("bin").toString());
        Process p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        int at = out.lastIndexOf("KARAF_OPTS=");
        assertTrue(at >= 0, out);
        return out.substring(at);
    }
}
