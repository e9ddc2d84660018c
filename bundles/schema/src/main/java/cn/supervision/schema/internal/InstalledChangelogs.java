package cn.supervision.schema.internal;

import java.net.URL;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.schema.Changelogs;

/**
 * On a new or upgraded database, the changelogs of every platform bundle already installed are applied in one
 * Liquibase update, before the first bundle's own migration: one at a time, each bundle paid Liquibase's set-up
 * (history and lock tables, lock, release) and the others' Blueprint containers waited behind it, ~5 s of a first
 * start for 19 changelogs. A bundle names what it ships in the {@value #HEADER} manifest header (the build writes it
 * from {@code db/changelog/*.xml}). This is only a head start: each bundle still migrates its own changelog when it
 * starts, which then costs the digest check; a changelog that failed here fails there again, in its own bundle. Done
 * once per service lifetime: bundles installed later (an update, a hot deploy) migrate on their own.
 */
final class InstalledChangelogs {
    private static final Logger LOG = LoggerFactory.getLogger(InstalledChangelogs.class);
    static final String HEADER = "Supervision-Changelogs";
    private static final String DIRECTORY = "db/changelog/";
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
        return () -> shippedBy(context.getBundles());
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
            } catch (RuntimeException e) {
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
     * path → entry of every changelog named in a resolved bundle's {@value #HEADER}; a path two bundles ship is left
     * to the bundles themselves (Liquibase records changesets by path, so it would be one changelog to it).
     */
    static Map<String, URL> shippedBy(Bundle... bundles) {
        Map<String, URL> entries = new LinkedHashMap<>();
        Set<String> twice = new HashSet<>();
        for (Bundle bundle : bundles) {
            if ((bundle.getState() & READY) == 0) {
                continue; // unresolved: it may never start
            }
            String header = bundle.getHeaders("").get(HEADER);
            if (header == null) {
                continue;
            }
            for (String path : header.split(",")) {
                path = path.trim();
                URL entry = path.isEmpty() ? null : bundle.getEntry(path);
                if (entry != null && entries.putIfAbsent(path, entry) != null) {
                    twice.add(path);
                }
            }
        }
        entries.keySet().removeAll(twice);
        return entries;
    }
}
