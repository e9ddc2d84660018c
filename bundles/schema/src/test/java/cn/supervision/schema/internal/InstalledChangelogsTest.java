package cn.supervision.schema.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The first start's head start ({@link InstalledChangelogs}): the changelogs of every platform bundle (read from the
 * sibling modules' sources) applied in one Liquibase update leave the database and its history exactly as applying
 * them one bundle at a time does, after which each bundle's own migration is a digest check. On in-memory Derby, or
 * with {@code -P postgresql} on the server test-support's TestDatabase names.
 */
class InstalledChangelogsTest {
    private final FreshDatabase together = FreshDatabase.create();
    private final FreshDatabase oneByOne = FreshDatabase.create();

    @AfterEach
    void drop() {
        together.close();
        oneByOne.close();
    }

    @Test
    void thePlatformsChangelogsAppliedTogetherLeaveWhatOneAtATimeLeaves() throws Exception {
        Map<String, Path> shipped = platformChangelogs();
        assertTrue(shipped.size() >= 19, () -> "the domain bundles' changelogs: " + shipped.keySet());

        Migrator first = new Migrator(together.dataSource());
        new OwnTables(first).ensure();
        InstalledChangelogs installed = new InstalledChangelogs(first, () -> entries(shipped));
        installed.ensure();

        Migrator second = new Migrator(oneByOne.dataSource());
        new OwnTables(second).ensure();
        for (Map.Entry<String, Path> changelog : shipped.entrySet()) {
            assertEquals(Migrator.Outcome.APPLIED, second.apply(bundle(changelog.getValue()), changelog.getKey()));
        }

        assertEquals(history(oneByOne), history(together));
        assertEquals(structure(oneByOne), structure(together));
        int rows = count(together, "SELECT COUNT(*) FROM DATABASECHANGELOG");
        for (Map.Entry<String, Path> changelog : shipped.entrySet()) {
            assertTrue(installed.appliedTogether(changelog.getKey()), changelog::getKey);
            assertEquals(Migrator.Outcome.UP_TO_DATE, first.apply(bundle(changelog.getValue()), changelog.getKey()),
                    changelog::getKey);
        }
        assertEquals(rows, count(together, "SELECT COUNT(*) FROM DATABASECHANGELOG"), "nothing applied twice");
        assertEquals(shipped.size() + 1, count(together, "SELECT COUNT(*) FROM SV_SCHEMA_DIGEST"), "each recorded");
    }

    @Test
    void upToDateChangelogsAreOnlyChecked() throws Exception {
        Map<String, Path> shipped = platformChangelogs();
        Migrator migrator = new Migrator(together.dataSource());
        new OwnTables(migrator).ensure();
        new InstalledChangelogs(migrator, () -> entries(shipped)).ensure();
        int rows = count(together, "SELECT COUNT(*) FROM DATABASECHANGELOG");

        assertEquals(List.of(), new Migrator(together.dataSource()).applyTogether(new ShippedEntries(entries(shipped)),
                List.copyOf(shipped.keySet())), "nothing to apply on a restart");
        assertEquals(rows, count(together, "SELECT COUNT(*) FROM DATABASECHANGELOG"));
    }

    @Test
    void aChangelogThatFailsTogetherFailsAgainInItsOwnBundleWhileTheOthersStart() throws Exception {
        Map<String, Path> shipped = new TreeMap<>(platformChangelogs());
        Path sample = resources("v1").resolve("db/changelog/sample.xml");
        shipped.put("db/changelog/sample.xml", sample); // sorts among them: the update stops there, half done
        Migrator migrator = new Migrator(together.dataSource());
        new OwnTables(migrator).ensure();
        try (Connection c = together.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE T_TWO (X INT)"); // in the way of changeset sample-2
        }
        InstalledChangelogs installed = new InstalledChangelogs(migrator, () -> entries(shipped));
        installed.ensure(); // logged, not thrown: the bundles report their own failures
        assertFalse(installed.appliedTogether("db/changelog/registry.xml"));
        assertTrue(count(together, "SELECT COUNT(*) FROM DATABASECHANGELOG WHERE FILENAME = 'db/changelog/registry.xml'") > 0,
                "the update stopped half way: registry's changesets (before sample's) ran");
        assertEquals(1, count(together, "SELECT COUNT(*) FROM SV_SCHEMA_DIGEST"), "no digest but the platform's own");

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> migrator.apply(bundle(sample), "db/changelog/sample.xml"));
        assertTrue(String.valueOf(e.getMessage()).contains("sample-2") || String.valueOf(e.getMessage()).contains("T_TWO"),
                e::getMessage);
        for (Map.Entry<String, Path> changelog : platformChangelogs().entrySet()) {
            Migrator.Outcome outcome = migrator.apply(bundle(changelog.getValue()), changelog.getKey());
            assertTrue(outcome == Migrator.Outcome.APPLIED || outcome == Migrator.Outcome.UP_TO_DATE, changelog::getKey);
        }
        assertEquals(platformOnly(), historyWithout(together, "db/changelog/sample.xml"));
    }

    @Test
    void onlyPlatformBundlesThatMigrateNameChangelogs() throws Exception {
        URL registry = new URL("file:/registry.xml");
        URL task = new URL("file:/task.xml");
        FakeBundle notWired = new FakeBundle(7, "not-wired").header(InstalledChangelogs.HEADER, "db/changelog/n.xml")
                .entry("db/changelog/n.xml", task);
        Map<String, URL> found = InstalledChangelogs.shippedBy(b -> b != notWired,
                new FakeBundle(1, "registry").state(Bundle.RESOLVED)
                        .header(InstalledChangelogs.HEADER, "db/changelog/registry.xml").entry("db/changelog/registry.xml", registry),
                new FakeBundle(2, "task").state(Bundle.ACTIVE)
                        .header(InstalledChangelogs.HEADER, " db/changelog/task.xml ,db/changelog/missing.xml")
                        .entry("db/changelog/task.xml", task),
                new FakeBundle(3, "unresolved").state(Bundle.INSTALLED)
                        .header(InstalledChangelogs.HEADER, "db/changelog/unresolved.xml").entry("db/changelog/unresolved.xml", task),
                new FakeBundle(4, "no-header").entry("db/changelog/x.xml", task),
                new FakeBundle(5, "twin-a").header(InstalledChangelogs.HEADER, "db/changelog/twin.xml").entry("db/changelog/twin.xml", task),
                new FakeBundle(6, "twin-b").header(InstalledChangelogs.HEADER, "db/changelog/twin.xml").entry("db/changelog/twin.xml", registry),
                notWired,
                // a county's data bundle naming a file of its own as a changelog: never run
                new FakeBundle(8, "county").header(InstalledChangelogs.JURISDICTION, "370522")
                        .header(InstalledChangelogs.HEADER, "db/changelog/county.xml").entry("db/changelog/county.xml", task),
                new FakeBundle(9, "elsewhere").header(InstalledChangelogs.HEADER, "META-INF/maven/a/b/pom.xml,db/changelog/../x.xml")
                        .entry("META-INF/maven/a/b/pom.xml", task).entry("db/changelog/../x.xml", task));
        assertEquals(Map.of("db/changelog/registry.xml", registry, "db/changelog/task.xml", task), found);
    }

    @Test
    void aPropertyMeansTheSameInEveryChangelog() throws Exception {
        // properties are global in one update (the first matching definition wins): the same name must have the same
        // definitions, in the same order, wherever it is defined
        Map<String, List<String>> definitions = new TreeMap<>();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        for (Path changelog : platformChangelogs().values()) {
            Map<String, List<String>> own = new TreeMap<>();
            NodeList properties = factory.newDocumentBuilder().parse(changelog.toFile()).getDocumentElement()
                    .getElementsByTagNameNS("*", "property");
            for (int i = 0; i < properties.getLength(); i++) {
                Element property = (Element) properties.item(i);
                for (int a = 0; a < property.getAttributes().getLength(); a++) {
                    String attribute = property.getAttributes().item(a).getNodeName();
                    assertTrue(Set.of("name", "value", "dbms").contains(attribute), () -> attribute + " in " + changelog);
                }
                own.computeIfAbsent(property.getAttribute("name"), k -> new ArrayList<>())
                        .add(property.getAttribute("value") + "@" + property.getAttribute("dbms"));
            }
            own.forEach((name, values) -> {
                List<String> before = definitions.putIfAbsent(name, values);
                assertEquals(before == null ? values : before, values, () -> name + " in " + changelog);
            });
        }
        assertTrue(definitions.containsKey("blob") && definitions.containsKey("boolean"), definitions::toString);
    }

    /** path → file of every domain bundle's changelog in this source tree. */
    static Map<String, Path> platformChangelogs() throws IOException {
        Map<String, Path> changelogs = new TreeMap<>();
        try (Stream<Path> modules = Files.list(Path.of("..").toAbsolutePath().normalize())) {
            for (Path module : (Iterable<Path>) modules::iterator) {
                Path dir = module.resolve("src/main/resources/db/changelog");
                if (!Files.isDirectory(dir) || module.getFileName().toString().equals("schema")) {
                    continue;
                }
                try (Stream<Path> files = Files.list(dir)) {
                    files.filter(f -> f.toString().endsWith(".xml"))
                            .forEach(f -> changelogs.put("db/changelog/" + f.getFileName(), f));
                }
            }
        }
        return changelogs;
    }

    /** The history the platform's changelogs leave when each bundle applies its own on a fresh database. */
    private Set<String> platformOnly() throws Exception {
        Migrator migrator = new Migrator(oneByOne.dataSource());
        new OwnTables(migrator).ensure();
        for (Map.Entry<String, Path> changelog : platformChangelogs().entrySet()) {
            migrator.apply(bundle(changelog.getValue()), changelog.getKey());
        }
        return history(oneByOne);
    }

    private static Map<String, URL> entries(Map<String, Path> changelogs) {
        Map<String, URL> entries = new TreeMap<>();
        changelogs.forEach((path, file) -> {
            try {
                entries.put(path, file.toUri().toURL());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        return entries;
    }

    /** A bundle's class loader: the resources directory that ships {@code changelog} (…/db/changelog/x.xml). */
    private static ClassLoader bundle(Path changelog) throws IOException {
        return new URLClassLoader(new URL[] {changelog.getParent().getParent().getParent().toUri().toURL()}, null);
    }

    private static Path resources(String version) throws Exception {
        return Path.of(InstalledChangelogsTest.class.getResource("/" + version).toURI());
    }

    /** file, id, author, checksum and kind of every DATABASECHANGELOG row. */
    private static Set<String> history(FreshDatabase db) throws SQLException {
        return historyWithout(db, "");
    }

    private static Set<String> historyWithout(FreshDatabase db, String file) throws SQLException {
        Set<String> rows = new TreeSet<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT FILENAME, ID, AUTHOR, MD5SUM, EXECTYPE FROM DATABASECHANGELOG")) {
            while (r.next()) {
                if (!r.getString(1).equals(file)) {
                    rows.add(r.getString(1) + " " + r.getString(2) + " " + r.getString(3) + " " + r.getString(4) + " " + r.getString(5));
                }
            }
        }
        return rows;
    }

    /** Every table's columns (type, size, nullability) and indexes. */
    private static List<String> structure(FreshDatabase db) throws SQLException {
        List<String> structure = new ArrayList<>();
        try (Connection c = db.connect()) {
            DatabaseMetaData meta = c.getMetaData();
            Set<String> tables = new TreeSet<>();
            try (ResultSet r = meta.getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
                while (r.next()) {
                    tables.add(r.getString("TABLE_NAME"));
                }
            }
            for (String table : tables) {
                try (ResultSet r = meta.getColumns(null, c.getSchema(), table, "%")) {
                    while (r.next()) {
                        structure.add(table + "." + r.getString("COLUMN_NAME") + " " + r.getString("TYPE_NAME")
                                + "(" + r.getInt("COLUMN_SIZE") + ") " + r.getString("IS_NULLABLE"));
                    }
                }
                Set<String> indexes = new TreeSet<>();
                try (ResultSet r = meta.getIndexInfo(null, c.getSchema(), table, false, false)) {
                    while (r.next()) {
                        String name = r.getString("INDEX_NAME");
                        if (name != null && !name.startsWith("SQL")) { // Derby's generated names differ per database
                            indexes.add(table + " index " + name + " " + r.getString("COLUMN_NAME"));
                        }
                    }
                }
                structure.addAll(indexes);
            }
        }
        assertFalse(structure.isEmpty());
        return structure;
    }

    private static int count(FreshDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }
}
