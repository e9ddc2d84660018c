package cn.supervision.backup.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import cn.supervision.api.problem.SupervisionException;

/**
 * Copies the embedded Derby database with SYSCS_UTIL.SYSCS_BACKUP_DATABASE: an online backup, so the platform keeps
 * reading and writing meanwhile (Derby blocks only transactions with unlogged operations, which the platform does not
 * use), and the copy holds the database as it was when the copy ended. Derby writes the copy into a subdirectory named
 * after the database. Any other database (PostgreSQL, a Derby network server) is backed up with its own tools.
 */
final class DerbyCopier {
    private final DataSource dataSource;

    DerbyCopier(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Null when the platform's database is embedded Derby, which this copier backs up; else what it is, e.g. "PostgreSQL". */
    String otherDatabase() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return otherDatabase(c.getMetaData());
        }
    }

    private static String otherDatabase(DatabaseMetaData m) throws SQLException {
        String url = m.getURL();
        if (url != null && url.startsWith("jdbc:derby:") && !url.startsWith("jdbc:derby://")) {
            return null;
        }
        String product = m.getDatabaseProductName();
        // the URL without its attributes and parameters (they may carry a user or password)
        return (product == null || product.isBlank() ? "未知数据库" : product)
                + "（" + (url == null ? "数据源未给出地址" : url.replaceAll("[;?].*", "")) + "）";
    }

    /** What to do instead, for the log, the daily run's note and the refusal. */
    static String ownTools(String otherDatabase) {
        return otherDatabase.startsWith("PostgreSQL")
                ? "请用 pg_dump（或 pg_basebackup / WAL 归档）备份，见 README“备份与恢复”"
                : "请用该数据库自己的工具备份，见 README“备份与恢复”";
    }

    /** Copies the database into {@code into} (an empty directory) and returns the database's directory name. */
    String copy(Path into) throws SQLException, IOException {
        try (Connection c = dataSource.getConnection()) {
            String other = otherDatabase(c.getMetaData());
            if (other != null) {
                throw SupervisionException.unavailable("无法在线备份",
                        "在线备份只适用于内嵌 Derby 数据库，当前数据库是 " + other + "；" + ownTools(other));
            }
            try (CallableStatement call = c.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
                call.setString(1, into.toString());
                call.execute();
            }
        }
        try (Stream<Path> children = Files.list(into)) {
            List<Path> dirs = children.filter(Files::isDirectory).toList();
            if (dirs.size() != 1) {
                throw new IOException("备份目录 " + into + " 中应有且只有一个数据库目录，实际 " + dirs.size() + " 个");
            }
            return dirs.get(0).getFileName().toString();
        }
    }
}
