package cn.supervision.schema.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fast path of a restart: the SHA-256 of a changelog's bytes as its bundle ships them, recorded in
 * SV_SCHEMA_DIGEST (db/changelog/schema.xml) once the changelog is known applied, with the number of
 * DATABASECHANGELOG rows the changelog had then. A changelog whose stored digest equals the shipped one and whose
 * history still has that many rows is up to date after one SELECT, without Liquibase: parsing it and computing its
 * checksums ({@link Recorded}) costs 20-120 ms a changelog, and the first one ~700 ms of Liquibase class loading, on
 * the Blueprint extender threads every domain container waits on.
 * <p>
 * The digest alone is not enough: a database restored from a dump taken before an upgrade ({@code pg_restore --clean}
 * drops only the tables in the dump, so the newer SV_SCHEMA_DIGEST stays) or a history row deleted to run a changeset
 * again leaves the digest matching while changesets are missing from the history; the row count tells those apart and
 * sends them to Liquibase. What it cannot tell: rows edited in place, or as many rows deleted as added by hand for the
 * same changelog (deleting the SV_SCHEMA_DIGEST row brings back the full check).
 * <p>
 * This class must not refer to Liquibase: the point of the fast path is that no Liquibase class is loaded.
 */
final class Digests {
    private static final Logger LOG = LoggerFactory.getLogger(Digests.class);

    /**
     * What a digest of the changelog's own bytes cannot stand for, so such a changelog is never recorded and always
     * goes to Liquibase:
     * <ul>
     * <li>runAlways / runOnChange: such a changeset is meant to reach Liquibase on every start (or whenever it
     * changes); {@link Recorded} never calls those changelogs up to date, but after an update nothing short of
     * parsing the changelog (the very cost avoided here) tells whether it has such changesets. Matched on the words
     * alone, so even runAlways="false" opts out: a few slow starts, never a skipped changeset;</li>
     * <li>other files it pulls in (include, includeAll, sqlFile, loadData, a path= or file= attribute): their bytes
     * are not in the digest. None of the platform's changelogs do so today; hashing the included files would mean
     * resolving paths as Liquibase does.</li>
     * </ul>
     */
    private static final Pattern NOT_DIGESTIBLE = Pattern.compile(
            "(?i)runAlways|runOnChange|include|sqlFile|loadData|loadUpdateData|\\bpath\\s*[=:]|\\bfile\\s*[=:]");

    /** The number of DATABASECHANGELOG rows of the changelog given as a parameter. */
    private static final String HISTORY = "(SELECT COUNT(*) FROM DATABASECHANGELOG WHERE FILENAME = ?)";

    private Digests() {
    }

    /** The SHA-256 (hex) of {@code changelog} as {@code resources} ships it; null where no digest may stand for it. */
    static String shipped(ClassLoader resources, String changelog) {
        URL url = resources.getResource(changelog);
        if (url == null) {
            return null;
        }
        byte[] bytes;
        try (InputStream in = url.openStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            LOG.debug("读取 {} 失败，不走摘要：{}", changelog, e.getMessage());
            return null;
        }
        if (NOT_DIGESTIBLE.matcher(new String(bytes, StandardCharsets.UTF_8)).find()) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every Java platform has SHA-256
        }
    }

    /**
     * Whether {@code changelog} is recorded applied with these bytes ({@code digest}) and its DATABASECHANGELOG rows
     * are as many as when it was; false without a row, or without the tables (a database from before
     * db/changelog/schema.xml made SV_SCHEMA_DIGEST: the platform's own changelog then goes the full way and creates
     * it). One statement, the count a subquery of it.
     */
    static boolean upToDate(Connection c, String changelog, String digest) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT DIGEST, APPLIED, " + HISTORY + " FROM SV_SCHEMA_DIGEST WHERE CHANGELOG = ?")) {
            s.setString(1, changelog);
            s.setString(2, changelog);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next() || !digest.equals(r.getString(1))) {
                    return false;
                }
                long recorded = r.getLong(2);
                long history = r.getLong(3);
                if (recorded != history) {
                    // a restored older dump, or rows deleted to run changesets again: for Liquibase to sort out
                    LOG.info("数据库变更日志 {} 的执行记录有 {} 条，记录摘要时为 {} 条：完整检查", changelog, history, recorded);
                    return false;
                }
                return true;
            }
        } catch (SQLException e) {
            if (e.getSQLState() == null || !e.getSQLState().startsWith("42")) {
                throw e; // a lost connection among them: Migrator tries again on a new one
            }
            // Derby 42X05, PostgreSQL 42P01: no such table yet; 42X04/42703, no APPLIED column: a dev database
            // that ran schema-2 before APPLIED was added to it, which Liquibase then refuses on its checksum
            return false;
        } finally {
            if (!c.getAutoCommit()) {
                c.rollback(); // PostgreSQL refuses anything more in a transaction that saw an error
            }
        }
    }

    /**
     * Records that {@code changelog} with these bytes is applied, and how many DATABASECHANGELOG rows it has now
     * (counted by the same statement that writes them); whether it is recorded (by this call, or by another
     * node that inserted the row first). Two nodes may record the same changelog at once: update, else insert, and an
     * insert that loses to the other node's (duplicate key) is as good as done. A failure here costs only the fast
     * path of the next start, so it is logged, never thrown: the migration itself succeeded.
     */
    static boolean record(Connection c, String changelog, String digest) {
        try {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(true); // each statement its own: a failed insert must not take the update with it
            try {
                if (update(c, changelog, digest) == 0) {
                    insert(c, changelog, digest);
                }
                return true;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("42")) {
                // no table: only where schema.xml was not applied first (a test's bare Migrator), since the platform
                // applies it before any bundle's changelog
                LOG.debug("未记录 {} 的摘要：{}", changelog, e.getMessage());
            } else {
                LOG.warn("未记录数据库变更日志 {} 的摘要（下次启动将完整检查）：{}", changelog, e.getMessage());
            }
            return false;
        }
    }

    private static int update(Connection c, String changelog, String digest) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE SV_SCHEMA_DIGEST SET DIGEST = ?, APPLIED = " + HISTORY + ", RECORDED = CURRENT_TIMESTAMP"
                        + " WHERE CHANGELOG = ?")) {
            s.setString(1, digest);
            s.setString(2, changelog);
            s.setString(3, changelog);
            return s.executeUpdate();
        }
    }

    private static void insert(Connection c, String changelog, String digest) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO SV_SCHEMA_DIGEST (CHANGELOG, DIGEST, APPLIED, RECORDED)"
                        + " VALUES (?, ?, " + HISTORY + ", CURRENT_TIMESTAMP)")) {
            s.setString(1, changelog);
            s.setString(2, digest);
            s.setString(3, changelog);
            s.executeUpdate();
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
            // another node recorded it between our update and insert: it applied the same changelog (or another
            // version of it, which only costs the next start a full check)
            LOG.debug("{} 的摘要已由另一节点记录", changelog);
        }
    }
}
