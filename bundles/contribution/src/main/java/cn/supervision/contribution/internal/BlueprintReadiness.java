package cn.supervision.contribution.internal;

import java.net.URL;
import java.util.Enumeration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bundle's CUSTOM rules are Blueprint services, so what uses them is validated once its container is up. The container
 * announces itself as a service, registered by the bundle it belongs to; a tracker completes a future on that event, so
 * no thread waits for it.
 */
final class BlueprintReadiness {
    private static final Logger LOG = LoggerFactory.getLogger(BlueprintReadiness.class);
    static final long TIMEOUT_SECONDS = 30;

    private final BundleContext context;

    BlueprintReadiness(BundleContext context) {
        this.context = context;
    }

    /** Completes when the bundle's container is registered, at once for a bundle without Blueprint, after 30 s regardless. */
    CompletableFuture<Void> of(Bundle bundle) {
        Enumeration<URL> blueprint = bundle.findEntries("OSGI-INF/blueprint", "*.xml", false);
        if (blueprint == null || !blueprint.hasMoreElements()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Boolean> up = new CompletableFuture<>();
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context, filter(bundle.getSymbolicName()),
                new ServiceTrackerCustomizer<>() {
                    @Override
                    public Object addingService(ServiceReference<Object> reference) {
                        // the name is not enough: during an update the old and the new revision, or two versions side by
                        // side, share it, and only this bundle object's own container has its CUSTOM rules
                        if (reference.getBundle() == bundle) {
                            up.complete(true);
                        }
                        return null; // nothing to hold: the registration was all that was wanted
                    }

                    @Override
                    public void modifiedService(ServiceReference<Object> reference, Object service) {
                    }

                    @Override
                    public void removedService(ServiceReference<Object> reference, Object service) {
                    }
                });
        up.completeOnTimeout(false, TIMEOUT_SECONDS, TimeUnit.SECONDS);
        tracker.open(true);
        return up.thenAccept(arrived -> {
            tracker.close();
            if (!arrived) {
                LOG.warn("Blueprint container of {} not up after {} s; validating without its services", bundle.getSymbolicName(),
                        TIMEOUT_SECONDS);
            }
        });
    }

    private Filter filter(String symbolicName) {
        try {
            return context.createFilter("(&(objectClass=org.osgi.service.blueprint.container.BlueprintContainer)"
                    + "(osgi.blueprint.container.symbolicname=" + symbolicName + "))");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
