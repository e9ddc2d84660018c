package cn.supervision.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.CompositeResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Liquibase as the platform runs it: changelogs read from a given class loader (a bundle's, or the test class path),
 * Liquibase's own plugins found next to Liquibase (it lives inside this bundle, so no OSGi service-loader mediator is
 * needed), progress to the log rather than the console, and no usage report sent anywhere.
 */
public final class Changelogs {
    /** The platform's own tables (SV_LOCK), a resource of this bundle, applied before any bundle's changelog. */
    public static final String OWN = "db/changelog/schema.xml";

    private Changelogs() {
    }

    /** Applies what {@code changelog} (a resource of {@code resources}) has not applied yet, on an open connection, which
     * stays open, with its auto-commit mode as it was. */
    public static void update(Connection c, ClassLoader resources, String changelog) {
        update(c, resources, List.of(changelog));
    }

    /**
     * Applies what {@code changelogs} (resources of {@code resources}, applied in this order) have not applied yet, in
     * one Liquibase update: several are read through a changelog made here that includes each by its path, so every
     * changeset is recorded under its own changelog's path as if that had been applied alone.
     */
    public static void update(Connection c, ClassLoader resources, List<String> changelogs) {
        boolean autoCommit;
        try {
            autoCommit = c.getAutoCommit();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        try {
            if (changelogs.size() == 1) {
                apply(c, resources, changelogs.get(0), null, changelogs.get(0));
            } else {
                apply(c, resources, IncludingChangelog.PATH, new IncludingChangelog(changelogs), changelogs.size() + " 个变更日志");
            }
        } finally {
            try {
                if (!c.getAutoCommit()) {
                    c.commit(); // Liquibase's existence checks leave a read transaction open
                }
                c.setAutoCommit(autoCommit);
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
    }

    private static void apply(Connection c, ClassLoader resources, String changelog, ResourceAccessor extra, String what) {
        inScope(resources, extra, () -> {
            Database db = database(c);
            new CommandScope(UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, db)
                    .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog)
                    .execute();
            return null;
        }, what);
    }

    /** Liquibase's view of an open connection; closing it would close {@code c}. */
    public static Database database(Connection c) throws Exception {
        return DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
    }

    /** Runs {@code work} with Liquibase configured as described above. */
    public static <T> T inScope(ClassLoader resources, Scope.ScopedRunnerWithReturn<T> work, String what) {
        return inScope(resources, null, work, what);
    }

    private static <T> T inScope(ClassLoader resources, ResourceAccessor extra, Scope.ScopedRunnerWithReturn<T> work,
                                 String what) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        ClassLoader liquibase = Scope.class.getClassLoader();
        thread.setContextClassLoader(liquibase); // the root scope, made once, finds Liquibase's plugins through it
        try {
            Map<String, Object> values = new HashMap<>();
            values.put(Scope.Attr.classLoader.name(), liquibase);
            // the changelog from the bundle, Liquibase's XSDs from Liquibase (never from the network)
            CompositeResourceAccessor accessor = new CompositeResourceAccessor(
                    new ClassLoaderResourceAccessor(resources), new ClassLoaderResourceAccessor(liquibase));
            if (extra != null) {
                accessor.addResourceAccessor(extra);
            }
            values.put(Scope.Attr.resourceAccessor.name(), accessor);
            values.put(Scope.Attr.ui.name(), new LoggerUIService());
            values.put("liquibase.analytics.enabled", Boolean.FALSE);
            values.put("liquibase.showBanner", Boolean.FALSE);
            return Scope.child(values, work);
        } catch (Exception e) {
            throw new IllegalStateException("数据库变更 " + what + " 失败：" + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(before);
        }
    }
}
