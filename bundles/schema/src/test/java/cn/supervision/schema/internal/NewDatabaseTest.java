package cn.supervision.schema.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database the build ships for new installations ({@link NewDatabase}): made from the jars' headers as a first start
 * makes it from installed bundles, every changelog recorded so that the first start of a copy only checks digests, and
 * nothing a county's data bundle names. On-disk Derby, closed as Derby must be for a copy.
 */
class NewDatabaseTest {
    @TempDir
    Path dir;

    @Test
    void theShippedChangelogsAreAppliedAndRecordedSoThatACopyOnlyChecksThem() throws Exception {
        Map<String, Path> platform = InstalledChangelogsTest.platformChangelogs();
        Path jars = Files.createDirectories(dir.resolve("system/cn/supervision"));
        for (Map.Entry<String, Path> changelog : platform.entrySet()) {
            String name = InstalledChangelogs.name(changelog.getKey());
            jar(jars.resolve(name + "/" + name + ".jar"), Map.of(ShippedChangelogs.HEADER, changelog.getKey()),
                    Map.of(changelog.getKey(), Files.readString(changelog.getValue())));
        }
        // a county's data bundle naming a file of its own as a changelog, and a jar without a manifest: nothing of either
        jar(jars.resolve("county/county.jar"),
                Map.of(ShippedChangelogs.HEADER, "db/changelog/county.xml", ShippedChangelogs.JURISDICTION, "370522"),
                Map.of("db/changelog/county.xml", changelog("county-1", "T_COUNTY")));
        jar(jars.resolve("plain/plain.jar"), null, Map.of("db/changelog/plain.xml", changelog("plain-1", "T_PLAIN")));
        Path database = dir.resolve("template/supervision");

        NewDatabase.main(new String[] {database.toString(), dir.resolve("system").toString()});

        assertTrue(Files.isRegularFile(database.resolve("service.properties")));
        assertFalse(Files.exists(database.resolve("db.lck")), "shut down: a copy opens without recovery");
        // the copy an installation gets, opened elsewhere as the platform opens its own
        Path copy = dir.resolve("data/derby/supervision");
        copyTree(database, copy);
        String url = "jdbc:derby:" + copy;
        try {
            assertEquals(platform.size() + 1, count(url, "SELECT COUNT(*) FROM SV_SCHEMA_DIGEST"), "every changelog recorded");
            assertEquals(0, count(url, "SELECT COUNT(*) FROM SYS.SYSTABLES WHERE TABLENAME IN ('T_COUNTY', 'T_PLAIN')"));
            int rows = count(url, "SELECT COUNT(*) FROM DATABASECHANGELOG");
            assertTrue(rows >= 90, "the platform's changesets: " + rows);
            Migrator migrator = new Migrator(() -> DriverManager.getConnection(url));
            for (Map.Entry<String, Path> changelog : platform.entrySet()) {
                assertEquals(Migrator.Outcome.UP_TO_DATE, migrator.apply(bundle(changelog.getValue()), changelog.getKey()),
                        changelog::getKey);
            }
            assertEquals(rows, count(url, "SELECT COUNT(*) FROM DATABASECHANGELOG"), "nothing applied at a first start");
        } finally {
            shutDown(url);
        }
    }

    @Test
    void anExistingDirectoryIsNeverTouched() throws Exception {
        Path database = Files.createDirectories(dir.resolve("supervision"));
        Files.writeString(database.resolve("kept"), "x");
        assertThrows(IllegalStateException.class, () -> NewDatabase.main(new String[] {database.toString(), dir.toString()}));
        assertEquals(List.of(database.resolve("kept")), Files.list(database).toList());
    }

    @Test
    void aFailingChangelogFailsTheBuildWithItsReason() throws Exception {
        Path jars = Files.createDirectories(dir.resolve("system"));
        jar(jars.resolve("bad.jar"), Map.of(ShippedChangelogs.HEADER, "db/changelog/bad.xml"),
                Map.of("db/changelog/bad.xml", changelog("bad-1", "T_BAD").replace("</createTable>",
                        "</createTable><sql>THIS IS NOT SQL</sql>")));
        Path database = dir.resolve("supervision");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> NewDatabase.main(new String[] {database.toString(), jars.toString()}));
        assertTrue(String.valueOf(e.getMessage()).contains("bad"), e::getMessage);
        assertFalse(Files.exists(database.resolve("db.lck")), "closed even so");
    }

    @Test
    void whatAFirstStartWouldApplyAfterAllFailsTheBuild() throws Exception {
        Path none = Files.createDirectories(dir.resolve("none"));
        assertTrue(message(none).contains("没有找到"), "no changelog at all");

        Path twice = Files.createDirectories(dir.resolve("twice"));
        for (String bundle : List.of("a", "b")) {
            jar(twice.resolve(bundle + ".jar"), Map.of(ShippedChangelogs.HEADER, "db/changelog/twin.xml"),
                    Map.of("db/changelog/twin.xml", changelog("twin-" + bundle, "T_TWIN_" + bundle.toUpperCase())));
        }
        assertTrue(message(twice).contains("db/changelog/twin.xml"), "a path two bundles ship");

        Path always = Files.createDirectories(dir.resolve("always"));
        jar(always.resolve("always.jar"), Map.of(ShippedChangelogs.HEADER, "db/changelog/always.xml"),
                Map.of("db/changelog/always.xml", changelog("always-1", "T_ALWAYS").replace("id=\"always-1\"",
                        "id=\"always-1\" runAlways=\"true\"")));
        assertTrue(message(always).contains("db/changelog/always.xml"), "one no digest may stand for");
    }

    private String message(Path jars) {
        Path database = dir.resolve("db-" + jars.getFileName());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> NewDatabase.main(new String[] {database.toString(), jars.toString()}));
        return String.valueOf(e.getMessage());
    }

    private static String changelog(String id, String table) {
        return "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog"
                + " http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.33.xsd\">"
                + "<changeSet author=\"test\" id=\"" + id + "\"><createTable tableName=\"" + table + "\">"
                + "<column name=\"ID\" type=\"BIGINT\"/></createTable></changeSet></databaseChangeLog>";
    }

    private static void jar(Path file, Map<String, String> headers, Map<String, String> entries) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file);
             JarOutputStream jar = headers == null ? new JarOutputStream(out) : new JarOutputStream(out, manifest(headers))) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(entry.getKey()));
                jar.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
    }

    private static Manifest manifest(Map<String, String> headers) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach((name, value) -> manifest.getMainAttributes().putValue(name, value));
        return manifest;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    /** A bundle's class loader: the resources directory that ships {@code changelog} (…/db/changelog/x.xml). */
    private static ClassLoader bundle(Path changelog) throws IOException {
        return new URLClassLoader(new URL[] {changelog.getParent().getParent().getParent().toUri().toURL()}, null);
    }

    private static int count(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }

    private static void shutDown(String url) {
        try {
            DriverManager.getConnection(url + ";shutdown=true").close();
        } catch (SQLException expected) {
            // 08006: closed
        }
    }
}
