package cn.supervision.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Where a test's database lives: a fresh in-memory Derby database by default, or, with
 * {@code -Dsupervision.test.db=postgresql} (the {@code postgresql} Maven profile), a fresh schema of its own on the
 * PostgreSQL server named by {@code supervision.test.jdbcUrl/user/password} (defaults: the cluster {@code .ci/postgres}
 * starts). A schema per database keeps tests isolated from each other and safe to run in parallel on one server.
 */
public final class TestDatabase implements AutoCloseable {
    public static final String KIND = "supervision.test.db";
    public static final String URL = "supervision.test.jdbcUrl";
    public static final String USER = "supervision.test.user";
    public static final String PASSWORD = "supervision.test.password";

    private static final String DEFAULT_URL = "jdbc:postgresql://localhost:55432/supervision_test";
    private static final String DEFAULT_USER = "supervision_test";

    private final String url;
    private final String user;
    private final String password;
    private final String schema;

    private TestDatabase(String url, String user, String password, String schema) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.schema = schema;
    }

    /** Whether tests run on PostgreSQL (for the few that must speak the engine's own SQL, e.g. lock timeouts). */
    public static boolean postgresql() {
        return postgresql(System.getProperty(KIND));
    }

    /** A misspelt kind (say "postgres") must not quietly run the suite on Derby and pass for a PostgreSQL run. */
    static boolean postgresql(String kind) {
        String k = kind == null ? "derby" : kind.trim().toLowerCase(Locale.ROOT);
        return switch (k) {
            case "derby" -> false;
            case "postgresql" -> true;
            default -> throw new IllegalStateException(KIND + "=" + kind + " is not a test database: derby (the default) or postgresql");
        };
    }

    /** A new, empty database; close it to drop what the test left (a no-op on in-memory Derby). */
    public static TestDatabase fresh() {
        String name = "t" + UUID.randomUUID().toString().replace("-", "");
        if (!postgresql()) {
            return new TestDatabase("jdbc:derby:memory:" + name + ";create=true", null, null, null);
        }
        String server = System.getProperty(URL, DEFAULT_URL);
        String user = System.getProperty(USER, DEFAULT_USER);
        String password = System.getProperty(PASSWORD, user);
        String schema = "t_" + name.substring(1);
        execute(server, user, password, "CREATE SCHEMA " + schema);
        return new TestDatabase(server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema, user, password,
                schema);
    }

    /** OpenJPA properties pointing a persistence unit here, overriding the driver its persistence.xml names. */
    /**
     * What every bundle's persistence.xml sets: the detected dictionary reads CLOBs with getString (Derby's
     * Clob.getSubString is several times slower; PostgreSQL's dictionary does so already). Tests and benches use their
     * own persistence units, so they get it here.
     */
    public static final String DICTIONARY = "(UseGetStringForClobs=true)";

    public Map<String, Object> jpaProperties() {
        if (schema == null) {
            return Map.of("openjpa.ConnectionURL", url, "openjpa.jdbc.DBDictionary", DICTIONARY);
        }
        // openjpa.jdbc.Schema too: without it OpenJPA's schema tool looks for the tables in every schema it can see
        // and takes another test's for its own
        return Map.of("openjpa.ConnectionURL", url,
                "openjpa.ConnectionDriverName", "org.postgresql.Driver",
                "openjpa.ConnectionUserName", user,
                "openjpa.ConnectionPassword", password,
                "openjpa.jdbc.Schema", schema,
                "openjpa.jdbc.DBDictionary", DICTIONARY);
    }

    public String url() {
        return url;
    }

    /** An XA data source on this PostgreSQL database, the kind production's pax-jdbc pool wraps ({@code xa = true}). */
    public javax.sql.XADataSource postgresqlXa() {
        if (schema == null) {
            throw new IllegalStateException("not a PostgreSQL test database: " + url);
        }
        org.postgresql.xa.PGXADataSource xa = new org.postgresql.xa.PGXADataSource();
        xa.setUrl(url);
        xa.setUser(user);
        xa.setPassword(password);
        return xa;
    }

    /** A plain JDBC connection to this database, outside JPA. */
    public Connection connect() throws SQLException {
        return user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password);
    }

    /**
     * Waits until some transaction on this database waits for a lock on {@code table} (Derby: a WAIT in
     * SYSCS_DIAG.LOCK_TABLE; PostgreSQL: a backend of this database waiting for a lock in a statement naming the table),
     * at most {@code timeout}; whether one did. For a test that must know a second node's transaction is blocked before
     * it lets the first one commit.
     */
    public boolean awaitLockWait(String table, java.time.Duration timeout) {
        String sql = schema == null
                ? "SELECT COUNT(*) FROM SYSCS_DIAG.LOCK_TABLE WHERE STATE = 'WAIT' AND TABLENAME = ?"
                : "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
                  + " AND pid <> pg_backend_pid() AND query ILIKE ?";
        long end = System.nanoTime() + timeout.toNanos();
        try (Connection c = connect(); java.sql.PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, schema == null ? table.toUpperCase(Locale.ROOT) : "%" + table + "%");
            while (true) {
                try (java.sql.ResultSet r = s.executeQuery()) {
                    r.next();
                    if (r.getInt(1) > 0) {
                        return true;
                    }
                }
                if (System.nanoTime() > end) {
                    return false;
                }
                Thread.sleep(10);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        if (schema != null) {
            execute(url, user, password, "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static void execute(String url, String user, String password, String sql) {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL for the tests at " + url + " (.ci/postgres starts one): " + sql, e);
        }
    }
}
