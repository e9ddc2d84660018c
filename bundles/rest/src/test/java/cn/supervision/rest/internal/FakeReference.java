package cn.supervision.rest.internal;

import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/** A resource service's registration: its id, the resource property, and the bundle that registered it. */
final class FakeReference implements ServiceReference<Object> {
    private final Hashtable<String, Object> properties = new Hashtable<>();
    private final Bundle bundle;

    FakeReference(long serviceId, Bundle bundle) {
        this.bundle = bundle;
        properties.put(Constants.SERVICE_ID, serviceId);
        properties.put(RestGateway.RESOURCE_PROPERTY, "true");
    }

    /** As the Blueprint extender registers a created container. */
    static FakeReference blueprintContainer(long serviceId, Bundle bundle) {
        FakeReference container = new FakeReference(serviceId, bundle);
        container.properties.remove(RestGateway.RESOURCE_PROPERTY);
        container.properties.put(Constants.OBJECTCLASS, new String[] {"org.osgi.service.blueprint.container.BlueprintContainer"});
        return container;
    }

    /** As Blueprint registers a whiteboard servlet. */
    static FakeReference servlet(long serviceId, Bundle bundle, String name, String pattern) {
        FakeReference servlet = new FakeReference(serviceId, bundle);
        servlet.properties.remove(RestGateway.RESOURCE_PROPERTY);
        servlet.properties.put(Constants.OBJECTCLASS, new String[] {"javax.servlet.Servlet"});
        servlet.properties.put("osgi.http.whiteboard.servlet.name", name);
        servlet.properties.put(ServletDeployment.PATTERN, pattern);
        return servlet;
    }

    @Override
    public Object getProperty(String key) {
        return properties.get(key);
    }

    @Override
    public String[] getPropertyKeys() {
        return properties.keySet().toArray(String[]::new);
    }

    @Override
    public Bundle getBundle() {
        return bundle;
    }

    @Override
    public Bundle[] getUsingBundles() {
        return null;
    }

    @Override
    public boolean isAssignableTo(Bundle other, String className) {
        return true;
    }

    @Override
    public int compareTo(Object other) {
        return Long.compare((Long) getProperty(Constants.SERVICE_ID), (Long) ((ServiceReference<?>) other).getProperty(Constants.SERVICE_ID));
    }

    @Override
    public Dictionary<String, Object> getProperties() {
        return new Hashtable<>(properties);
    }

    @Override
    public <A> A adapt(Class<A> type) {
        return null;
    }
}
