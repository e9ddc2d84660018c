package cn.supervision.schema.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.schema.Changelogs;

/**
 * Applies changelogs to the supervision database for every bundle: an up-to-date changelog costs one query, the rest
 * run one at a time under {@link ChangelogLock}. A migration cut off by its connection going away (the DataSource
 * being replaced at boot) runs again on a new connection instead of failing the bundle's Blueprint container, which
 * would leave every bundle that needs that one waiting.
 */
final class Migrator {
    private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);
    static final int ATTEMPTS = 5;

    enum Outcome { UP_TO_DATE, APPLIED }

    private final DataSource dataSource;
    /** Bundles start in parallel; within one JVM they take turns (Liquibase's lock table creation races otherwise). */
    private final Object oneAtATime = new Object();

    Migrator(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Outcome apply(ClassLoader resources, String changelog) {
        if (resources.getResource(changelog) == null) {
            throw new IllegalStateException("没有数据库变更日志 " + changelog);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return once(resources, changelog);
            } catch (SQLException | RuntimeException e) {
                if (attempt == ATTEMPTS || !ConnectionLoss.in(e)) {
                    throw e instanceof RuntimeException ? (RuntimeException) e
                            : new IllegalStateException("数据库变更 " + changelog + " 失败：" + e.getMessage(), e);
                }
                LOG.warn("数据库变更 {} 时连接断开（{}），用新连接重试（第 {} 次）", changelog, e.getMessage(), attempt + 1);
                pause(attempt);
            }
        }
    }

    private Outcome once(ClassLoader resources, String changelog) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (Recorded.upToDate(c, resources, changelog)) {
                return Outcome.UP_TO_DATE;
            }
            synchronized (oneAtATime) {
                try (ChangelogLock lock = ChangelogLock.take(c)) {
                    Changelogs.update(c, resources, changelog);
                }
            }
            return Outcome.APPLIED;
        }
    }

    private static void pause(int attempt) {
        try {
            TimeUnit.MILLISECONDS.sleep(200L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("数据库变更被中断", e);
        }
    }
}
