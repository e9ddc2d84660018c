package cn.supervision.schema.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.schema.SchemaMigrations;

/** A bundle's changelogs applied to the supervision database, after the platform's own tables and the changelogs of
 * the bundles installed with it ({@link InstalledChangelogs}). */
final class Migrations implements SchemaMigrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    private final Migrator migrator;
    private final OwnTables own;
    private final InstalledChangelogs installed;
    private final ClassLoader resources;
    private final String bundle;

    Migrations(Migrator migrator, OwnTables own, InstalledChangelogs installed, ClassLoader resources, String bundle) {
        this.migrator = migrator;
        this.own = own;
        this.installed = installed;
        this.resources = resources;
        this.bundle = bundle;
    }

    @Override
    public <T> T migrated(T unit, String changelog) {
        own.ensure();
        installed.ensure();
        long start = System.nanoTime();
        Migrator.Outcome outcome = migrator.apply(resources, changelog);
        LOG.info("数据库结构已按 {}（{}）就绪{}，用时 {} ms", changelog, bundle,
                outcome == Migrator.Outcome.APPLIED ? ""
                        : installed.appliedTogether(changelog) ? "（随各模块一次执行）" : "（无新变更）", (System.nanoTime() - start) / 1_000_000);
        return unit;
    }
}
