package cn.supervision.contribution.internal;

import org.osgi.framework.Bundle;

/** How a bundle came in, read from its location: what the history records as the channel and names the operator by. */
final class Channel {
    static final String UPLOAD_LOCATION = "supervision:upload:";

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
