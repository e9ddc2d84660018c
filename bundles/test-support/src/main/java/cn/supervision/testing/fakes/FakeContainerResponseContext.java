package cn.supervision.testing.fakes;

import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.net.URI;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.Link;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.NewCookie;
import javax.ws.rs.core.Response;

/**
 * A JAX-RS {@link ContainerResponseContext} that answers nothing: every method throws, so a test subclasses it and
 * overrides only what the filter under test calls; the compiler checks those overrides against the interface.
 */
public class FakeContainerResponseContext implements ContainerResponseContext {
    @Override
    public int getStatus() {
        throw unused("getStatus");
    }

    @Override
    public void setStatus(int code) {
        throw unused("setStatus");
    }

    @Override
    public Response.StatusType getStatusInfo() {
        throw unused("getStatusInfo");
    }

    @Override
    public void setStatusInfo(Response.StatusType statusInfo) {
        throw unused("setStatusInfo");
    }

    @Override
    public MultivaluedMap<String, Object> getHeaders() {
        throw unused("getHeaders");
    }

    @Override
    public MultivaluedMap<String, String> getStringHeaders() {
        throw unused("getStringHeaders");
    }

    @Override
    public String getHeaderString(String name) {
        throw unused("getHeaderString");
    }

    @Override
    public Set<String> getAllowedMethods() {
        throw unused("getAllowedMethods");
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
    public Map<String, NewCookie> getCookies() {
        throw unused("getCookies");
    }

    @Override
    public EntityTag getEntityTag() {
        throw unused("getEntityTag");
    }

    @Override
    public Date getLastModified() {
        throw unused("getLastModified");
    }

    @Override
    public URI getLocation() {
        throw unused("getLocation");
    }

    @Override
    public Set<Link> getLinks() {
        throw unused("getLinks");
    }

    @Override
    public boolean hasLink(String relation) {
        throw unused("hasLink");
    }

    @Override
    public Link getLink(String relation) {
        throw unused("getLink");
    }

    @Override
    public Link.Builder getLinkBuilder(String relation) {
        throw unused("getLinkBuilder");
    }

    @Override
    public boolean hasEntity() {
        throw unused("hasEntity");
    }

    @Override
    public Object getEntity() {
        throw unused("getEntity");
    }

    @Override
    public Class<?> getEntityClass() {
        throw unused("getEntityClass");
    }

    @Override
    public Type getEntityType() {
        throw unused("getEntityType");
    }

    @Override
    public void setEntity(Object entity) {
        throw unused("setEntity");
    }

    @Override
    public void setEntity(Object entity, Annotation[] annotations, MediaType mediaType) {
        throw unused("setEntity");
    }

    @Override
    public Annotation[] getEntityAnnotations() {
        throw unused("getEntityAnnotations");
    }

    @Override
    public OutputStream getEntityStream() {
        throw unused("getEntityStream");
    }

    @Override
    public void setEntityStream(OutputStream stream) {
        throw unused("setEntityStream");
    }

    private static UnsupportedOperationException unused(String method) {
        return new UnsupportedOperationException("ContainerResponseContext." + method + " is not used by this test");
    }
}
