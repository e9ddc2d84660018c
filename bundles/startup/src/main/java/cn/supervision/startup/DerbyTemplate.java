package cn.supervision.startup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A new installation's embedded database. The build makes it once for every installation (bundles/schema
 * {@code NewDatabase}: the platform's tables from every shipped changelog, each recorded with its digest) into
 * {@value #TEMPLATE}; a first start copies it to where {@code etc/org.ops4j.datasource-supervision.cfg} keeps the
 * shipped URL, instead of Liquibase building the same tables again (~2.5 s of a first start on two cores). Then every
 * bundle's changelog is found up to date by its digest, as at any restart.
 * <p>
 * Only for the shipped settings, compared as written ({@value #DRIVER} and {@value #SHIPPED_URL}, no user: with one,
 * Derby would use that user's schema rather than the template's APP), and only where nothing exists at that path:
 * another path or user, the network server or PostgreSQL, and an existing database (or anything else in its place) are
 * left alone, and the changelogs then build what is missing at start, as they do without a template. The file is read
 * once, while File Install may be rewriting it at a first start: a read cut short before either line costs the head
 * start; one cut after both could only miss a later line overriding them (a copy nobody opens).
 * <p>
 * The copy is not forced to disk: a power cut within seconds of a first start can leave it unusable, as it could leave
 * the database Derby itself was creating then (delete data/derby/supervision and start again: nothing was in it).
 */
final class DerbyTemplate {
    static final String DATASOURCE_CFG = "org.ops4j.datasource-supervision.cfg";
    static final String DRIVER = "derby";
    static final String SHIPPED_URL = "jdbc:derby:${karaf.data}/derby/supervision;create=true";
    static final String TEMPLATE = "lib/derby-template/supervision";
    /** A copy under way, beside the database, renamed to it when whole. */
    private static final String PARTIAL = ".template-";

    private DerbyTemplate() {
    }

    /**
     * The database directory the template is for: the one {@code cfg} names with the shipped driver and URL, when
     * nothing is there yet.
     */
    static Optional<Path> target(Path cfg, UnaryOperator<String> properties) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(cfg)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        String data = properties.apply("karaf.data");
        if (data == null || !DRIVER.equals(p.getProperty("osgi.jdbc.driver.name", "").trim())
                || !SHIPPED_URL.equals(p.getProperty("url", "").trim()) || !p.getProperty("user", "").isBlank()) {
            return Optional.empty();
        }
        Path database = Path.of(data, "derby", "supervision").toAbsolutePath();
        return Files.exists(database) || Files.isSymbolicLink(database) ? Optional.empty() : Optional.of(database);
    }

    /**
     * Copies {@code template} to {@code database} as a whole: into a directory beside it, renamed once complete, so a
     * start cut off halfway leaves no half database for Derby to open (what is left of such a copy goes at the next
     * one). Files get the permissions new files get here, not the installation's (which may be read-only). Whether it
     * copied: false without a template; a database that appeared meanwhile makes the rename fail, and stays.
     */
    static boolean copy(Path template, Path database) throws IOException {
        if (!Files.isRegularFile(template.resolve("service.properties"))) {
            return false; // a distribution built without one: the changelogs build the database
        }
        Path parent = Files.createDirectories(database.getParent());
        String prefix = database.getFileName() + PARTIAL;
        for (Path left : leftovers(parent, prefix)) {
            deleteTree(left);
        }
        Path partial = Files.createDirectory(parent.resolve(prefix + UUID.randomUUID()));
        try {
            try (Stream<Path> files = Files.walk(template)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Path to = partial.resolve(template.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(file, to);
                    }
                }
            }
            Files.move(partial, database, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException | RuntimeException e) {
            deleteTree(partial);
            throw e;
        }
    }

    private static List<Path> leftovers(Path parent, String prefix) throws IOException {
        try (Stream<Path> siblings = Files.list(parent)) {
            return siblings.filter(p -> p.getFileName().toString().startsWith(prefix)).collect(Collectors.toList());
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(file);
            }
        }
    }
}
