package cn.supervision.rest.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.cxf.Bus;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.transport.common.gzip.GZIPOutInterceptor;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whiteboard for REST resources: every OSGi service with the property {@value #RESOURCE_PROPERTY} is
 * published under one JAX-RS server at {@code /services/api}, with the platform's authentication, JSON
 * and problem mapping, and one OpenAPI document describing all of them.
 * <p>
 * Resource services come in bursts (about ten during boot, several per bundle update), so a change is published once
 * the set has been quiet for {@value #QUIET_MILLIS} ms (at most {@value #MAX_DELAY_MILLIS} ms after the first change),
 * on one thread. The new server is built completely before it replaces the old one on the same servlet destination, so
 * the address never disappears: requests already running finish on the old chain, the next ones take the new.
 * Answers of {@value #GZIP_THRESHOLD_BYTES} bytes and more are gzipped when the client accepts it.
 */
public class RestGateway {
    public static final String RESOURCE_PROPERTY = "supervision.rest.resource";
    static final long QUIET_MILLIS = 200;
    static final long MAX_DELAY_MILLIS = 2_000;
    /** After a failed publication (a change in the meantime publishes sooner, as usual). */
    static final long RETRY_MILLIS = 5_000;
    /**
     * Answers from this size on are gzipped for clients that accept it (a unit list with mandates is ~35 KB of JSON);
     * below, compression costs more than it saves.
     */
    static final int GZIP_THRESHOLD_BYTES = 1_024;
    private static final Logger LOG = LoggerFactory.getLogger(RestGateway.class);

    private final BundleContext context;
    private final Bus bus;
    private final String address;
    private final List<Object> providers;
    private final ResponseDate responseDate = new ResponseDate();
    private final List<Object> ownResources;
    private final PublicEndpoints endpoints;
    /** Ordered by service id, so the published order (and the OpenAPI document) does not depend on timing. */
    private final Map<ServiceReference<?>, Tracked> resources =
            new TreeMap<>(Comparator.comparingLong(r -> (Long) r.getProperty(Constants.SERVICE_ID)));
    private final ScheduledExecutorService publisher;
    private ServiceTracker<Object, Object> tracker;
    private ScheduledFuture<?> pending;
    private long firstChangeNanos;
    private boolean stopped;
    /** Only the publisher thread (and {@link #stop()} after it ended) touches these. */
    private Server server;
    private int publications;
    /** Service ids of the resources the routing server was built with. */
    private volatile Set<Long> published = Set.of();

    /** A resource service, and whether its bundle may open endpoints (see {@link PublicEndpoints}). */
    private record Tracked(Object resource, boolean platform) {
    }

    public RestGateway(BundleContext context, Bus bus, String address, List<Object> providers, List<Object> ownResources,
                       PublicEndpoints endpoints) {
        this(context, bus, address, providers, ownResources, endpoints, Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "supervision-rest-publication");
            t.setDaemon(true);
            return t;
        }));
    }

    /** {@code publisher}: one thread (tests run its tasks by hand). */
    RestGateway(BundleContext context, Bus bus, String address, List<Object> providers, List<Object> ownResources,
                PublicEndpoints endpoints, ScheduledExecutorService publisher) {
        this.context = context;
        this.bus = bus;
        this.address = address;
        this.providers = providers;
        this.ownResources = ownResources;
        this.endpoints = endpoints;
        this.publisher = publisher;
    }

    public void start() throws InvalidSyntaxException {
        Filter filter = context.createFilter("(" + RESOURCE_PROPERTY + "=*)");
        tracker = new ServiceTracker<>(context, filter, null) {
            @Override
            public Object addingService(ServiceReference<Object> ref) {
                Object resource = context.getService(ref);
                added(ref, resource);
                return resource;
            }

            @Override
            public void removedService(ServiceReference<Object> ref, Object resource) {
                synchronized (RestGateway.this) {
                    resources.remove(ref);
                    // a leaving bundle's resource must stop being routed to soon: no quiet period to wait for
                    changed(0);
                }
                context.ungetService(ref);
            }
        };
        tracker.open(true);
        requestPublication();
    }

    void added(ServiceReference<?> ref, Object resource) {
        boolean platform = PublicEndpoints.platform(ref.getBundle());
        synchronized (this) {
            resources.put(ref, new Tracked(resource, platform));
            changed(QUIET_MILLIS);
        }
    }

    /** Platform bundles with a resource service the routing server does not have yet, for readiness. */
    synchronized List<String> unpublished() {
        Set<Long> routed = published;
        return resources.entrySet().stream()
                .filter(e -> e.getValue().platform() && !routed.contains((Long) e.getKey().getProperty(Constants.SERVICE_ID)))
                .map(e -> e.getKey().getBundle()).filter(b -> b != null).map(b -> b.getSymbolicName()).distinct().toList();
    }

    /** Publishes the current set soon. */
    synchronized void requestPublication() {
        changed(0);
    }

    public void stop() throws InterruptedException {
        synchronized (this) {
            stopped = true;
            if (pending != null) {
                pending.cancel(false);
            }
        }
        if (tracker != null) {
            tracker.close();
        }
        publisher.shutdown();
        if (!publisher.awaitTermination(30, TimeUnit.SECONDS)) {
            LOG.warn("The REST API publication did not end within 30 s");
        }
        if (server != null) {
            server.getDestination().setMessageObserver(null);
            server.destroy();
            server = null;
        }
    }

    /** Must hold the monitor. A change while a publication waits restarts its quiet period, up to the maximum delay. */
    private void changed(long quietMillis) {
        if (stopped) {
            return;
        }
        long now = System.nanoTime();
        if (pending == null || !pending.cancel(false)) {
            firstChangeNanos = now;
        }
        long waited = TimeUnit.NANOSECONDS.toMillis(now - firstChangeNanos);
        pending = publisher.schedule(this::publish, Math.max(0, Math.min(quietMillis, MAX_DELAY_MILLIS - waited)),
                TimeUnit.MILLISECONDS);
    }

    private void publish() {
        List<Object> beans = new ArrayList<>(ownResources);
        List<Class<?>> trusted = new ArrayList<>(ownResources.stream().map(Object::getClass).toList());
        Set<Long> ids = new HashSet<>();
        synchronized (this) {
            if (stopped) {
                return;
            }
            for (ServiceReference<?> ref : resources.keySet()) {
                ids.add((Long) ref.getProperty(Constants.SERVICE_ID));
            }
            for (Tracked t : resources.values()) {
                beans.add(t.resource());
                if (t.platform()) {
                    trusted.add(t.resource().getClass());
                }
            }
        }
        trusted.add(OpenApiResource.class);
        beans.add(new OpenApiResource(beans.stream().map(Object::getClass).toList()));
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(RestGateway.class.getClassLoader());
        try {
            Server next = build(beans);
            endpoints.trust(trusted);
            ServerSwap.replace(bus, server, next);
            server = next;
            published = Set.copyOf(ids);
            publications++;
            LOG.info("REST API published at {} (publication {}) with {} resource(s): {}", address, publications, beans.size(),
                    beans.stream().map(b -> b.getClass().getSimpleName()).toList());
        } catch (RuntimeException e) {
            // the previous server keeps routing, possibly to a resource that has left: try again rather than stay stale
            LOG.error("Cannot publish the REST API at {}; trying again in {} ms", address, RETRY_MILLIS, e);
            synchronized (this) {
                if (!stopped) {
                    firstChangeNanos = System.nanoTime();
                    pending = publisher.schedule(this::publish, RETRY_MILLIS, TimeUnit.MILLISECONDS);
                }
            }
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** Not started: JAX-RS refuses to start a server on a destination that already has one. */
    Server build(List<Object> beans) {
        JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
        factory.setBus(bus);
        factory.setAddress(address);
        factory.setServiceBeans(beans);
        factory.setProviders(providers);
        factory.setStart(false);
        factory.getOutInterceptors().add(new GZIPOutInterceptor(GZIP_THRESHOLD_BYTES));
        factory.getOutInterceptors().add(responseDate);
        return factory.create();
    }

    /** The server routing now (for tests). */
    Server server() {
        return server;
    }

    int publications() {
        return publications;
    }
}
