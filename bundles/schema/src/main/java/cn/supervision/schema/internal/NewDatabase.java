package cn.supervision.schema.internal;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.supervision.schema.Changelogs;

/**
 * The embedded database a new installation starts from, made by the build (distribution, prepare-package) out of the
 * bundles the distribution ships, and copied into place at a first start by the startup bundle supervision-startup:
 * a fresh database spent ~2.5 s of a first start on Liquibase (Derby creating its catalogs, then a file and a history
 * row per table and index, 95 changesets), all of it the same for every installation. Made by the code a first start
 * runs: the platform's own changelog, then every shipped changelog in one update ({@link Migrator#applyTogether}, the
 * jars' headers read by {@link ShippedChangelogs} as installed bundles' are, though every jar counts here, not only
 * resolved ones), the digests recorded, so that the first start of the copy finds each changelog up to date after one
 * SELECT. The history rows carry the build's time. Anything that would make a first start apply a changelog after all
 * fails the build instead: no changelog found, a path two jars ship, one no digest may stand for, a digest not recorded.
 * <p>
 * Usage: {@code NewDatabase <database directory> <directory with the bundle jars>...}; the database directory must not
 * exist yet.
 */
public final class NewDatabase {
    /** Liquibase logs each changeset at INFO through java.util.logging: kept here, or the level would be collected. */
    private static final java.util.logging.Logger LIQUIBASE = java.util.logging.Logger.getLogger("liquibase");

    private NewDatabase() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: NewDatabase <database directory> <directory with the bundle jars>...");
        }
        Path database = Path.of(args[0]).toAbsolutePath();
        if (Files.exists(database)) {
            throw new IllegalStateException(database + " exists: the new database is made from nothing");
        }
        List<Path> jars = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            jars.addAll(jarsUnder(Path.of(args[i])));
        }
        Map<String, URL> shipped = shippedBy(jars);
        LIQUIBASE.setLevel(Level.WARNING);
        String url = "jdbc:derby:" + database;
        List<String> applied;
        try {
            // the territory named rather than the build machine's (it only matters to territory-based collation)
            applied = create(() -> DriverManager.getConnection(url + ";create=true;territory=en_US"), shipped);
        } catch (RuntimeException | SQLException e) {
            try {
                shutDown(url);
            } catch (SQLException notOpen) {
                e.addSuppressed(notOpen);
            }
            throw e;
        }
        shutDown(url);
        System.out.println("新安装的嵌入式数据库 " + database + "：" + applied.size() + " 个变更日志（"
                + applied.stream().map(InstalledChangelogs::name).collect(Collectors.joining("、")) + "）");
    }

    /**
     * Applies the platform's own changelog and {@code shipped} to the database of {@code connections}, as a first start
     * does; the changelogs applied and recorded by their digest.
     */
    static List<String> create(Migrator.Connections connections, Map<String, URL> shipped) throws SQLException {
        Map<String, URL> entries = new TreeMap<>(shipped);
        entries.remove(Changelogs.OWN);
        if (entries.isEmpty()) {
            throw new IllegalStateException("没有找到任何模块的数据库变更日志（" + ShippedChangelogs.HEADER + "）");
        }
        Migrator migrator = new Migrator(connections);
        migrator.apply(NewDatabase.class.getClassLoader(), Changelogs.OWN);
        ShippedEntries resources = new ShippedEntries(entries);
        List<String> applied = migrator.applyTogether(resources, List.copyOf(entries.keySet()));
        List<String> notRecorded = new ArrayList<>();
        try (Connection c = connections.open()) {
            if (!Digests.upToDate(c, Changelogs.OWN, Digests.shipped(NewDatabase.class.getClassLoader(), Changelogs.OWN))) {
                notRecorded.add(Changelogs.OWN);
            }
            for (String changelog : entries.keySet()) {
                String digest = Digests.shipped(resources, changelog);
                if (digest == null || !Digests.upToDate(c, changelog, digest)) {
                    notRecorded.add(changelog); // runAlways, includes, or the record failed: a first start would apply it
                }
            }
        }
        if (!notRecorded.isEmpty()) {
            throw new IllegalStateException("新安装的数据库未按摘要记录这些变更日志，首次启动会再执行：" + notRecorded);
        }
        return applied;
    }

    /** path → entry of the changelogs {@code jars} ship, read from their manifests as installed bundles' are. */
    static Map<String, URL> shippedBy(List<Path> jars) throws IOException {
        ShippedChangelogs shipped = new ShippedChangelogs();
        Map<String, URL> entries = read(jars, shipped);
        if (!shipped.shippedTwice().isEmpty()) {
            // at start each of those bundles would apply it alone, under the same path
            throw new IllegalStateException("这些数据库变更日志有两个模块提供：" + shipped.shippedTwice());
        }
        return entries;
    }

    private static Map<String, URL> read(List<Path> jars, ShippedChangelogs shipped) throws IOException {
        for (Path jar : jars) {
            try (JarFile file = new JarFile(jar.toFile())) {
                Manifest manifest = file.getManifest();
                if (manifest == null) {
                    continue;
                }
                Attributes headers = manifest.getMainAttributes();
                Set<String> entries = file.stream().map(JarEntry::getName).collect(Collectors.toSet());
                shipped.add(headers::getValue, path -> entries.contains(path) ? entry(jar, path) : null);
            }
        }
        return shipped.entries();
    }

    private static URL entry(Path jar, String path) {
        try {
            return new URL("jar:" + jar.toUri() + "!/" + path);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> jarsUnder(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f)).sorted()
                    .collect(Collectors.toList());
        }
    }

    /** Closes the database as Derby must be for a copy to open without recovery: checkpointed, lock files gone. */
    private static void shutDown(String url) throws SQLException {
        try (Connection ignored = DriverManager.getConnection(url + ";shutdown=true")) {
            throw new IllegalStateException("Derby did not shut " + url + " down");
        } catch (SQLException e) {
            if (!"08006".equals(e.getSQLState())) {
                throw e;
            }
        }
    }
}
