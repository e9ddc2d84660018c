package cn.supervision.schema.internal;

import javax.sql.DataSource;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.wiring.BundleWiring;

import cn.supervision.api.schema.SchemaMigrations;

/** One {@link SchemaMigrations} per using bundle, reading that bundle's changelogs (after the platform's own, {@link OwnTables}, and
 * those of every bundle installed at the time, {@link InstalledChangelogs}). */
public final class BundleMigrations implements ServiceFactory<SchemaMigrations> {
    private final Migrator migrator;
    private final OwnTables own;
    private final InstalledChangelogs installed;

    public BundleMigrations(DataSource dataSource, BundleContext context) {
        this.migrator = new Migrator(dataSource);
        this.own = new OwnTables(migrator);
        this.installed = new InstalledChangelogs(migrator, InstalledChangelogs.of(context));
    }

    @Override
    public SchemaMigrations getService(Bundle bundle, ServiceRegistration<SchemaMigrations> registration) {
        return new Migrations(migrator, own, installed, bundle.adapt(BundleWiring.class).getClassLoader(), bundle.getSymbolicName());
    }

    @Override
    public void ungetService(Bundle bundle, ServiceRegistration<SchemaMigrations> registration, SchemaMigrations service) {
        // nothing held per bundle
    }
}
