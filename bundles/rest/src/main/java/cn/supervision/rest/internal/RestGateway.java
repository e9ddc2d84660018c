package cn.supervision.rest.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.cxf.Bus;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
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
 * and problem mapping, and one OpenAPI document describing all of them. When resource bundles come or go
 * the server is re-published with the new set; nothing else restarts.
 */
public class RestGateway {
    public static final String RESOURCE_PROPERTY = "supervision.rest.resource";
    private static final Logger LOG = LoggerFactory.getLogger(RestGateway.class);

    private final BundleContext context;
    private final Bus bus;
    private final String address;
    private final List<Object> providers;
    private final List<Object> ownResources;
    /** Ordered by service id, so the published order (and the OpenAPI document) does not depend on timing. */
    private final Map<ServiceReference<?>, Object> resources =
            new TreeMap<>(Comparator.comparingLong(r -> (Long) r.getProperty(Constants.SERVICE_ID)));
    private ServiceTracker<Object, Object> tracker;
    private Server server;

    public RestGateway(BundleContext context, Bus bus, String address, List<Object> providers, List<Object> ownResources) {
        this.context = context;
        this.bus = bus;
        this.address = address;
        this.providers = providers;
        this.ownResources = ownResources;
    }

    public void start() throws InvalidSyntaxException {
        Filter filter = context.createFilter("(" + RESOURCE_PROPERTY + "=*)");
        tracker = new ServiceTracker<>(context, filter, null) {
            @Override
            public Object addingService(ServiceReference<Object> ref) {
                Object resource = context.getService(ref);
                synchronized (RestGateway.this) {
                    resources.put(ref, resource);
                    publish();
                }
                return resource;
            }

            @Override
            public void removedService(ServiceReference<Object> ref, Object resource) {
                synchronized (RestGateway.this) {
                    resources.remove(ref);
                    publish();
                }
                context.ungetService(ref);
            }
        };
        synchronized (this) {
            publish();
        }
        tracker.open(true);
    }

    public synchronized void stop() {
        if (tracker != null) {
            tracker.close();
        }
        if (server != null) {
            server.destroy();
            server = null;
        }
    }

    /** Must hold the monitor. */
    private void publish() {
        if (server != null) {
            server.destroy();
            server = null;
        }
        List<Object> beans = new ArrayList<>(ownResources);
        beans.addAll(resources.values());
        beans.add(new OpenApiResource(beans.stream().map(Object::getClass).toList()));
        JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
        factory.setBus(bus);
        factory.setAddress(address);
        factory.setServiceBeans(beans);
        factory.setProviders(providers);
        factory.setStart(true);
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(RestGateway.class.getClassLoader());
        try {
            server = factory.create();
            LOG.info("REST API published at {} with {} resource(s): {}", address, beans.size(),
                    beans.stream().map(b -> b.getClass().getSimpleName()).toList());
        } catch (RuntimeException e) {
            LOG.error("Cannot publish the REST API at {}", address, e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
