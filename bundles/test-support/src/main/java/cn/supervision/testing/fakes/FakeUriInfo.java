package cn.supervision.testing.fakes;

import java.net.URI;
import java.util.List;

import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.PathSegment;
import javax.ws.rs.core.UriBuilder;
import javax.ws.rs.core.UriInfo;

/**
 * A JAX-RS {@link UriInfo} that answers nothing: every method throws, so a test subclasses it anonymously and overrides
 * only what the code under test calls (the compiler checks those overrides); unsubclassed it stands for a URI that
 * must not be read at all.
 */
public class FakeUriInfo implements UriInfo {
    @Override
    public String getPath() {
        throw unused("getPath");
    }

    @Override
    public String getPath(boolean decode) {
        throw unused("getPath");
    }

    @Override
    public List<PathSegment> getPathSegments() {
        throw unused("getPathSegments");
    }

    @Override
    public List<PathSegment> getPathSegments(boolean decode) {
        throw unused("getPathSegments");
    }

    @Override
    public URI getRequestUri() {
        throw unused("getRequestUri");
    }

    @Override
    public UriBuilder getRequestUriBuilder() {
        throw unused("getRequestUriBuilder");
    }

    @Override
    public URI getAbsolutePath() {
        throw unused("getAbsolutePath");
    }

    @Override
    public UriBuilder getAbsolutePathBuilder() {
        throw unused("getAbsolutePathBuilder");
    }

    @Override
    public URI getBaseUri() {
        throw unused("getBaseUri");
    }

    @Override
    public UriBuilder getBaseUriBuilder() {
        throw unused("getBaseUriBuilder");
    }

    @Override
    public MultivaluedMap<String, String> getPathParameters() {
        throw unused("getPathParameters");
    }

    @Override
    public MultivaluedMap<String, String> getPathParameters(boolean decode) {
        throw unused("getPathParameters");
    }

    @Override
    public MultivaluedMap<String, String> getQueryParameters() {
        throw unused("getQueryParameters");
    }

    @Override
    public MultivaluedMap<String, String> getQueryParameters(boolean decode) {
        throw unused("getQueryParameters");
    }

    @Override
    public List<String> getMatchedURIs() {
        throw unused("getMatchedURIs");
    }

    @Override
    public List<String> getMatchedURIs(boolean decode) {
        throw unused("getMatchedURIs");
    }

    @Override
    public List<Object> getMatchedResources() {
        throw unused("getMatchedResources");
    }

    @Override
    public URI resolve(URI uri) {
        throw unused("resolve");
    }

    @Override
    public URI relativize(URI uri) {
        throw unused("relativize");
    }

    private static UnsupportedOperationException unused(String method) {
        return new UnsupportedOperationException("UriInfo." + method + " is not used by this test");
    }
}
