package cn.supervision.platform.internal;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keeps a feed location's credentials ({@code https://user:password@host/...}) out of everything that is shown:
 * listings, run records, log lines and the messages of exceptions that embed a URI. Everything that leaves a feed
 * as text goes through {@link #scrub}.
 */
final class HttpFeedLocation {
    private static final String MASK = "***";
    /** Userinfo of any URL in a text: from "scheme://" to the last '@' before the next '/', '?', '#' or blank. */
    private static final Pattern USER_INFO = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://)[^/?#\\s]*@");

    private HttpFeedLocation() {
    }

    /** A location as it may be shown or logged: credentials replaced by ***. */
    static String masked(String location) {
        return location == null ? null : USER_INFO.matcher(location).replaceAll("$1" + MASK + "@");
    }

    /**
     * A text (an error, a run record's message, a log line) with the userinfo of every URL in it masked and any
     * appearance of the location's password, raw or decoded, replaced too (a library may quote it on its own).
     */
    static String scrub(String text, String location) {
        if (text == null) {
            return null;
        }
        String out = masked(text);
        for (String secret : secrets(location)) {
            out = out.replace(secret, MASK);
        }
        return out;
    }

    /** The password of a location's userinfo as written and percent-decoded; empty when there is none. */
    private static Set<String> secrets(String location) {
        Set<String> secrets = new LinkedHashSet<>();
        if (location == null) {
            return secrets;
        }
        int scheme = location.indexOf("://");
        if (scheme < 0) {
            return secrets;
        }
        // the last '@' ends the userinfo even when the password holds an unencoded '/' (over-masking is harmless)
        int at = location.lastIndexOf('@');
        if (at <= scheme + 3) {
            return secrets;
        }
        String userInfo = location.substring(scheme + 3, at);
        int colon = userInfo.indexOf(':');
        String password = colon < 0 ? "" : userInfo.substring(colon + 1);
        // short secrets would blank out ordinary words; the userinfo itself is masked by pattern anyway
        if (password.length() >= 4) {
            secrets.add(password);
            try {
                secrets.add(URLDecoder.decode(password.replace("+", "%2B"), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // not percent-encoded: the raw form is all there is
            }
        }
        return secrets;
    }

    /** Scheme, host and port: credentials go only where the location itself points. */
    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }
}
