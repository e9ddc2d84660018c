package cn.supervision.contribution.internal;

import java.util.List;

/**
 * What {@link JarInspector} found in a jar.
 *
 * @param malformed why the jar is not a well-formed bundle at all (refused for everyone); empty when it is
 * @param code      why the jar is not purely declarative (each header or entry that could make code run); empty for a
 *                  data bundle
 * @param signature for a jar with code: why its signature is not trusted; empty when every entry is signed by a
 *                  trusted certificate (and for data bundles, which are not checked)
 */
record JarInspection(String symbolicName, String version, String jurisdiction, List<String> malformed, List<String> code,
                     List<String> signature) {

    static JarInspection malformed(List<String> why) {
        return new JarInspection(null, null, null, List.copyOf(why), List.of(), List.of());
    }

    boolean wellFormed() {
        return malformed.isEmpty();
    }

    boolean declarative() {
        return wellFormed() && code.isEmpty();
    }

    /** Code signed by a trusted certificate. */
    boolean trustedCode() {
        return wellFormed() && !code.isEmpty() && signature.isEmpty();
    }

    /** What the framework may resolve: a data bundle, or code the city's trust store vouches for. */
    boolean admissible() {
        return declarative() || trustedCode();
    }
}
