package cn.supervision.rest.internal;

import java.io.InputStream;
import java.net.URI;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import io.swagger.v3.oas.annotations.Hidden;

import cn.supervision.rest.bounds.PublicEndpoint;

/** Swagger UI on the OpenAPI document, at /services/api/api-docs/ (public, like the document itself). */
@Hidden
@PublicEndpoint
@Path("/api-docs")
public class SwaggerUiResource {
    private static final Map<String, String> FILES = Map.of(
            "index.html", "text/html;charset=UTF-8",
            "swagger-initializer.js", "application/javascript;charset=UTF-8",
            "swagger-ui-bundle.js", "application/javascript;charset=UTF-8",
            "swagger-ui-standalone-preset.js", "application/javascript;charset=UTF-8",
            "swagger-ui.css", "text/css;charset=UTF-8",
            "index.css", "text/css;charset=UTF-8",
            "favicon-32x32.png", "image/png",
            "favicon-16x16.png", "image/png");

    /** {@code api-docs} redirects to {@code api-docs/} so that the page's relative links resolve; JAX-RS matches both here. */
    @GET
    public Response root(@Context UriInfo uri) {
        String path = uri.getAbsolutePath().toString();
        return path.endsWith("/") ? file("index.html") : Response.seeOther(URI.create(path + "/")).build();
    }

    @GET
    @Path("{file}")
    public Response file(@PathParam("file") String file) {
        String name = file.isEmpty() ? "index.html" : file;
        String type = FILES.get(name);
        InputStream in = type == null ? null : SwaggerUiResource.class.getResourceAsStream("/swagger-ui/" + name);
        if (in == null) {
            return Problems.response(404, "未找到", "没有这个资源", null);
        }
        CacheControl cache = new CacheControl();
        cache.setMaxAge(name.endsWith(".html") || name.equals("swagger-initializer.js") ? 0 : 86_400);
        return Response.ok(in, type).cacheControl(cache).build();
    }
}
