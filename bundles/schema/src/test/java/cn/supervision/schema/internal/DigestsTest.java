package cn.supervision.schema.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.supervision.schema.Changelogs;

/**
 * The restart's fast path ({@link Digests}): a changelog whose shipped bytes are recorded as applied, and whose
 * history has as many rows as then, is answered from SV_SCHEMA_DIGEST without Liquibase, anything else goes the way
 * it went before. On in-memory Derby, or with {@code -P postgresql} on a fresh schema of the PostgreSQL server
 * test-support's TestDatabase names (this module cannot use test-support, which depends on it).
 */
class DigestsTest {
    private static final String CHANGELOG = "db/changelog/sample.xml";
    /** The platform's own changelog as this bundle ships it. */
    private static final URL OWN = Migrator.class.getClassLoader().getResource(Changelogs.OWN);

    private final FreshDatabase db = FreshDatabase.create();

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void anUnchangedChangelogIsUpToDateFromItsDigestAndHistoryCount() throws Exception {
        Migrator migrator = started();
        assertEquals(Migrator.Outcome.APPLIED, migrator.apply(bundle("v1"), CHANGELOG));
        assertEquals(shipped("v1"), digest(CHANGELOG), "recorded once applied");
        assertEquals(2, applied(CHANGELOG), "with the history rows it had then");
        assertEquals(sha256(OWN), digest(Changelogs.OWN), "the platform's own too");
        assertEquals(2, applied(Changelogs.OWN));
        assertEquals(Migrator.Outcome.UP_TO_DATE, restarted().apply(bundle("v1"), CHANGELOG));
    }

    @Test
    void historyRowsDeletedAfterRecordingSendTheChangelogToLiquibase() throws Exception {
        Migrator migrator = started();
        migrator.apply(bundle("v1"), CHANGELOG);

        // someone runs sample-1 again the usual way: its history row deleted, what it made undone. The digest still
        // matches; the history's row count no longer does
        execute("DELETE FROM DATABASECHANGELOG WHERE FILENAME = '" + CHANGELOG + "' AND ID = 'sample-1'");
        execute("DROP TABLE T_ONE");
        assertEquals(Migrator.Outcome.APPLIED, restarted().apply(bundle("v1"), CHANGELOG), "Liquibase ran sample-1 again");
        assertTrue(exists("T_ONE"));
        assertEquals(2, count("SELECT COUNT(*) FROM DATABASECHANGELOG WHERE FILENAME = '" + CHANGELOG + "'"));
        assertEquals(Migrator.Outcome.UP_TO_DATE, migrator.apply(bundle("v1"), CHANGELOG), "and from the digest again");
    }

    @Test
    void anOlderDumpRestoredUnderNewerDigestsGetsTheChangesetsOfTheUpgradeAgain() throws Exception {
        Migrator migrator = started();
        migrator.apply(bundle("v1"), CHANGELOG); // last night's dump is of this
        assertEquals(Migrator.Outcome.APPLIED, migrator.apply(bundle("v2"), CHANGELOG), "the upgrade");
        assertEquals(shipped("v2"), digest(CHANGELOG));

        // pg_restore --clean --if-exists of the dump: DATABASECHANGELOG and the tables in the dump as they were, the
        // table the upgrade made gone, and SV_SCHEMA_DIGEST (not in the dump's tables here) left with v2's digest
        execute("DELETE FROM DATABASECHANGELOG WHERE FILENAME = '" + CHANGELOG + "' AND ID = 'sample-3'");
        execute("DROP TABLE T_THREE");
        assertEquals(shipped("v2"), digest(CHANGELOG), "the stored digest equals the shipped one");

        // the upgrade tried again
        assertEquals(Migrator.Outcome.APPLIED, restarted().apply(bundle("v2"), CHANGELOG), "sample-3 ran again");
        assertTrue(exists("T_THREE"));
        assertEquals(Migrator.Outcome.UP_TO_DATE, migrator.apply(bundle("v2"), CHANGELOG));
    }

    @Test
    void theFastPathLoadsNoLiquibaseClass() throws Exception {
        started().apply(bundle("v1"), CHANGELOG);

        // a restart: the bundle's classes in a loader of their own, seeing which Liquibase classes they ask for
        Isolated restarted = new Isolated(DigestsTest.class.getClassLoader());
        Object migrator = restarted.migrator(dataSource(UnaryOperator.identity()));
        assertEquals("UP_TO_DATE", restarted.apply(migrator, bundle("v1"), CHANGELOG));
        assertEquals(Set.of(), restarted.liquibase, "Liquibase classes loaded on the fast path");

        // and the loader does see them where Liquibase is needed
        assertEquals("APPLIED", restarted.apply(migrator, bundle("v2"), CHANGELOG));
        assertFalse(restarted.liquibase.isEmpty());
    }

    @Test
    void aChangelogChangedSinceItsDigestGoesToLiquibase() throws Exception {
        Migrator migrator = started();
        migrator.apply(bundle("v1"), CHANGELOG);
        assertEquals(Migrator.Outcome.APPLIED, migrator.apply(bundle("v2"), CHANGELOG), "the new changeset is applied");
        assertTrue(exists("T_THREE"));
        assertEquals(shipped("v2"), digest(CHANGELOG));
        assertEquals(Migrator.Outcome.UP_TO_DATE, migrator.apply(bundle("v2"), CHANGELOG));

        // an edited changeset still meets Liquibase's checksum check
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> migrator.apply(bundle("edited"), CHANGELOG));
        assertTrue(String.valueOf(e.getMessage()).contains("sample-1"), e::getMessage);
        assertEquals(shipped("v2"), digest(CHANGELOG), "no digest for what failed");
    }

    @Test
    void aDatabaseFromBeforeTheDigestTableGoesTheFullWayUntilItHasOne() throws Exception {
        // the platform as it was: its own changelog without SV_SCHEMA_DIGEST (schema-2)
        Migrator before = started();
        execute("DROP TABLE SV_SCHEMA_DIGEST");
        execute("DELETE FROM DATABASECHANGELOG WHERE ID = 'schema-2-SV_SCHEMA_DIGEST'");
        assertEquals(Migrator.Outcome.APPLIED, before.apply(bundle("v1"), CHANGELOG));
        // no table to read or record in (Derby 42X05, PostgreSQL 42P01): today's check, on the same connection
        assertEquals(Migrator.Outcome.UP_TO_DATE, before.apply(bundle("v1"), CHANGELOG));

        // the first start of this version: the platform's changelog brings the table, then each changelog is
        // checked the full way once and recorded
        Migrator migrator = started();
        assertEquals(Migrator.Outcome.UP_TO_DATE, migrator.apply(bundle("v1"), CHANGELOG));
        assertEquals(shipped("v1"), digest(CHANGELOG));
        assertEquals(sha256(OWN), digest(Changelogs.OWN));
        assertEquals(2, count("SELECT COUNT(*) FROM DATABASECHANGELOG WHERE FILENAME = '" + Changelogs.OWN + "'"));
    }

    @Test
    void twoNodesRecordingTheSameChangelogAtOnceBothSucceed() throws Exception {
        started().apply(bundle("v1"), CHANGELOG);
        execute("DELETE FROM SV_SCHEMA_DIGEST WHERE CHANGELOG = '" + CHANGELOG + "'"); // both find no row
        Migrator b = new Migrator(dataSource(UnaryOperator.identity()));
        ClassLoader v1 = bundle("v1");
        AtomicBoolean interleaved = new AtomicBoolean();
        List<Migrator.Outcome> bs = new java.util.concurrent.CopyOnWriteArrayList<>();
        // node a has found no row to update; node b applies and records the same changelog before a's insert
        Migrator a = new Migrator(dataSource(real -> before("INSERT INTO SV_SCHEMA_DIGEST", real, () -> {
            if (!interleaved.getAndSet(true)) {
                bs.add(b.apply(v1, CHANGELOG));
            }
        })));
        assertEquals(Migrator.Outcome.UP_TO_DATE, a.apply(v1, CHANGELOG));
        assertTrue(interleaved.get(), "node b recorded between node a's update and insert");
        assertEquals(List.of(Migrator.Outcome.UP_TO_DATE), bs);
        assertEquals(shipped("v1"), digest(CHANGELOG));
        assertEquals(1, count("SELECT COUNT(*) FROM SV_SCHEMA_DIGEST WHERE CHANGELOG = '" + CHANGELOG + "'"));
    }

    @Test
    void anInsertLostToAnotherNodeCountsAsRecorded() throws Exception {
        started();
        AtomicBoolean interleaved = new AtomicBoolean();
        try (Connection a = before("INSERT INTO SV_SCHEMA_DIGEST", db.connect(), () -> {
            interleaved.set(true);
            try {
                execute("INSERT INTO SV_SCHEMA_DIGEST (CHANGELOG, DIGEST, APPLIED, RECORDED) VALUES ('" + CHANGELOG
                        + "', 'of node b', 7, CURRENT_TIMESTAMP)");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        })) {
            assertTrue(Digests.record(a, CHANGELOG, shipped("v1")), "the duplicate key is node b's record, not a failure");
            assertTrue(interleaved.get());
            assertTrue(a.getAutoCommit(), "the connection's mode as it was");
            // the connection is still good for what follows (PostgreSQL: no transaction left aborted)
            assertTrue(Digests.record(a, CHANGELOG, shipped("v1")));
        }
        assertEquals(shipped("v1"), digest(CHANGELOG), "the second record updated node b's row");
        assertEquals(0, applied(CHANGELOG), "and counted its history (no rows: sample.xml never ran here)");
    }

    @Test
    void aChangelogWithAChangesetToRunAlwaysIsNeverRecorded() throws Exception {
        Migrator migrator = started();
        assertEquals(Migrator.Outcome.APPLIED, migrator.apply(bundle("always"), CHANGELOG));
        assertEquals(Migrator.Outcome.APPLIED, migrator.apply(bundle("always"), CHANGELOG), "sample-always ran again");
        assertNull(digest(CHANGELOG));
        assertTrue(exists("SV_SCHEMA_DIGEST"));
    }

    /** A migrator as the platform starts it: its own changelog (with SV_SCHEMA_DIGEST) applied first. */
    private Migrator started() {
        Migrator migrator = new Migrator(dataSource(UnaryOperator.identity()));
        new OwnTables(migrator).ensure();
        return migrator;
    }

    /** A migrator after a restart: nothing in memory from before. */
    private Migrator restarted() {
        return new Migrator(dataSource(UnaryOperator.identity()));
    }

    /** A bundle's class loader: only the changelogs under test-classes/{version}. */
    private static ClassLoader bundle(String version) throws Exception {
        return new URLClassLoader(new URL[] {root(version).toUri().toURL()}, null);
    }

    private static Path root(String version) throws Exception {
        return Path.of(DigestsTest.class.getResource("/" + version + "/db/changelog").toURI()).getParent().getParent();
    }

    /** The SHA-256 of a shipped changelog, computed here rather than by the code under test. */
    private static String shipped(String version) throws Exception {
        return sha256(bundle(version).getResource(CHANGELOG));
    }

    private static String sha256(URL url) throws Exception {
        try (InputStream in = url.openStream()) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        }
    }

    private DataSource dataSource(UnaryOperator<Connection> wrap) {
        return new ConnectingDataSource(() -> wrap.apply(db.connect()));
    }

    /**
     * {@code real}, running {@code first} before it prepares a statement starting with {@code sql}. A dynamic proxy on
     * purpose: every other call of Connection goes through to the real one unchanged, which a typed decorator would have
     * to spell out method by method.
     */
    private static Connection before(String sql, Connection real, Runnable first) {
        return (Connection) Proxy.newProxyInstance(DigestsTest.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement") && String.valueOf(args[0]).startsWith(sql)) {
                        first.run();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private String digest(String changelog) throws SQLException {
        try (Connection c = db.connect();
             PreparedStatement s = c.prepareStatement("SELECT DIGEST FROM SV_SCHEMA_DIGEST WHERE CHANGELOG = ?")) {
            s.setString(1, changelog);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    private int applied(String changelog) throws SQLException {
        try (Connection c = db.connect();
             PreparedStatement s = c.prepareStatement("SELECT APPLIED FROM SV_SCHEMA_DIGEST WHERE CHANGELOG = ?")) {
            s.setString(1, changelog);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next(), "a row for " + changelog);
                return r.getInt(1);
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private boolean exists(String table) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.executeQuery("SELECT COUNT(*) FROM " + table).close();
            return true;
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("42")) {
                return false;
            }
            throw e;
        }
    }

    private int count(String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }

    /**
     * This bundle's classes defined anew (as after a restart of the JVM), everything else from {@code parent}; the
     * names of the Liquibase classes they ask for.
     */
    private static final class Isolated extends ClassLoader {
        final Set<String> liquibase = ConcurrentHashMap.newKeySet();

        Isolated(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("liquibase.")) {
                liquibase.add(name);
            }
            if (!name.startsWith("cn.supervision.schema.") || name.startsWith(DigestsTest.class.getName())) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                        if (in == null) {
                            throw new ClassNotFoundException(name);
                        }
                        byte[] bytes = in.readAllBytes();
                        c = defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }

        Object migrator(DataSource dataSource) throws Exception {
            Constructor<?> make = loadClass(Migrator.class.getName()).getDeclaredConstructor(DataSource.class);
            make.setAccessible(true);
            return make.newInstance(dataSource);
        }

        String apply(Object migrator, ClassLoader resources, String changelog) throws Exception {
            Method apply = migrator.getClass().getDeclaredMethod("apply", ClassLoader.class, String.class);
            apply.setAccessible(true);
            try {
                return String.valueOf(apply.invoke(migrator, resources, changelog));
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
            }
        }
    }
}
