package cn.supervision.tls.keystore;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;
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
    /** The report waiting for the framework to climb past this bundle's start level. */
    private final AtomicReference<Runnable> pending = new AtomicReference<>();

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
            new SelfSignedKeystore().generate(settings.get());
            long millis = (System.nanoTime() - t0) / 1_000_000;
            afterStartup(context, () -> LOG.warn("HTTPS: no keystore at {}, generated a self-signed key ({} {}, {} days) in {} ms. "
                            + "Browsers will warn about it: install a certificate of your CA (README, section \"TLS certificate\").",
                    settings.get().keystore(), SelfSignedKeystore.KEY_ALGORITHM, SelfSignedKeystore.CURVE,
                    SelfSignedKeystore.VALIDITY_DAYS, millis));
        } catch (Exception e) {
            afterStartup(context, () -> LOG.error("HTTPS: could not generate a self-signed key from {}: {}", cfg, e.getMessage()));
        }
    }

    /**
     * Runs {@code report} once the framework has finished climbing through this bundle's start level, or now if this
     * bundle is started later. It starts before Pax Logging has read etc/org.ops4j.pax.logging.cfg: a line logged then
     * goes to the JVM's standard output, which bin/start discards, instead of data/log/karaf.log. (Karaf raises the
     * start level in one step after its lock is taken, so the event is a start level change rather than STARTED.)
     */
    void afterStartup(BundleContext context, Runnable report) {
        FrameworkStartLevel framework = context.getBundle(0).adapt(FrameworkStartLevel.class);
        BundleStartLevel own = context.getBundle().adapt(BundleStartLevel.class);
        if (framework == null || own == null || framework.getStartLevel() > own.getStartLevel()) {
            report.run();
            return;
        }
        pending.set(report);
        context.addFrameworkListener(new FrameworkListener() {
            @Override
            public void frameworkEvent(FrameworkEvent event) {
                if (event.getType() == FrameworkEvent.STARTED || event.getType() == FrameworkEvent.STARTLEVEL_CHANGED) {
                    try {
                        context.removeFrameworkListener(this);
                    } catch (IllegalStateException stopped) {
                        // the framework removes a stopped bundle's listeners itself
                    }
                    reportPending();
                }
            }
        });
    }

    /** Stopped before the start level was reached (a refresh during the first start): the listener goes, the report not. */
    @Override
    public void stop(BundleContext context) {
        reportPending();
    }

    private void reportPending() {
        Runnable report = pending.getAndSet(null);
        if (report != null) {
            report.run();
        }
    }
}
