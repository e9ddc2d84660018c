package cn.supervision.startup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * Runs once per start, in the startup stage (start level below the features service), to put in place what a new
 * installation lacks before the features service installs the bundles that need it: the HTTPS keystore before Pax Web
 * opens its connector, the embedded database before pax-jdbc-config opens it ({@link DerbyTemplate}). A failure is
 * logged, never thrown: Karaf still boots, Pax Web reports the missing keystore itself, and the bundles' changelogs
 * build a database the template did not provide.
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
        List<Runnable> reports = new ArrayList<>();
        keystore(Path.of(etc, PAX_WEB_CFG), context, reports);
        String home = context.getProperty("karaf.home");
        if (home != null) {
            database(Path.of(etc, DerbyTemplate.DATASOURCE_CFG), Path.of(home, DerbyTemplate.TEMPLATE), context, reports);
        }
        if (!reports.isEmpty()) {
            afterStartup(context, () -> reports.forEach(Runnable::run));
        }
    }

    private static void keystore(Path cfg, BundleContext context, List<Runnable> reports) {
        try {
            Optional<SslSettings> settings = SslSettings.read(cfg, context::getProperty);
            if (settings.isEmpty() || !settings.get().needsKey()) {
                return;
            }
            long t0 = System.nanoTime();
            new SelfSignedKeystore().generate(settings.get());
            long millis = (System.nanoTime() - t0) / 1_000_000;
            reports.add(() -> LOG.warn("HTTPS: no keystore at {}, generated a self-signed key ({} {}, {} days) in {} ms. "
                            + "Browsers will warn about it: install a certificate of your CA (README, section \"TLS certificate\").",
                    settings.get().keystore(), SelfSignedKeystore.KEY_ALGORITHM, SelfSignedKeystore.CURVE,
                    SelfSignedKeystore.VALIDITY_DAYS, millis));
        } catch (Exception e) {
            reports.add(() -> LOG.error("HTTPS: could not generate a self-signed key from {}: {}", cfg, e.getMessage()));
        }
    }

    private static void database(Path cfg, Path template, BundleContext context, List<Runnable> reports) {
        try {
            Optional<Path> database = DerbyTemplate.target(cfg, context::getProperty);
            if (database.isEmpty()) {
                return;
            }
            long t0 = System.nanoTime();
            if (DerbyTemplate.copy(template, database.get())) {
                long millis = (System.nanoTime() - t0) / 1_000_000;
                reports.add(() -> LOG.info("新安装：嵌入式数据库 {} 取自安装包中构建时建好的空库 {}（各模块的表已按变更日志建好），用时 {} ms",
                        database.get(), template, millis));
            }
        } catch (Exception e) {
            reports.add(() -> LOG.warn("新安装：未能复制空库 {}（{}），各模块启动时按变更日志建库", template, e.toString()));
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
