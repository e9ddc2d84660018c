package cn.supervision.schema.internal;

import javax.sql.DataSource;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.wiring.BundleWiring;

import cn.supervision.api.schema.SchemaMigrations;

/** One {@link SchemaMigrations} per using bundle, reading that bundle's changelogs (after the platform's own, {@link OwnTables}). */
public final class BundleMigrations implements ServiceFactory<SchemaMigrations> {
    private final Migrator migrator;
    private final OwnTables own;

    public BundleMigrations(DataSource dataSource) {
        this.migrator = new Migrator(dataSource);
        this.own = new OwnTables(migrator);
    }

    @Override
    public SchemaMigrations getService(Bundle bundle, ServiceRegistration<SchemaMigrations> registration) {
        return new Migrations(migrator, own, bundle.adapt(BundleWiring.class).getClassLoader(), bundle.getSymbolicName());
    }

    @Override
    public void ungetService(Bundle bundle, ServiceRegistration<SchemaMigrations> registration, SchemaMigrations service) {
        // nothing held per bundle
    }
}
