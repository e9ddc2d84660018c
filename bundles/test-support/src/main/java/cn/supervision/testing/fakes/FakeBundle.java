package cn.supervision.testing.fakes;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.security.cert.X509Certificate;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;

/**
 * An OSGi {@link Bundle} that answers nothing: every method throws, so a test subclasses it anonymously and overrides
 * only what the code under test asks (an id, entries, an adaptation); the compiler checks those overrides against the
 * interface.
 */
public class FakeBundle implements Bundle {
    @Override
    public int getState() {
        throw unused("getState");
    }

    @Override
    public void start(int options) throws BundleException {
        throw unused("start");
    }

    @Override
    public void start() throws BundleException {
        throw unused("start");
    }

    @Override
    public void stop(int options) throws BundleException {
        throw unused("stop");
    }

    @Override
    public void stop() throws BundleException {
        throw unused("stop");
    }

    @Override
    public void update(InputStream input) throws BundleException {
        throw unused("update");
    }

    @Override
    public void update() throws BundleException {
        throw unused("update");
    }

    @Override
    public void uninstall() throws BundleException {
        throw unused("uninstall");
    }

    @Override
    public Dictionary<String, String> getHeaders() {
        throw unused("getHeaders");
    }

    @Override
    public long getBundleId() {
        throw unused("getBundleId");
    }

    @Override
    public String getLocation() {
        throw unused("getLocation");
    }

    @Override
    public ServiceReference<?>[] getRegisteredServices() {
        throw unused("getRegisteredServices");
    }

    @Override
    public ServiceReference<?>[] getServicesInUse() {
        throw unused("getServicesInUse");
    }

    @Override
    public boolean hasPermission(Object permission) {
        throw unused("hasPermission");
    }

    @Override
    public URL getResource(String name) {
        throw unused("getResource");
    }

    @Override
    public Dictionary<String, String> getHeaders(String locale) {
        throw unused("getHeaders");
    }

    @Override
    public String getSymbolicName() {
        throw unused("getSymbolicName");
    }

    @Override
    public Class<?> loadClass(String name) throws ClassNotFoundException {
        throw unused("loadClass");
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        throw unused("getResources");
    }

    @Override
    public Enumeration<String> getEntryPaths(String path) {
        throw unused("getEntryPaths");
    }

    @Override
    public URL getEntry(String path) {
        throw unused("getEntry");
    }

    @Override
    public long getLastModified() {
        throw unused("getLastModified");
    }

    @Override
    public Enumeration<URL> findEntries(String path, String filePattern, boolean recurse) {
        throw unused("findEntries");
    }

    @Override
    public BundleContext getBundleContext() {
        throw unused("getBundleContext");
    }

    @Override
    public Map<X509Certificate, List<X509Certificate>> getSignerCertificates(int signersType) {
        throw unused("getSignerCertificates");
    }

    @Override
    public Version getVersion() {
        throw unused("getVersion");
    }

    @Override
    public <A> A adapt(Class<A> type) {
        throw unused("adapt");
    }

    @Override
    public File getDataFile(String filename) {
        throw unused("getDataFile");
    }

    // Comparable<Bundle>

    @Override
    public int compareTo(Bundle other) {
        throw unused("compareTo");
    }

    private static UnsupportedOperationException unused(String method) {
        return new UnsupportedOperationException("Bundle." + method + " is not used by this test");
    }
}
