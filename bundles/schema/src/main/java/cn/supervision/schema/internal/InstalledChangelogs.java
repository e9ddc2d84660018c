package cn.supervision.schema.internal;

import java.net.URL;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.schema.Changelogs;

/**
 * On a new or upgraded database, the changelogs of every platform bundle already resolved are applied in one
 * Liquibase update, before the first bundle's own migration: one at a time, each bundle paid Liquibase's set-up
 * (history and lock tables, lock, release) and the others' Blueprint containers waited behind it, ~1.5 s of a first
 * start for 22 changelogs. A bundle names what it ships in the {@value #HEADER} manifest header (the build writes it
 * from {@code db/changelog/*.xml}); only bundles wired to the schema API are asked, never a contribution bundle, whose
 * headers a county writes. Every start checks each changelog's digest (one SELECT each); only what is not recorded up
 * to date goes to Liquibase. This is a head start only: each bundle still migrates its own changelog when it starts,
 * which then costs the digest check; a changelog that failed here fails there again, in its own bundle. Resolved
 * bundles an operator stopped are migrated too, and in path order rather than start order (no changelog refers to
 * another bundle's tables). Done once per service lifetime: bundles installed later (an update, a hot deploy) migrate
 * on their own. On PostgreSQL with another node migrating, the first bundle waits here for it holding this object's
 * monitor, so the others wait too, as they would for their own pending changelogs.
 */
final class InstalledChangelogs {
    private static final Logger LOG = LoggerFactory.getLogger(InstalledChangelogs.class);
    static final String HEADER = ShippedChangelogs.HEADER;
    private static final String DIRECTORY = "db/changelog/";
    static final String SCHEMA_API = "cn.supervision.api.schema";
    static final String JURISDICTION = ShippedChangelogs.JURISDICTION;
    private static final String PACKAGE_NAMESPACE = "osgi.wiring.package";
    private static final int READY = Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE;

    private final Migrator migrator;
    private final Supplier<Map<String, URL>> shipped;
    private volatile boolean done;
    private volatile Set<String> applied = Set.of();

    InstalledChangelogs(Migrator migrator, Supplier<Map<String, URL>> shipped) {
        this.migrator = migrator;
        this.shipped = shipped;
    }

    /** Changelogs shipped by the resolved bundles of {@code context}'s framework. */
    static Supplier<Map<String, URL>> of(BundleContext context) {
        return () -> shippedBy(InstalledChangelogs::wiredToSchemaApi, context.getBundles());
    }

    /** None: every bundle on its own (tests of one changelog). */
    static InstalledChangelogs none(Migrator migrator) {
        return new InstalledChangelogs(migrator, Map::of);
    }

    void ensure() {
        if (done) {
            return;
        }
        synchronized (this) {
            if (done) {
                return;
            }
            try {
                Map<String, URL> entries = new TreeMap<>(shipped.get());
                entries.remove(Changelogs.OWN); // applied just before, by OwnTables
                if (entries.size() > 1) {
                    long start = System.nanoTime();
                    List<String> together = migrator.applyTogether(new ShippedEntries(entries), List.copyOf(entries.keySet()));
                    applied = Set.copyOf(together);
                    if (!together.isEmpty()) {
                        LOG.info("数据库结构已按 {} 个变更日志一次就绪（{}），用时 {} ms", together.size(),
                                together.stream().map(InstalledChangelogs::name).collect(Collectors.joining("、")),
                                (System.nanoTime() - start) / 1_000_000);
                    }
                }
            } catch (RuntimeException | LinkageError e) {
                // each bundle's own migration runs as before and reports the failure in that bundle
                LOG.warn("合并执行各模块的数据库变更失败，改为逐个执行：{}", e.getMessage());
            } finally {
                done = true;
            }
        }
    }

    /** db/changelog/registry.xml → registry: a log line is cut at 500 characters. */
    static String name(String changelog) {
        String name = changelog.startsWith(DIRECTORY) ? changelog.substring(DIRECTORY.length()) : changelog;
        return name.endsWith(".xml") ? name.substring(0, name.length() - 4) : name;
    }

    /** Whether {@code changelog} was brought up to date by {@link #ensure}. */
    boolean appliedTogether(String changelog) {
        return applied.contains(changelog);
    }

    /**
     * path → entry of every changelog named in the {@value #HEADER} of a resolved platform bundle: one wired to
     * {@value #SCHEMA_API} (the only bundles that migrate at all; a contribution bundle is data and imports nothing),
     * as {@link ShippedChangelogs} reads headers.
     */
    static Map<String, URL> shippedBy(Predicate<Bundle> migrates, Bundle... bundles) {
        ShippedChangelogs shipped = new ShippedChangelogs();
        for (Bundle bundle : bundles) {
            try {
                if ((bundle.getState() & READY) == 0) {
                    continue; // unresolved: it may never start
                }
                Dictionary<String, String> headers = bundle.getHeaders("");
                if (headers.get(HEADER) == null || !migrates.test(bundle)) {
                    continue;
                }
                shipped.add(headers::get, bundle::getEntry);
            } catch (IllegalStateException e) {
                // uninstalled meanwhile: nothing of it to migrate
            }
        }
        return shipped.entries();
    }

    /** Whether {@code bundle} is wired to the package of {@code SchemaMigrations}. */
    static boolean wiredToSchemaApi(Bundle bundle) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        if (wiring == null) {
            return false;
        }
        List<BundleWire> wires = wiring.getRequiredWires(PACKAGE_NAMESPACE);
        if (wires == null) {
            return false; // a wiring a refresh has just disposed of
        }
        for (BundleWire wire : wires) {
            if (SCHEMA_API.equals(wire.getCapability().getAttributes().get(PACKAGE_NAMESPACE))) {
                return true;
            }
        }
        return false;
    }
}
