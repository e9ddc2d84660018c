package cn.supervision.rest.internal;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriBuilder;
import javax.ws.rs.core.UriInfo;

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
        javax.ws.rs.core.SecurityContext security;

        ContainerRequestContext context() {
            Routing.CURRENT.set(this);
            UriInfo uriInfo = (UriInfo) Proxy.newProxyInstance(Requests.class.getClassLoader(), new Class<?>[] {UriInfo.class},
                    (p, m, a) -> switch (m.getName()) {
                        case "getQueryParameters" -> {
                            MultivaluedMap<String, String> q = new MultivaluedHashMap<>();
                            if (uri.getRawQuery() != null) {
                                for (String pair : uri.getRawQuery().split("&")) {
                                    String[] kv = pair.split("=", 2);
                                    q.add(kv[0], kv.length > 1 ? kv[1] : "");
                                }
                            }
                            yield q;
                        }
                        case "getRequestUriBuilder" -> UriBuilder.fromUri(uri);
                        case "getRequestUri" -> uri;
                        case "getPath" -> uri.getPath().substring("/services/api/".length());
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
            return (ContainerRequestContext) Proxy.newProxyInstance(Requests.class.getClassLoader(),
                    new Class<?>[] {ContainerRequestContext.class}, (p, m, a) -> switch (m.getName()) {
                        case "getHeaderString" -> headers.get((String) a[0]);
                        case "getMediaType" -> headers.containsKey("Content-Type") ? MediaType.valueOf(headers.get("Content-Type")) : null;
                        case "getEntityStream" -> entity;
                        case "setEntityStream" -> {
                            entity = (InputStream) a[0];
                            yield null;
                        }
                        case "getProperty" -> properties.get((String) a[0]);
                        case "setProperty" -> {
                            properties.put((String) a[0], a[1]);
                            yield null;
                        }
                        case "abortWith" -> {
                            aborted = (Response) a[0];
                            yield null;
                        }
                        case "getUriInfo" -> uriInfo;
                        case "getMethod" -> method;
                        case "getCookies" -> {
                            Map<String, javax.ws.rs.core.Cookie> cookies = new HashMap<>();
                            String header = headers.get("Cookie");
                            if (header != null) {
                                for (String pair : header.split(";")) {
                                    String[] kv = pair.trim().split("=", 2);
                                    cookies.put(kv[0], new javax.ws.rs.core.Cookie(kv[0], kv.length > 1 ? kv[1] : ""));
                                }
                            }
                            yield cookies;
                        }
                        case "getSecurityContext" -> security;
                        case "setSecurityContext" -> {
                            security = (javax.ws.rs.core.SecurityContext) a[0];
                            yield null;
                        }
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
        }
    }

    static final class Answer {
        final MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        int status = 200;
        Object entity;

        ContainerResponseContext context() {
            return (ContainerResponseContext) Proxy.newProxyInstance(Requests.class.getClassLoader(),
                    new Class<?>[] {ContainerResponseContext.class}, (p, m, a) -> switch (m.getName()) {
                        case "getStatus" -> status;
                        case "getEntity" -> entity;
                        case "setEntity" -> {
                            entity = a[0];
                            yield null;
                        }
                        case "getHeaders" -> headers;
                        case "getEntityAnnotations" -> new java.lang.annotation.Annotation[0];
                        case "getMediaType" -> MediaType.APPLICATION_JSON_TYPE;
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
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
