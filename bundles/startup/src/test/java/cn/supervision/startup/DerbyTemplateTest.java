package cn.supervision.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkEvent;

/**
 * A new installation's embedded database copied from the build's template: only for the shipped driver and URL, only
 * where nothing exists, and whole or not at all.
 */
class DerbyTemplateTest {
    private static final String SHIPPED = "osgi.jdbc.driver.name = derby\nurl = jdbc:derby:${karaf.data}/derby/supervision;create=true\n"
            + "dataSourceName = supervision\npool = transx\nxa = true\n";

    @TempDir
    Path home;
    Path etc;
    Path data;
    Path cfg;
    Path template;

    @BeforeEach
    void installation() throws IOException {
        etc = Files.createDirectories(home.resolve("etc"));
        data = home.resolve("data");
        cfg = etc.resolve(DerbyTemplate.DATASOURCE_CFG);
        template = home.resolve(DerbyTemplate.TEMPLATE);
        Files.createDirectories(template.resolve("seg0"));
        Files.createDirectories(template.resolve("log"));
        Files.writeString(template.resolve("service.properties"), "derby.serviceProtocol=org.apache.derby.database.Database\n");
        Files.write(template.resolve("seg0/c10.dat"), new byte[8192]);
        Files.writeString(template.resolve("log/log.ctrl"), "ctrl");
    }

    private Optional<Path> target(String content) throws IOException {
        Files.writeString(cfg, content, StandardCharsets.ISO_8859_1);
        Map<String, String> karaf = Map.of("karaf.data", data.toString());
        return DerbyTemplate.target(cfg, karaf::get);
    }

    @Test
    void theShippedSettingsWithNoDatabaseYetGetTheTemplate() throws Exception {
        assertEquals(Optional.of(data.resolve("derby/supervision")), target(SHIPPED));
        assertEquals(Optional.of(data.resolve("derby/supervision")),
                target("# comments and spacing as an operator leaves them\n  url=jdbc:derby:${karaf.data}/derby/supervision;create=true  \n"
                        + "osgi.jdbc.driver.name=derby\n"));
    }

    @Test
    void anyOtherDatabaseIsLeftToItsSettings() throws Exception {
        assertEquals(Optional.empty(), target(SHIPPED.replace("derby/supervision", "derby/other")), "another path");
        assertEquals(Optional.empty(), target(SHIPPED.replace("= derby\n", "= derbyclient\n")
                .replace("jdbc:derby:${karaf.data}/derby/supervision", "jdbc:derby://localhost:1527/supervision")), "network server");
        assertEquals(Optional.empty(), target("osgi.jdbc.driver.name = PostgreSQL JDBC Driver\n"
                + "url = jdbc:postgresql://localhost:5432/supervision\n"), "PostgreSQL");
        assertEquals(Optional.empty(), target(SHIPPED + "url = jdbc:postgresql://localhost:5432/supervision\n"),
                "the last of two url lines is the one pax-jdbc-config takes");
        assertEquals(Optional.empty(), target(SHIPPED.replace(";create=true", "")), "no create: Derby refuses a missing database");
        assertEquals(Optional.empty(), target(SHIPPED + "user = office\npassword = secret\n"), "another schema than the template's");
        // File Install rewriting the file while it is read: empty, or cut short in the URL
        assertEquals(Optional.empty(), target(""));
        assertEquals(Optional.empty(), target(SHIPPED.substring(0, SHIPPED.indexOf("/derby/supervision"))));
        Files.delete(cfg);
        assertEquals(Optional.empty(), DerbyTemplate.target(cfg, Map.of("karaf.data", data.toString())::get), "no file");
    }

    @Test
    void anExistingDatabaseOrAnythingInItsPlaceIsNeverReplaced() throws Exception {
        Path database = Files.createDirectories(data.resolve("derby/supervision"));
        assertEquals(Optional.empty(), target(SHIPPED), "a database of its own");
        Files.delete(database);
        Files.createSymbolicLink(database, home.resolve("elsewhere-not-mounted"));
        assertEquals(Optional.empty(), target(SHIPPED), "a link to a volume not there yet");
        Files.delete(database);

        Files.createDirectories(database);
        Files.writeString(database.resolve("service.properties"), "mine");
        assertThrows(IOException.class, () -> DerbyTemplate.copy(template, database), "appeared after the check");
        assertEquals("mine", Files.readString(database.resolve("service.properties")));
        assertEquals(List.of("supervision"), names(data.resolve("derby")), "no copy left beside it");
    }

    @Test
    void theCopyIsWholeAndReplacesWhatAnInterruptedOneLeft() throws Exception {
        Path database = data.resolve("derby/supervision");
        Path interrupted = Files.createDirectories(data.resolve("derby/supervision.template-123/seg0"));
        Files.write(interrupted.resolve("c10.dat"), new byte[10]);

        assertTrue(DerbyTemplate.copy(template, database));

        assertEquals(tree(template), tree(database));
        assertEquals(List.of("supervision"), names(data.resolve("derby")), "the interrupted copy is gone");
    }

    @Test
    void aCopyThatFailsLeavesNothing() throws Exception {
        Files.createSymbolicLink(template.resolve("seg0/c20.dat"), home.resolve("gone")); // unreadable halfway through
        Path database = data.resolve("derby/supervision");
        assertThrows(IOException.class, () -> DerbyTemplate.copy(template, database));
        assertEquals(List.of(), names(data.resolve("derby")), "neither the database nor a partial copy");
    }

    @Test
    void withoutATemplateNothingIsMade() throws Exception {
        Path database = data.resolve("derby/supervision");
        assertFalse(DerbyTemplate.copy(home.resolve("lib/no-template"), database));
        assertFalse(Files.exists(data), "not even the data directory: Derby makes it");
    }

    @Test
    void theActivatorCopiesAtAFirstStartAndReportsOnceLoggingIsSetUp() throws Exception {
        Files.writeString(cfg, SHIPPED, StandardCharsets.ISO_8859_1);
        KarafEtcContext climbing = new KarafEtcContext(etc, 14).with("karaf.home", home.toString()).with("karaf.data", data.toString());
        Activator activator = new Activator();
        activator.start(climbing.context());
        assertEquals(tree(template), tree(data.resolve("derby/supervision")));
        assertEquals(1, climbing.listeners.size(), "the report waits for the start level");
        climbing.fire(FrameworkEvent.STARTLEVEL_CHANGED);
        assertEquals(List.of(), climbing.listeners);

        Files.writeString(data.resolve("derby/supervision/service.properties"), "written since");
        KarafEtcContext restart = new KarafEtcContext(etc, 14).with("karaf.home", home.toString()).with("karaf.data", data.toString());
        new Activator().start(restart.context());
        assertEquals("written since", Files.readString(data.resolve("derby/supervision/service.properties")), "a restart copies nothing");
        assertEquals(List.of(), restart.listeners, "and has nothing to report");
    }

    /** relative path → content of every file under {@code root}. */
    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path f : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(f)) {
                    files.put(root.relativize(f).toString(), new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
                }
            }
        }
        return files;
    }

    private static List<String> names(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.forEach(p -> names.add(p.getFileName().toString()));
        }
        names.sort(null);
        return names;
    }
}
