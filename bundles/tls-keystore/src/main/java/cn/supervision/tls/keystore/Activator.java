package cn.supervision.tls.keystore;

import java.nio.file.Path;
import java.util.Optional;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs once per start, in the startup stage (start level below the features service), so the keystore exists before the
 * features service installs Pax Web and Pax Web opens its HTTPS connector. A failure is logged, never thrown: Karaf still
 * boots and Pax Web reports the missing keystore itself.
 */
public final class Activator implements BundleActivator {
    static final String PAX_WEB_CFG = "org.ops4j.pax.web.cfg";
    private static final Logger LOG = LoggerFactory.getLogger(Activator.class);

    @Override
    public void start(BundleContext context) {
        String etc = context.getProperty("karaf.etc");
        if (etc == null) {
            return;
        }
        Path cfg = Path.of(etc, PAX_WEB_CFG);
        try {
            Optional<SslSettings> settings = SslSettings.read(cfg, context::getProperty);
            if (settings.isEmpty() || !settings.get().needsKey()) {
                return;
            }
            long t0 = System.nanoTime();
            new SelfSignedKeystore(Path.of(System.getProperty("java.home"))).generate(settings.get());
            LOG.warn("HTTPS: no keystore at {}, generated a self-signed key ({} {}, {} days) in {} ms. Browsers will warn about it: "
                            + "install a certificate of your CA (README, section \"TLS certificate\").", settings.get().keystore(),
                    SelfSignedKeystore.KEY_ALGORITHM, SelfSignedKeystore.CURVE, SelfSignedKeystore.VALIDITY_DAYS,
                    (System.nanoTime() - t0) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.error("HTTPS: could not generate a self-signed key from {}: {}", cfg, e.getMessage());
        }
    }

    @Override
    public void stop(BundleContext context) {
        // nothing runs after start
    }
}
