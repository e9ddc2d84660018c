package cn.supervision.rest.internal;

import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Cookie;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriBuilder;
import javax.ws.rs.core.UriInfo;

import cn.supervision.testing.fakes.FakeContainerRequestContext;
import cn.supervision.testing.fakes.FakeContainerResponseContext;
import cn.supervision.testing.fakes.FakeUriInfo;

/** Just enough of a JAX-RS runtime's request and response contexts to drive the gateway's filters. */
final class Requests {
    private Requests() {
    }

    static final class Request {
        final Map<String, String> headers = new HashMap<>();
        final Map<String, Object> properties = new HashMap<>();
        URI uri = URI.create("http://localhost/services/api/v1/things");
        InputStream entity;
        Response aborted;
        String method = "POST";
        SecurityContext security;

        ContainerRequestContext context() {
            Routing.CURRENT.set(this);
            UriInfo uriInfo = new FakeUriInfo() {
                @Override
                public MultivaluedMap<String, String> getQueryParameters() {
                    MultivaluedMap<String, String> q = new MultivaluedHashMap<>();
                    if (uri.getRawQuery() != null) {
                        for (String pair : uri.getRawQuery().split("&")) {
                            String[] kv = pair.split("=", 2);
                            q.add(kv[0], kv.length > 1 ? kv[1] : "");
                        }
                    }
                    return q;
                }

                @Override
                public UriBuilder getRequestUriBuilder() {
                    return UriBuilder.fromUri(uri);
                }

                @Override
                public URI getRequestUri() {
                    return uri;
                }

                @Override
                public String getPath() {
                    return uri.getPath().substring("/services/api/".length());
                }
            };
            return new FakeContainerRequestContext() {
                @Override
                public String getHeaderString(String name) {
                    return headers.get(name);
                }

                @Override
                public MediaType getMediaType() {
                    return headers.containsKey("Content-Type") ? MediaType.valueOf(headers.get("Content-Type")) : null;
                }

                @Override
                public InputStream getEntityStream() {
                    return entity;
                }

                @Override
                public void setEntityStream(InputStream stream) {
                    entity = stream;
                }

                @Override
                public Object getProperty(String name) {
                    return properties.get(name);
                }

                @Override
                public void setProperty(String name, Object value) {
                    properties.put(name, value);
                }

                @Override
                public void abortWith(Response response) {
                    aborted = response;
                }

                @Override
                public UriInfo getUriInfo() {
                    return uriInfo;
                }

                @Override
                public String getMethod() {
                    return method;
                }

                @Override
                public Map<String, Cookie> getCookies() {
                    Map<String, Cookie> cookies = new HashMap<>();
                    String header = headers.get("Cookie");
                    if (header != null) {
                        for (String pair : header.split(";")) {
                            String[] kv = pair.trim().split("=", 2);
                            cookies.put(kv[0], new Cookie(kv[0], kv.length > 1 ? kv[1] : ""));
                        }
                    }
                    return cookies;
                }

                @Override
                public SecurityContext getSecurityContext() {
                    return security;
                }

                @Override
                public void setSecurityContext(SecurityContext context) {
                    security = context;
                }
            };
        }
    }

    static final class Answer {
        final MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        int status = 200;
        Object entity;

        ContainerResponseContext context() {
            return new FakeContainerResponseContext() {
                @Override
                public int getStatus() {
                    return status;
                }

                @Override
                public Object getEntity() {
                    return entity;
                }

                @Override
                public void setEntity(Object replacement, Annotation[] annotations, MediaType mediaType) {
                    entity = replacement;
                }

                @Override
                public MultivaluedMap<String, Object> getHeaders() {
                    return headers;
                }

                @Override
                public Annotation[] getEntityAnnotations() {
                    return new Annotation[0];
                }

                @Override
                public MediaType getMediaType() {
                    return MediaType.APPLICATION_JSON_TYPE;
                }
            };
        }
    }

    /** Endpoints as a publication of these resource classes (all from platform bundles) leaves them. */
    static PublicEndpoints trusting(Class<?>... classes) {
        PublicEndpoints endpoints = new PublicEndpoints();
        endpoints.trust(java.util.List.of(classes));
        return endpoints;
    }

    /** The resource method a request was matched to. */
    static ResourceInfo matched(Class<?> type, String method) {
        return new ResourceInfo() {
            @Override
            public Method getResourceMethod() {
                for (Method m : type.getDeclaredMethods()) {
                    if (m.getName().equals(method)) {
                        return m;
                    }
                }
                throw new IllegalArgumentException(method);
            }

            @Override
            public Class<?> getResourceClass() {
                return type;
            }
        };
    }

    /** Stands for the endpoints a test does not name: matched, but not marked public. */
    static final class Protected {
        @javax.ws.rs.GET
        public void any() {
        }
    }

    /**
     * The method the last request built with {@link Request#context()} reaches, as the runtime's matching would pick it
     * for the gateway's own resources; any other path reaches an unmarked method.
     */
    static final class Routing implements ResourceInfo {
        static final ThreadLocal<Request> CURRENT = new ThreadLocal<>();

        @Override
        public Method getResourceMethod() {
            Request r = CURRENT.get();
            String path = r.uri.getPath().substring("/services/api/".length());
            return switch (path) {
                case "v1/session" -> matched(SessionResource.class, switch (r.method) {
                    case "POST" -> "login";
                    case "GET" -> "whoAmI";
                    default -> "logout";
                }).getResourceMethod();
                case "v1/health" -> matched(HealthResource.class, "health").getResourceMethod();
                case "openapi.json" -> matched(OpenApiResource.class, "openApi").getResourceMethod();
                default -> matched(Protected.class, "any").getResourceMethod();
            };
        }

        @Override
        public Class<?> getResourceClass() {
            return getResourceMethod().getDeclaringClass();
        }
    }
}
