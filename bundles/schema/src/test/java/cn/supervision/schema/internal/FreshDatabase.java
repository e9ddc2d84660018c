package cn.supervision.schema.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A fresh database as test-support's TestDatabase makes one: in-memory Derby, or ({@code -P postgresql}) a schema
 * of its own on the server of {@code supervision.test.jdbcUrl/user/password}.
 */
final class FreshDatabase implements AutoCloseable {
    private final String url;
    private final String user;
    private final String password;
    private final String schema;

    private FreshDatabase(String url, String user, String password, String schema) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.schema = schema;
    }

    static FreshDatabase create() {
        String name = UUID.randomUUID().toString().replace("-", "");
        String kind = System.getProperty("supervision.test.db", "derby").trim().toLowerCase(Locale.ROOT);
        switch (kind) {
            case "derby":
                return new FreshDatabase("jdbc:derby:memory:d" + name + ";create=true", null, null, null);
            case "postgresql":
                String server = System.getProperty("supervision.test.jdbcUrl", "jdbc:postgresql://localhost:55432/supervision_test");
                String user = System.getProperty("supervision.test.user", "supervision_test");
                String password = System.getProperty("supervision.test.password", user);
                String schema = "t_" + name;
                run(server, user, password, "CREATE SCHEMA " + schema);
                return new FreshDatabase(server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema, user, password, schema);
            default:
                throw new IllegalStateException("supervision.test.db=" + kind + " is not a test database: derby or postgresql");
        }
    }

    Connection connect() throws SQLException {
        return user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password);
    }

    /** Each connection a new one to this database, as a pool's would be to the migrations. */
    DataSource dataSource() {
        return new DataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                return connect();
            }

            @Override
            public Connection getConnection(String username, String password) {
                throw new UnsupportedOperationException("the platform's DataSource is configured with its login");
            }

            @Override
            public PrintWriter getLogWriter() {
                return null;
            }

            @Override
            public void setLogWriter(PrintWriter out) {
                // no driver log in tests
            }

            @Override
            public void setLoginTimeout(int seconds) {
                // the driver's default
            }

            @Override
            public int getLoginTimeout() {
                return 0;
            }

            @Override
            public Logger getParentLogger() throws SQLFeatureNotSupportedException {
                throw new SQLFeatureNotSupportedException();
            }

            @Override
            public <T> T unwrap(Class<T> iface) throws SQLException {
                throw new SQLException("not a wrapper");
            }

            @Override
            public boolean isWrapperFor(Class<?> iface) {
                return false;
            }
        };
    }

    @Override
    public void close() {
        if (schema != null) {
            run(url, user, password, "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static void run(String url, String user, String password, String sql) {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL for the tests at " + url + " (.ci/postgres starts one): " + sql, e);
        }
    }
}
