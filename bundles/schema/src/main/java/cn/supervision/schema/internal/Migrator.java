package cn.supervision.schema.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.schema.Changelogs;

/**
 * Applies changelogs to the supervision database for every bundle: a changelog whose shipped bytes are recorded as
 * applied, its history as long as it was then ({@link Digests}), costs one query and no Liquibase; one that is
 * otherwise up to date ({@link Recorded}) a query and a parse; the rest run one at a time under
 * {@link ChangelogLock}. A migration cut off by its connection going away (the DataSource being replaced at boot)
 * runs again on a new connection instead of failing the bundle's Blueprint container, which would leave every bundle
 * that needs that one waiting.
 */
final class Migrator {
    private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);
    static final int ATTEMPTS = 5;

    enum Outcome { UP_TO_DATE, APPLIED }

    /** Where connections come from: the platform's DataSource, or the build's new database ({@link NewDatabase}). */
    interface Connections {
        Connection open() throws SQLException;
    }

    private final Connections connections;
    /** Bundles start in parallel; within one JVM they take turns (Liquibase's lock table creation races otherwise). */
    private final Object oneAtATime = new Object();

    Migrator(DataSource dataSource) {
        this(dataSource::getConnection);
    }

    Migrator(Connections connections) {
        this.connections = connections;
    }

    Outcome apply(ClassLoader resources, String changelog) {
        if (resources.getResource(changelog) == null) {
            throw new IllegalStateException("没有数据库变更日志 " + changelog);
        }
        String digest = Digests.shipped(resources, changelog);
        return withRetries(changelog, () -> once(resources, changelog, digest));
    }

    /**
     * Applies those of {@code changelogs} (resources of {@code resources}) that are not recorded up to date by their
     * digest in one Liquibase update, and records them; the ones it applied. Changelogs no digest may stand for are
     * left to their bundles.
     */
    List<String> applyTogether(ClassLoader resources, List<String> changelogs) {
        Map<String, String> digests = new LinkedHashMap<>();
        for (String changelog : changelogs) {
            String digest = Digests.shipped(resources, changelog);
            if (digest != null) {
                digests.put(changelog, digest);
            }
        }
        if (digests.isEmpty()) {
            return List.of();
        }
        return withRetries(digests.size() + " 个变更日志", () -> {
            try (Connection c = connections.open()) {
                List<String> pending = new ArrayList<>();
                for (Map.Entry<String, String> d : digests.entrySet()) {
                    if (!Digests.upToDate(c, d.getKey(), d.getValue())) {
                        pending.add(d.getKey());
                    }
                }
                if (pending.isEmpty()) {
                    return List.of();
                }
                synchronized (oneAtATime) {
                    try (ChangelogLock lock = ChangelogLock.take(c)) {
                        Changelogs.update(c, resources, pending);
                    }
                }
                for (String changelog : pending) {
                    Digests.record(c, changelog, digests.get(changelog));
                }
                return pending;
            }
        });
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    private static <T> T withRetries(String what, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.run();
            } catch (SQLException | RuntimeException e) {
                if (attempt == ATTEMPTS || !ConnectionLoss.in(e)) {
                    throw e instanceof RuntimeException ? (RuntimeException) e
                            : new IllegalStateException("数据库变更 " + what + " 失败：" + e.getMessage(), e);
                }
                LOG.warn("数据库变更 {} 时连接断开（{}），用新连接重试（第 {} 次）", what, e.getMessage(), attempt + 1);
                pause(attempt);
            }
        }
    }

    /** {@code digest}: of the changelog as shipped, null where none may be used ({@link Digests#shipped}). */
    private Outcome once(ClassLoader resources, String changelog, String digest) throws SQLException {
        try (Connection c = connections.open()) {
            // before anything that refers to Liquibase (Recorded, Changelogs): on this path none of it is loaded
            if (digest != null && Digests.upToDate(c, changelog, digest)) {
                return Outcome.UP_TO_DATE;
            }
            Outcome outcome;
            if (Recorded.upToDate(c, resources, changelog)) {
                outcome = Outcome.UP_TO_DATE;
            } else {
                synchronized (oneAtATime) {
                    try (ChangelogLock lock = ChangelogLock.take(c)) {
                        Changelogs.update(c, resources, changelog);
                    }
                }
                outcome = Outcome.APPLIED;
            }
            if (digest != null) {
                Digests.record(c, changelog, digest); // only now is every changeset of these bytes known applied
            }
            return outcome;
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
