package cn.supervision.backup.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.apache.derby.jdbc.EmbeddedDataSource;

/** A plain embedded Derby database on disk, as the platform's default datasource opens it. */
final class Db {
    final Path path;
    final EmbeddedDataSource dataSource = new EmbeddedDataSource();

    Db(Path path) {
        this.path = path;
        dataSource.setDatabaseName(path.toString());
        dataSource.setCreateDatabase("create");
    }

    void execute(String... sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    /** Every row of {@code NOTE}, in id order, as "id:text". */
    List<String> rows() throws SQLException {
        return rows(dataSource.getConnection());
    }

    static List<String> rows(Connection connection) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = connection; Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select id, text from note order by id")) {
            while (r.next()) {
                rows.add(r.getLong(1) + ":" + r.getString(2));
            }
        }
        return rows;
    }

    /** Shuts the database down, as stopping the platform does (Derby answers a clean shutdown with 08006). */
    void shutdown() {
        shutdown(path);
    }

    static void shutdown(Path path) {
        try {
            DriverManager.getConnection("jdbc:derby:" + path + ";shutdown=true").close();
            throw new IllegalStateException("Derby did not shut down " + path);
        } catch (SQLException e) {
            if (!"08006".equals(e.getSQLState())) {
                throw new IllegalStateException(e);
            }
        }
    }
}
