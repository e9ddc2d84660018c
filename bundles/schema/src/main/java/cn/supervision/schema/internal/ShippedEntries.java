package cn.supervision.schema.internal;

import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

/**
 * Changelogs of several bundles seen as the resources of one class loader, each path answered by the bundle that
 * ships it, so that Liquibase can read them all in one update. Nothing else is visible through it (no parent but the
 * JDK's own).
 */
final class ShippedEntries extends ClassLoader {
    private final Map<String, URL> entries;

    ShippedEntries(Map<String, URL> entries) {
        super(null);
        this.entries = Map.copyOf(entries);
    }

    @Override
    protected URL findResource(String name) {
        return entries.get(name);
    }

    @Override
    protected Enumeration<URL> findResources(String name) {
        URL url = entries.get(name);
        return url == null ? Collections.emptyEnumeration() : Collections.enumeration(List.of(url));
    }
}
