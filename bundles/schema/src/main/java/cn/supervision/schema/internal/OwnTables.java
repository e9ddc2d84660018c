package cn.supervision.schema.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.schema.Changelogs;

/**
 * The platform's own tables ({@link Changelogs#OWN}: the named transaction locks of {@code cn.supervision.api.tx}),
 * applied once per start, before the first bundle's changelog: every bundle migrates before it touches its unit, so
 * none can take a lock before the table exists. A failure is the migrating bundle's failure; the next one tries again.
 */
final class OwnTables {
    private static final Logger LOG = LoggerFactory.getLogger(OwnTables.class);

    private final Migrator migrator;
    private volatile boolean applied;

    OwnTables(Migrator migrator) {
        this.migrator = migrator;
    }

    void ensure() {
        if (applied) {
            return;
        }
        synchronized (this) {
            if (!applied) {
                long start = System.nanoTime();
                Migrator.Outcome outcome = migrator.apply(OwnTables.class.getClassLoader(), Changelogs.OWN);
                applied = true;
                LOG.info("数据库结构已按 {}（平台）就绪{}，用时 {} ms", Changelogs.OWN,
                        outcome == Migrator.Outcome.UP_TO_DATE ? "（无新变更）" : "", (System.nanoTime() - start) / 1_000_000);
            }
        }
    }
}
