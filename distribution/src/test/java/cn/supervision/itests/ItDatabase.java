package cn.supervision.itests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The database the integration tests boot the distribution on: embedded Derby (the default), or, with
 * {@code -P postgresql} ({@code it.db=postgresql}), the PostgreSQL server of {@code .ci/postgres}, each distribution
 * in a fresh schema of its own so that the Pax Exam suite and the instances of {@link KarafInstance} never see each
 * other's rows. Switching is what an operator does: the one file etc/org.ops4j.datasource-supervision.cfg.
 */
final class ItDatabase {
    static final String DATASOURCE_CFG = "etc/org.ops4j.datasource-supervision.cfg";

    private ItDatabase() {
    }

    static boolean postgresql() {
        String db = System.getProperty("it.db", "derby");
        if (!db.equals("derby") && !db.equals("postgresql")) {
            throw new IllegalStateException("it.db must be derby or postgresql, not " + db);
        }
        return db.equals("postgresql");
    }

    /**
     * The datasource settings for a distribution named {@code name}: none on Derby (the shipped file stands), on
     * PostgreSQL a schema {@code it_<name>} dropped and created empty, and the lines that point the file at it.
     */
    static Map<String, String> datasourceFor(String name) {
        Map<String, String> settings = new LinkedHashMap<>();
        if (!postgresql()) {
            return settings;
        }
        String schema = "it_" + name.toLowerCase().replaceAll("[^a-z0-9]", "_");
        String url = System.getProperty("it.jdbc.url");
        String user = System.getProperty("it.jdbc.user");
        String password = System.getProperty("it.jdbc.password");
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare schema " + schema + " at " + url + " (is .ci/postgres started?): " + e, e);
        }
        settings.put("osgi.jdbc.driver.name", "PostgreSQL JDBC Driver");
        settings.put("url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        settings.put("user", user);
        settings.put("password", password);
        return settings;
    }
}
