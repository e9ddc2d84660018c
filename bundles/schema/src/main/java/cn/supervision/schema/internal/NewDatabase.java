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
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.supervision.schema.Changelogs;

/**
 * The embedded database a new installation starts from, made by the build (distribution, prepare-package) out of the
 * bundles the distribution ships, and copied into place at a first start by the startup bundle supervision-derby-template:
 * a fresh database spent ~2.5 s of a first start on Liquibase (Derby creating its catalogs, then a file and a history
 * row per table and index, 95 changesets), all of it the same for every installation. Made exactly as a first start
 * makes it: the platform's own changelog, then every shipped changelog in one update ({@link Migrator#applyTogether},
 * the jars' headers read as {@link InstalledChangelogs} reads installed bundles'), the digests recorded, so that the
 * first start of the copy finds each changelog up to date after one SELECT.
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
            applied = create(() -> DriverManager.getConnection(url + ";create=true"), shipped);
        } catch (RuntimeException e) {
            try {
                shutDown(url);
            } catch (SQLException notOpen) {
                e.addSuppressed(notOpen);
            }
            throw e;
        }
        shutDown(url);
        List<String> missing = new ArrayList<>(shipped.keySet());
        missing.removeAll(applied);
        missing.remove(Changelogs.OWN); // applied first, on its own
        System.out.println("新安装的嵌入式数据库 " + database + "：" + applied.size() + " 个变更日志（"
                + applied.stream().map(InstalledChangelogs::name).collect(Collectors.joining("、")) + "）");
        if (!missing.isEmpty()) {
            // a changelog no digest may stand for (runAlways, includes) is applied at every first start instead
            System.out.println("未收入（首次启动时由其模块执行）：" + missing);
        }
    }

    /**
     * Applies the platform's own changelog and {@code shipped} to the database of {@code connections}, as a first start
     * does; the changelogs applied and recorded by their digest.
     */
    static List<String> create(Migrator.Connections connections, Map<String, URL> shipped) {
        Migrator migrator = new Migrator(connections);
        migrator.apply(NewDatabase.class.getClassLoader(), Changelogs.OWN);
        Map<String, URL> entries = new TreeMap<>(shipped);
        entries.remove(Changelogs.OWN);
        return entries.isEmpty() ? List.of()
                : migrator.applyTogether(new ShippedEntries(entries), List.copyOf(entries.keySet()));
    }

    /** path → entry of the changelogs {@code jars} ship, read from their manifests as installed bundles' are. */
    static Map<String, URL> shippedBy(List<Path> jars) throws IOException {
        ShippedChangelogs shipped = new ShippedChangelogs();
        for (Path jar : jars) {
            try (JarFile file = new JarFile(jar.toFile())) {
                Manifest manifest = file.getManifest();
                if (manifest == null) {
                    continue;
                }
                Attributes headers = manifest.getMainAttributes();
                List<String> entries = file.stream().map(e -> e.getName()).collect(Collectors.toList());
                shipped.add(new ShippedChangelogs.Shipper() {
                    @Override
                    public String header(String name) {
                        return headers.getValue(name);
                    }

                    @Override
                    public URL entry(String path) {
                        if (!entries.contains(path)) {
                            return null;
                        }
                        try {
                            return new URL("jar:" + jar.toUri() + "!/" + path);
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                });
            }
        }
        return shipped.entries();
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
