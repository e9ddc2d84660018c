package cn.supervision.schema.internal;

import java.net.URL;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What platform bundles say they ship as changelogs ({@value #HEADER}, written by the build from
 * {@code db/changelog/*.xml}), read one way whether the bundles are installed ({@link InstalledChangelogs}) or jars of
 * the assembly ({@link NewDatabase}): never a contribution bundle's ({@value #JURISDICTION}: its headers are a county's
 * to write), only paths of the form db/changelog/x.xml, and a path two bundles ship left to the bundles themselves
 * (Liquibase records changesets by path, so it would be one changelog to it).
 */
final class ShippedChangelogs {
    static final String HEADER = "Supervision-Changelogs";
    static final String JURISDICTION = "Supervision-Jurisdiction";
    private static final Pattern CHANGELOG = Pattern.compile("db/changelog/[A-Za-z0-9_.-]+\\.xml");

    /** One bundle as far as its changelogs go. */
    interface Shipper {
        /** The manifest header {@code name}, null without one. */
        String header(String name);

        /** The bundle's own entry at {@code path}, null without one. */
        URL entry(String path);
    }

    private final Map<String, URL> entries = new LinkedHashMap<>();
    private final Set<String> twice = new HashSet<>();

    /** Takes the changelogs {@code shipper} names, unless it is a contribution. */
    void add(Shipper shipper) {
        String header = shipper.header(HEADER);
        if (header == null || shipper.header(JURISDICTION) != null) {
            return;
        }
        for (String path : header.split(",")) {
            path = path.trim();
            URL entry = CHANGELOG.matcher(path).matches() ? shipper.entry(path) : null;
            if (entry != null && entries.putIfAbsent(path, entry) != null) {
                twice.add(path);
            }
        }
    }

    /** path → entry of every changelog added, without those two bundles ship. */
    Map<String, URL> entries() {
        Map<String, URL> once = new LinkedHashMap<>(entries);
        once.keySet().removeAll(twice);
        return once;
    }
}
