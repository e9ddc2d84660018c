package cn.supervision.contribution.internal;

import org.osgi.framework.Bundle;

/** How a bundle came in, read from its location: what the history records as the channel and names the operator by. */
final class Channel {
    static final String UPLOAD_LOCATION = "supervision:upload:";
    /**
     * Contribution bundles start after the platform's own (level 85, features/feature.xml), so that on a restart the
     * extender and its code gate come up before the bundles they judge: the deploy folder (etc/, fileinstall), the city
     * and demo features, and uploads all use it.
     */
    static final int START_LEVEL = 90;

    private Channel() {
    }

    /** {@code rest} (upload), {@code boot} (a feature), {@code deploy} (the deploy folder) or {@code shell}. */
    static String of(Bundle bundle) {
        String location = bundle.getLocation();
        if (location.startsWith(UPLOAD_LOCATION)) {
            return "rest";
        }
        if (location.startsWith("mvn:")) {
            return "boot";
        }
        return location.contains("/deploy/") ? "deploy" : "shell";
    }

    /** Who acted when no API caller did: the operator, through the channel. */
    static String operator(String channel) {
        return "operator (" + channel + ")";
    }
}
