package cn.supervision.schema.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.schema.SchemaMigrations;

/** A bundle's changelogs applied to the supervision database, after the platform's own tables. */
final class Migrations implements SchemaMigrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    private final Migrator migrator;
    private final OwnTables own;
    private final ClassLoader resources;
    private final String bundle;

    Migrations(Migrator migrator, OwnTables own, ClassLoader resources, String bundle) {
        this.migrator = migrator;
        this.own = own;
        this.resources = resources;
        this.bundle = bundle;
    }

    @Override
    public <T> T migrated(T unit, String changelog) {
        own.ensure();
        long start = System.nanoTime();
        Migrator.Outcome outcome = migrator.apply(resources, changelog);
        LOG.info("数据库结构已按 {}（{}）就绪{}，用时 {} ms", changelog, bundle,
                outcome == Migrator.Outcome.UP_TO_DATE ? "（无新变更）" : "", (System.nanoTime() - start) / 1_000_000);
        return unit;
    }
}
