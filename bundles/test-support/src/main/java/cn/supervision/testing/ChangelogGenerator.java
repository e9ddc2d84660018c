package cn.supervision.testing;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.persistence.EntityManagerFactory;

import org.apache.openjpa.persistence.OpenJPAPersistence;

import cn.supervision.schema.Changelogs;
import liquibase.database.Database;
import liquibase.diff.DiffResult;
import liquibase.diff.compare.CompareControl;
import liquibase.diff.DiffGeneratorFactory;
import liquibase.diff.output.DiffOutputControl;
import liquibase.diff.output.StandardObjectChangeFilter;
import liquibase.diff.output.changelog.DiffToChangeLog;

/**
 * Writes the changesets a persistence unit's entities need beyond its bundle's changelogs: OpenJPA builds the tables
 * its mappings want in one in-memory Derby, the changelogs build another, and Liquibase writes the difference. With
 * no changelog yet that is the whole baseline. Review the output (names, types, preconditions) before adding it.
 *
 * <pre>
 * cd bundles/X &amp;&amp; mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) cn.supervision.testing.ChangelogGenerator \
 *      X-test META-INF/X-test-persistence.xml target/changes.xml
 * </pre>
 */
public final class ChangelogGenerator {

    private ChangelogGenerator() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: ChangelogGenerator <test unit> <persistence xml resource> <bundle> <output changelog>");
            System.exit(2);
        }
        java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
        boolean baseline;
        try (PrintStream print = new PrintStream(raw, true, StandardCharsets.UTF_8)) {
            baseline = missing(args[0], args[1], print);
        }
        Path out = Path.of(args[3]);
        Files.writeString(out, ChangelogReview.tidy(raw.toString(StandardCharsets.UTF_8), args[2], baseline));
        System.out.println(out.toAbsolutePath());
    }

    /**
     * Prints to {@code out} a changelog of what the entities of {@code unit} need and its changelogs lack; true when
     * there was no changelog yet (the output is a baseline).
     */
    public static boolean missing(String unit, String persistenceXml, PrintStream out) throws Exception {
        String entities = memory("entities");
        EntityManagerFactory emf = OpenJPAPersistence.createEntityManagerFactory(unit, persistenceXml,
                Map.of("openjpa.ConnectionURL", entities, "openjpa.jdbc.SynchronizeMappings", "buildSchema(ForeignKeys=true)"));
        try {
            emf.createEntityManager().close(); // OpenJPA builds the schema when the first EntityManager is made
        } finally {
            emf.close();
        }
        String changelogs = memory("changelogs");
        List<String> existing = UnitChangelogs.of(unit, persistenceXml);
        LocalJpaTemplate.migrate(changelogs, existing);
        try (Connection wanted = DriverManager.getConnection(entities); Connection have = DriverManager.getConnection(changelogs)) {
            Changelogs.inScope(Thread.currentThread().getContextClassLoader(), () -> {
                Database reference = Changelogs.database(wanted);
                Database target = Changelogs.database(have);
                DiffResult diff = DiffGeneratorFactory.getInstance().compare(reference, target, CompareControl.STANDARD);
                DiffOutputControl control = new DiffOutputControl(false, false, false, null);
                control.setObjectChangeFilter(new StandardObjectChangeFilter(StandardObjectChangeFilter.FilterType.EXCLUDE,
                        "table:DATABASECHANGELOG.*, column:.*\\.(ID|FILENAME|AUTHOR|LOCKED|LOCKGRANTED|LOCKEDBY).*"));
                new DiffToChangeLog(diff, control).print(out);
                return null;
            }, unit);
            wanted.rollback(); // the snapshots leave a read transaction open
            have.rollback();
        }
        return existing.isEmpty();
    }

    private static String memory(String what) {
        return "jdbc:derby:memory:" + what + UUID.randomUUID().toString().replace("-", "") + ";create=true";
    }
}
