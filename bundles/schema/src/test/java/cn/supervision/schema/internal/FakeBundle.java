package cn.supervision.schema.internal;

import java.io.File;
import java.io.InputStream;
import java.net.URL;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;

/** A bundle that has a name, an id, a state, manifest headers and entries; whatever else it is asked is not needed here. */
final class FakeBundle implements Bundle {
    private final long id;
    private final String symbolicName;
    private final Hashtable<String, String> headers = new Hashtable<>();
    int state = Bundle.ACTIVE;
    private final Map<String, URL> entries = new HashMap<>();

    FakeBundle(long id, String symbolicName) {
        this.id = id;
        this.symbolicName = symbolicName;
        headers.put("Bundle-SymbolicName", symbolicName);
    }

    FakeBundle header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** A file of the bundle, at {@code path} inside it. */
    FakeBundle entry(String path, URL content) {
        entries.put(path, content);
        return this;
    }

    FakeBundle state(int state) {
        this.state = state;
        return this;
    }

    @Override
    public int getState() {
        return state;
    }

    @Override
    public Dictionary<String, String> getHeaders() {
        return getHeaders(null);
    }

    @Override
    public Dictionary<String, String> getHeaders(String locale) {
        return new Hashtable<>(headers);
    }

    @Override
    public long getBundleId() {
        return id;
    }

    @Override
    public String getSymbolicName() {
        return symbolicName;
    }

    @Override
    public Enumeration<URL> findEntries(String path, String filePattern, boolean recurse) {
        return null;
    }

    @Override
    public Version getVersion() {
        return Version.emptyVersion;
    }

    @Override
    public String getLocation() {
        return "fake:" + symbolicName;
    }

    @Override
    public int compareTo(Bundle o) {
        return Long.compare(id, o.getBundleId());
    }

    @Override
    public String toString() {
        return symbolicName + " [" + id + "]";
    }

    @Override
    public void start(int options) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void start() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void stop(int options) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void stop() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void update(InputStream input) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void update() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void uninstall() {
        throw new UnsupportedOperationException();
    }

    @Override
    public ServiceReference<?>[] getRegisteredServices() {
        return null;
    }

    @Override
    public ServiceReference<?>[] getServicesInUse() {
        return null;
    }

    @Override
    public boolean hasPermission(Object permission) {
        return true;
    }

    @Override
    public URL getResource(String name) {
        return null;
    }

    @Override
    public Class<?> loadClass(String name) throws ClassNotFoundException {
        throw new ClassNotFoundException(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) {
        return Collections.emptyEnumeration();
    }

    @Override
    public Enumeration<String> getEntryPaths(String path) {
        return null;
    }

    @Override
    public URL getEntry(String path) {
        return entries.get(path);
    }

    @Override
    public long getLastModified() {
        return 0;
    }

    @Override
    public BundleContext getBundleContext() {
        return null;
    }

    @Override
    public Map<X509Certificate, List<X509Certificate>> getSignerCertificates(int signersType) {
        return Map.of();
    }

    @Override
    public <A> A adapt(Class<A> type) {
        return null;
    }

    @Override
    public File getDataFile(String filename) {
        return null;
    }
}
