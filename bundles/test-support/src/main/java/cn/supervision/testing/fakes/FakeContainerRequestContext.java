package cn.supervision.testing.fakes;

import java.io.InputStream;
import java.net.URI;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Cookie;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Request;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

/**
 * A JAX-RS {@link ContainerRequestContext} that answers nothing: every method throws, so a test subclasses it (a named
 * class with fields for the headers, properties and the aborted response, or an anonymous one) and overrides only what
 * the filter under test calls; the compiler checks those overrides against the interface.
 */
public class FakeContainerRequestContext implements ContainerRequestContext {
    @Override
    public Object getProperty(String name) {
        throw unused("getProperty");
    }

    @Override
    public Collection<String> getPropertyNames() {
        throw unused("getPropertyNames");
    }

    @Override
    public void setProperty(String name, Object value) {
        throw unused("setProperty");
    }

    @Override
    public void removeProperty(String name) {
        throw unused("removeProperty");
    }

    @Override
    public UriInfo getUriInfo() {
        throw unused("getUriInfo");
    }

    @Override
    public void setRequestUri(URI requestUri) {
        throw unused("setRequestUri");
    }

    @Override
    public void setRequestUri(URI baseUri, URI requestUri) {
        throw unused("setRequestUri");
    }

    @Override
    public Request getRequest() {
        throw unused("getRequest");
    }

    @Override
    public String getMethod() {
        throw unused("getMethod");
    }

    @Override
    public void setMethod(String method) {
        throw unused("setMethod");
    }

    @Override
    public MultivaluedMap<String, String> getHeaders() {
        throw unused("getHeaders");
    }

    @Override
    public String getHeaderString(String name) {
        throw unused("getHeaderString");
    }

    @Override
    public Date getDate() {
        throw unused("getDate");
    }

    @Override
    public Locale getLanguage() {
        throw unused("getLanguage");
    }

    @Override
    public int getLength() {
        throw unused("getLength");
    }

    @Override
    public MediaType getMediaType() {
        throw unused("getMediaType");
    }

    @Override
    public List<MediaType> getAcceptableMediaTypes() {
        throw unused("getAcceptableMediaTypes");
    }

    @Override
    public List<Locale> getAcceptableLanguages() {
        throw unused("getAcceptableLanguages");
    }

    @Override
    public Map<String, Cookie> getCookies() {
        throw unused("getCookies");
    }

    @Override
    public boolean hasEntity() {
        throw unused("hasEntity");
    }

    @Override
    public InputStream getEntityStream() {
        throw unused("getEntityStream");
    }

    @Override
    public void setEntityStream(InputStream stream) {
        throw unused("setEntityStream");
    }

    @Override
    public SecurityContext getSecurityContext() {
        throw unused("getSecurityContext");
    }

    @Override
    public void setSecurityContext(SecurityContext context) {
        throw unused("setSecurityContext");
    }

    @Override
    public void abortWith(Response response) {
        throw unused("abortWith");
    }

    private static UnsupportedOperationException unused(String method) {
        return new UnsupportedOperationException("ContainerRequestContext." + method + " is not used by this test");
    }
}
