package cn.supervision.schema.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

/**
 * Migrations as Karaf runs them at boot: a bundle's changelog (here db/changelog/sample.xml as shipped by the
 * "bundles" v1, v2, edited) through {@link Migrator} on an embedded Derby database.
 */
class MigratorTest {
    private static final String CHANGELOG = "db/changelog/sample.xml";
    /** Longer than any of these migrations, far shorter than Liquibase's five-minute wait for its lock. */
    private static final Duration NO_WAIT = Duration.ofSeconds(40);

    private final String url = "jdbc:derby:memory:migrator" + System.nanoTime() + ";create=true";

    @Test
    void aChangelogAlreadyAppliedIsOnlyChecked() throws Exception {
        Migrator migrator = new Migrator(dataSource(UnaryOperator.identity()));
        assertEquals(Migrator.Outcome.APPLIED, migrator.apply(bundle("v1"), CHANGELOG));
        assertEquals(Migrator.Outcome.UP_TO_DATE, migrator.apply(bundle("v1"), CHANGELOG));
        assertEquals(Migrator.Outcome.APPLIED, migrator.apply(bundle("v2"), CHANGELOG), "a new changeset is applied");
        assertTrue(exists("T_THREE"));
        assertEquals(Migrator.Outcome.UP_TO_DATE, migrator.apply(bundle("v2"), CHANGELOG));
        assertEquals(3, count("SELECT COUNT(*) FROM DATABASECHANGELOG"));
    }

    @Test
    void anEditedChangesetIsNotTakenForApplied() throws Exception {
        Migrator migrator = new Migrator(dataSource(UnaryOperator.identity()));
        migrator.apply(bundle("v1"), CHANGELOG);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> migrator.apply(bundle("edited"), CHANGELOG));
        assertTrue(String.valueOf(e.getMessage()).contains("sample-1"), e::getMessage); // Liquibase's checksum error
    }

    @Test
    void aLockLeftByAKilledJvmDoesNotHoldUpTheNextStart() throws Exception {
        Migrator migrator = new Migrator(dataSource(UnaryOperator.identity()));
        migrator.apply(bundle("v1"), CHANGELOG);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            // what kill -9 during a migration leaves behind
            s.executeUpdate("UPDATE DATABASECHANGELOGLOCK SET LOCKED = TRUE, LOCKEDBY = 'killed (10.0.0.1)',"
                    + " LOCKGRANTED = CURRENT_TIMESTAMP WHERE ID = 1");
        }
        assertEquals(Migrator.Outcome.APPLIED, assertTimeoutPreemptively(NO_WAIT, () -> migrator.apply(bundle("v2"), CHANGELOG)));
        assertTrue(exists("T_THREE"));
        assertFalse(locked());
    }

    @Test
    void aMigrationCutOffByTheDataSourceBeingReplacedRunsAgainOnANewConnection() throws Exception {
        AtomicBoolean cut = new AtomicBoolean();
        // the first connection dies as pax-jdbc-config closes the old pool: after Liquibase took its lock, mid-changeset
        Migrator migrator = new Migrator(dataSource(real -> cut.get() ? real : cutOffAt("T_ONE", real, cut)));
        assertEquals(Migrator.Outcome.APPLIED, assertTimeoutPreemptively(NO_WAIT, () -> migrator.apply(bundle("v1"), CHANGELOG)));
        assertTrue(cut.get(), "the connection was cut");
        assertTrue(exists("T_ONE") && exists("T_TWO"));
        assertEquals(2, count("SELECT COUNT(*) FROM DATABASECHANGELOG"));
        assertFalse(locked());
    }

    @Test
    void aFailureOfTheChangelogItselfIsNotRetried() throws Exception {
        Migrator migrator = new Migrator(dataSource(UnaryOperator.identity()));
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE T_TWO (X INT)"); // in the way of changeset sample-2
        }
        assertThrows(IllegalStateException.class, () -> migrator.apply(bundle("v1"), CHANGELOG));
        assertEquals(1, count("SELECT COUNT(*) FROM DATABASECHANGELOG"), "sample-1 applied, sample-2 not");
        assertFalse(locked());
    }

    @Test
    void aBundlesMigrationBringsThePlatformsOwnTablesFirstOnce() throws Exception {
        Migrator migrator = new Migrator(dataSource(UnaryOperator.identity()));
        OwnTables own = new OwnTables(migrator);
        Object unit = new Object();
        assertSame(unit, new Migrations(migrator, own, InstalledChangelogs.none(migrator), bundle("v1"), "sample").migrated(unit, CHANGELOG));
        assertTrue(exists("SV_LOCK"), "the named transaction locks' table");
        assertTrue(exists("T_ONE"));
        new Migrations(migrator, own, InstalledChangelogs.none(migrator), bundle("v2"), "sample").migrated(unit, CHANGELOG);
        assertEquals(2, count("SELECT COUNT(*) FROM DATABASECHANGELOG WHERE FILENAME = 'db/changelog/schema.xml'")); // SV_LOCK, SV_SCHEMA_DIGEST
    }

    /** A bundle's class loader: only the changelogs under test-classes/{version}. */
    private static ClassLoader bundle(String version) throws Exception {
        URL root = MigratorTest.class.getResource("/" + version + "/" + CHANGELOG);
        Path dir = Path.of(root.toURI()).getParent().getParent().getParent();
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, null);
    }

    private DataSource dataSource(UnaryOperator<Connection> wrap) {
        return new ConnectingDataSource(() -> wrap.apply(DriverManager.getConnection(url)));
    }

    /**
     * {@code real}, closed from under its user when a statement about {@code table} is about to run. Dynamic proxies on
     * purpose: every other call of Connection and Statement (well over a hundred, more with each JDK) goes through to the
     * real Derby objects unchanged, which a typed decorator would have to spell out method by method.
     */
    private static Connection cutOffAt(String table, Connection real, AtomicBoolean cut) {
        return (Connection) Proxy.newProxyInstance(MigratorTest.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(real, method, args);
                    if (method.getName().equals("createStatement")) {
                        Statement statement = (Statement) result;
                        return Proxy.newProxyInstance(MigratorTest.class.getClassLoader(), new Class<?>[] {Statement.class},
                                (p, m, a) -> {
                                    if (m.getName().startsWith("execute") && a != null && a.length > 0
                                            && String.valueOf(a[0]).contains(table) && !cut.getAndSet(true)) {
                                        real.rollback();
                                        real.close();
                                    }
                                    return invoke(statement, m, a);
                                });
                    }
                    return result;
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private boolean exists(String table) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); ResultSet r = c.getMetaData().getTables(null, null, table, null)) {
            return r.next();
        }
    }

    private int count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }

    private boolean locked() throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT LOCKED FROM DATABASECHANGELOGLOCK WHERE ID = 1")) {
            r.next();
            return r.getBoolean(1);
        }
    }
}
