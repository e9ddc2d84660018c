package cn.supervision.schema.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may migrate, taken before Liquibase takes its own lock row (DATABASECHANGELOGLOCK). Liquibase's row outlives a
 * JVM killed while holding it, and Liquibase then waits five minutes and fails. Where it can be known that nobody
 * else is migrating, a LOCKED row is therefore stale and is released here:
 * <ul>
 * <li>embedded Derby: only this JVM can open the database, and within it {@link Migrator} lets one migration run at
 * a time;</li>
 * <li>PostgreSQL (several nodes): a session-level advisory lock, which the server drops with the session of a node
 * that dies, so whoever holds it is the only migrating node;</li>
 * <li>any other database (a Derby network server, say): Liquibase's row alone, with Liquibase's wait.</li>
 * </ul>
 */
abstract class ChangelogLock implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChangelogLock.class);
    /** pg_advisory_lock key of the platform's schema migrations ("SupervLB"). */
    static final long ADVISORY_KEY = 0x5375_7065_7276_4C42L;

    static ChangelogLock take(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        String product = meta.getDatabaseProductName();
        String url = String.valueOf(meta.getURL());
        if ("Apache Derby".equals(product) && url.startsWith("jdbc:derby:") && !url.startsWith("jdbc:derby://")) {
            releaseStale(c, "嵌入式 Derby 只能由本 JVM 打开");
            return new None();
        }
        if ("PostgreSQL".equals(product)) {
            Advisory lock = new Advisory(c);
            releaseStale(c, "持有迁移咨询锁的节点已断开");
            return lock;
        }
        return new None();
    }

    @Override
    public abstract void close();

    /** Frees Liquibase's lock row if it is taken; the caller knows nobody else can be migrating now. */
    static void releaseStale(Connection c, String why) throws SQLException {
        String holder;
        try (PreparedStatement s = c.prepareStatement(
                "SELECT LOCKEDBY, LOCKGRANTED FROM DATABASECHANGELOGLOCK WHERE ID = 1 AND LOCKED = ?")) {
            s.setBoolean(1, true);
            try (ResultSet r = s.executeQuery()) {
                holder = r.next() ? r.getString(1) + "，自 " + r.getTimestamp(2) : null;
            }
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("42")) { // no lock table yet: a new database
                if (!c.getAutoCommit()) {
                    c.rollback(); // PostgreSQL refuses anything more in a transaction that saw an error
                }
                return;
            }
            throw e;
        }
        if (holder != null) {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE DATABASECHANGELOGLOCK SET LOCKED = ?, LOCKGRANTED = NULL, LOCKEDBY = NULL WHERE ID = 1")) {
                s.setBoolean(1, false);
                s.executeUpdate();
            }
            LOG.warn("释放遗留的数据库变更锁（{}，{}）：持有者已不在运行", holder, why);
        }
        endTransaction(c);
    }

    private static void endTransaction(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }

    private static final class None extends ChangelogLock {
        @Override
        public void close() {
            // nothing taken
        }
    }

    private static final class Advisory extends ChangelogLock {
        private final Connection c;

        Advisory(Connection c) throws SQLException {
            this.c = c;
            if (!call("pg_try_advisory_lock")) {
                LOG.info("另一节点正在变更数据库结构，等待其完成");
                call("pg_advisory_lock");
            }
        }

        private boolean call(String function) throws SQLException {
            try (PreparedStatement s = c.prepareStatement("SELECT " + function + "(?)")) {
                s.setLong(1, ADVISORY_KEY);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return !"pg_try_advisory_lock".equals(function) || r.getBoolean(1);
                }
            }
        }

        @Override
        public void close() {
            try {
                call("pg_advisory_unlock");
            } catch (SQLException e) {
                // a lost session has dropped the lock with it
                LOG.debug("pg_advisory_unlock: {}", e.getMessage());
            }
        }
    }
}
