package cn.supervision.backup.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import cn.supervision.api.problem.SupervisionException;

/**
 * Copies the embedded Derby database with SYSCS_UTIL.SYSCS_BACKUP_DATABASE: an online backup, so the platform keeps
 * reading and writing meanwhile (Derby blocks only transactions with unlogged operations, which the platform does not
 * use), and the copy holds the database as it was when the copy ended. Derby writes the copy into a subdirectory named
 * after the database.
 */
final class DerbyCopier {
    private final DataSource dataSource;

    DerbyCopier(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Copies the database into {@code into} (an empty directory) and returns the database's directory name. */
    String copy(Path into) throws SQLException, IOException {
        try (Connection c = dataSource.getConnection()) {
            String url = c.getMetaData().getURL();
            if (url == null || !url.startsWith("jdbc:derby:") || url.startsWith("jdbc:derby://")) {
                // a network server or another database copies itself with its own tools (pg_dump), not from here
                throw SupervisionException.unavailable("无法在线备份",
                        "在线备份只适用于内嵌 Derby 数据库（当前数据源：" + (url == null ? "未知" : url.replaceAll(";.*", "")) + "）");
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
