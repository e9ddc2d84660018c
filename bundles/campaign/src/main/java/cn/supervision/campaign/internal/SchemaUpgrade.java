package cn.supervision.campaign.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What OpenJPA's schema synchronisation does not do: widen a column an earlier version created narrower. Runs at start;
 * nothing is dropped or narrowed.
 */
final class SchemaUpgrade {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaUpgrade.class);

    private SchemaUpgrade() {
    }

    /** Widens {@code table.column} (VARCHAR) to at least {@code length} characters; true when it had to. */
    static boolean widen(JpaTemplate jpa, String table, String column, int length) {
        return jpa.txExpr(TransactionType.Required, em -> {
            em.createQuery("select count(i) from InputEntity i").getSingleResult(); // makes OpenJPA create or complete the tables first
            try (Connection c = em.unwrap(Connection.class)) {
                Integer size = size(c.getMetaData(), table, column);
                if (size == null || size >= length) {
                    return false;
                }
                try (Statement s = c.createStatement()) {
                    String derby = "ALTER TABLE " + table + " ALTER COLUMN " + column + " SET DATA TYPE VARCHAR(" + length + ")";
                    String standard = "ALTER TABLE " + table + " ALTER COLUMN " + column + " TYPE VARCHAR(" + length + ")";
                    s.execute(c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("derby") ? derby : standard);
                }
                LOG.info("数据库升级：{}.{} 由 {} 个字符加宽为 {}", table, column, size, length);
                return true;
            } catch (SQLException e) {
                throw new IllegalStateException("无法加宽 " + table + "." + column + "：" + e.getMessage(), e);
            }
        });
    }

    private static Integer size(DatabaseMetaData md, String table, String column) throws SQLException {
        for (String[] names : new String[][] {{table.toUpperCase(java.util.Locale.ROOT), column.toUpperCase(java.util.Locale.ROOT)},
                {table.toLowerCase(java.util.Locale.ROOT), column.toLowerCase(java.util.Locale.ROOT)}}) {
            try (ResultSet r = md.getColumns(null, null, names[0], names[1])) {
                if (r.next()) {
                    return r.getInt("COLUMN_SIZE");
                }
            }
        }
        return null;
    }
}
