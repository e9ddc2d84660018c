package cn.supervision.rest.internal;

import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

import cn.supervision.rest.bounds.Paged;
import cn.supervision.rest.bounds.PublicEndpoint;

/** The OpenAPI 3 document of exactly the resources currently published, built once per publication. */
@Hidden
@PublicEndpoint
@Path("/")
public class OpenApiResource {
    private final List<Class<?>> resourceClasses;
    private volatile String document;

    public OpenApiResource(List<Class<?>> resourceClasses) {
        this.resourceClasses = resourceClasses;
    }

    @GET
    @Path("openapi.json")
    @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
    public String openApi() {
        String d = document;
        if (d == null) {
            d = build();
            document = d;
        }
        return d;
    }

    private String build() {
        OpenAPI base = new OpenAPI()
                .info(new Info().title("职能运行监管平台 API").version("v1")
                        .description("机构编制部门职能运行监管平台：行政区划、监管单位及其三定规定等。"
                                + "除 health 与本文档外，所有接口均需 HTTP Basic 认证，"
                                + "且只能访问当前账号所属行政区划及其下级的数据。错误以 application/problem+json 返回。"))
                .addServersItem(new Server().url("/services/api"))
                .components(new Components().addSecuritySchemes("basicAuth",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basicAuth"));
        Reader reader = new Reader(new SwaggerConfiguration().openAPI(base));
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(OpenApiResource.class.getClassLoader());
        try {
            OpenAPI api = reader.read(new LinkedHashSet<>(resourceClasses));
            describePaging(api);
            return Json.pretty(api);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** The gateway pages {@link Paged} listings itself, so their parameters and headers are added here. */
    private void describePaging(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        for (Class<?> type : resourceClasses) {
            Path root = type.getAnnotation(Path.class);
            for (Method m : type.getMethods()) {
                Path sub = m.getAnnotation(Path.class);
                if (!m.isAnnotationPresent(Paged.class) || !m.isAnnotationPresent(GET.class)) {
                    continue;
                }
                PathItem item = api.getPaths().get(join(root == null ? "" : root.value(), sub == null ? "" : sub.value()));
                Operation op = item == null ? null : item.getGet();
                if (op == null) {
                    continue;
                }
                op.addParametersItem(new QueryParameter().name("offset").description("起始位置（默认 0）")
                        .schema(new IntegerSchema()._default(0).minimum(java.math.BigDecimal.ZERO)));
                op.addParametersItem(new QueryParameter().name("limit")
                        .description("每页条数（默认 " + Paged.DEFAULT_LIMIT + "，最大 " + Paged.MAX_LIMIT + "，超过为 400）")
                        .schema(new IntegerSchema()._default(Paged.DEFAULT_LIMIT).minimum(java.math.BigDecimal.ONE)
                                .maximum(java.math.BigDecimal.valueOf(Paged.MAX_LIMIT))));
                ApiResponse ok = op.getResponses() == null ? null : op.getResponses().get("200");
                if (ok == null && op.getResponses() != null) {
                    ok = op.getResponses().get("default");
                }
                if (ok != null) {
                    ok.addHeaderObject(PagingFilter.TOTAL, new Header().description("总条数").schema(new IntegerSchema()));
                    ok.addHeaderObject("Link", new Header().description("下一页：<…?offset=…&limit=…>; rel=\"next\"")
                            .schema(new StringSchema()));
                }
            }
        }
    }

    static String join(String root, String sub) {
        String path = ("/" + root + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
