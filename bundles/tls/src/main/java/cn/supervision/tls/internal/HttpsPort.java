package cn.supervision.tls.internal;

import java.io.IOException;
import java.util.Dictionary;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The port Pax Web serves HTTPS on, read from its own configuration ({@code etc/org.ops4j.pax.web.cfg}) when a redirect is
 * built, so the port is configured in one place. Listing configurations does not bind them to this bundle.
 */
final class HttpsPort {
    static final String PAX_WEB_PID = "org.ops4j.pax.web";
    static final String SECURE_PORT = "org.osgi.service.http.port.secure";
    static final int DEFAULT = 8443;

    private final ConfigurationAdmin configurations;

    HttpsPort(ConfigurationAdmin configurations) {
        this.configurations = configurations;
    }

    int get() {
        try {
            Configuration[] found = configurations.listConfigurations("(service.pid=" + PAX_WEB_PID + ")");
            if (found == null || found.length == 0) {
                return DEFAULT;
            }
            Dictionary<String, Object> p = found[0].getProperties();
            Object port = p == null ? null : p.get(SECURE_PORT);
            return port == null ? DEFAULT : Integer.parseInt(port.toString().trim());
        } catch (IOException | InvalidSyntaxException | NumberFormatException e) {
            return DEFAULT;
        }
    }
}
