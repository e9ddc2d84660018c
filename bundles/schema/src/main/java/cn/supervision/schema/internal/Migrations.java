package cn.supervision.schema.internal;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.schema.SchemaMigrations;
import cn.supervision.schema.Changelogs;

/** A bundle's changelogs applied to the supervision database. */
final class Migrations implements SchemaMigrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    /** Bundles start in parallel; Liquibase's lock table serialises nodes but its first creation races within one. */
    private static final Object ONE_AT_A_TIME = new Object();

    private final DataSource dataSource;
    private final ClassLoader resources;
    private final String bundle;

    Migrations(DataSource dataSource, ClassLoader resources, String bundle) {
        this.dataSource = dataSource;
        this.resources = resources;
        this.bundle = bundle;
    }

    @Override
    public <T> T migrated(T unit, String changelog) {
        long start = System.nanoTime();
        synchronized (ONE_AT_A_TIME) {
            Changelogs.update(dataSource, resources, changelog);
        }
        LOG.info("数据库结构已按 {}（{}）就绪，用时 {} ms", changelog, bundle, (System.nanoTime() - start) / 1_000_000);
        return unit;
    }
}
