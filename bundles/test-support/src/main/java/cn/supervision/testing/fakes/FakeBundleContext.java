package cn.supervision.testing.fakes;

import java.io.File;
import java.io.InputStream;
import java.util.Collection;
import java.util.Dictionary;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.BundleListener;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

/**
 * An OSGi {@link BundleContext} that answers nothing: every method throws, so a test subclasses it and overrides only
 * what the code under test asks (framework properties, bundles, listeners); the compiler checks those overrides
 * against the interface.
 */
public class FakeBundleContext implements BundleContext {
    @Override
    public String getProperty(String key) {
        throw unused("getProperty");
    }

    @Override
    public Bundle getBundle() {
        throw unused("getBundle");
    }

    @Override
    public Bundle installBundle(String location, InputStream input) throws BundleException {
        throw unused("installBundle");
    }

    @Override
    public Bundle installBundle(String location) throws BundleException {
        throw unused("installBundle");
    }

    @Override
    public Bundle getBundle(long id) {
        throw unused("getBundle");
    }

    @Override
    public Bundle[] getBundles() {
        throw unused("getBundles");
    }

    @Override
    public void addServiceListener(ServiceListener listener, String filter) throws InvalidSyntaxException {
        throw unused("addServiceListener");
    }

    @Override
    public void addServiceListener(ServiceListener listener) {
        throw unused("addServiceListener");
    }

    @Override
    public void removeServiceListener(ServiceListener listener) {
        throw unused("removeServiceListener");
    }

    @Override
    public void addBundleListener(BundleListener listener) {
        throw unused("addBundleListener");
    }

    @Override
    public void removeBundleListener(BundleListener listener) {
        throw unused("removeBundleListener");
    }

    @Override
    public void addFrameworkListener(FrameworkListener listener) {
        throw unused("addFrameworkListener");
    }

    @Override
    public void removeFrameworkListener(FrameworkListener listener) {
        throw unused("removeFrameworkListener");
    }

    @Override
    public ServiceRegistration<?> registerService(String[] types, Object service, Dictionary<String, ?> properties) {
        throw unused("registerService");
    }

    @Override
    public ServiceRegistration<?> registerService(String type, Object service, Dictionary<String, ?> properties) {
        throw unused("registerService");
    }

    @Override
    public <S> ServiceRegistration<S> registerService(Class<S> type, S service, Dictionary<String, ?> properties) {
        throw unused("registerService");
    }

    @Override
    public <S> ServiceRegistration<S> registerService(Class<S> type, ServiceFactory<S> factory,
            Dictionary<String, ?> properties) {
        throw unused("registerService");
    }

    @Override
    public ServiceReference<?>[] getServiceReferences(String type, String filter) throws InvalidSyntaxException {
        throw unused("getServiceReferences");
    }

    @Override
    public ServiceReference<?>[] getAllServiceReferences(String type, String filter) throws InvalidSyntaxException {
        throw unused("getAllServiceReferences");
    }

    @Override
    public ServiceReference<?> getServiceReference(String type) {
        throw unused("getServiceReference");
    }

    @Override
    public <S> ServiceReference<S> getServiceReference(Class<S> type) {
        throw unused("getServiceReference");
    }

    @Override
    public <S> Collection<ServiceReference<S>> getServiceReferences(Class<S> type, String filter)
            throws InvalidSyntaxException {
        throw unused("getServiceReferences");
    }

    @Override
    public <S> S getService(ServiceReference<S> reference) {
        throw unused("getService");
    }

    @Override
    public boolean ungetService(ServiceReference<?> reference) {
        throw unused("ungetService");
    }

    @Override
    public <S> ServiceObjects<S> getServiceObjects(ServiceReference<S> reference) {
        throw unused("getServiceObjects");
    }

    @Override
    public File getDataFile(String filename) {
        throw unused("getDataFile");
    }

    @Override
    public Filter createFilter(String filter) throws InvalidSyntaxException {
        throw unused("createFilter");
    }

    @Override
    public Bundle getBundle(String location) {
        throw unused("getBundle");
    }

    private static UnsupportedOperationException unused(String method) {
        return new UnsupportedOperationException("BundleContext." + method + " is not used by this test");
    }
}
