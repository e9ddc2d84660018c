package cn.supervision.schema.internal;

import java.net.URL;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
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

    private final Map<String, URL> entries = new LinkedHashMap<>();
    private final Set<String> twice = new HashSet<>();

    /**
     * Takes the changelogs a bundle names, unless it is a contribution: {@code headers} its manifest headers by name,
     * {@code files} its own entries by path (null without one).
     */
    void add(Function<String, String> headers, Function<String, URL> files) {
        String header = headers.apply(HEADER);
        if (header == null || headers.apply(JURISDICTION) != null) {
            return;
        }
        for (String path : header.split(",")) {
            path = path.trim();
            URL entry = CHANGELOG.matcher(path).matches() ? files.apply(path) : null;
            if (entry != null && entries.putIfAbsent(path, entry) != null) {
                twice.add(path);
            }
        }
    }

    /** Paths two bundles ship, left out of {@link #entries}. */
    Set<String> shippedTwice() {
        return Set.copyOf(twice);
    }

    /** path → entry of every changelog added, without those two bundles ship. */
    Map<String, URL> entries() {
        Map<String, URL> once = new LinkedHashMap<>(entries);
        once.keySet().removeAll(twice);
        return once;
    }
}
