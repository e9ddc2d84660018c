package cn.supervision.rest.internal;

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
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

/** The OpenAPI 3 document of exactly the resources currently published, built once per publication. */
@Hidden
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
            return Json.pretty(reader.read(new LinkedHashSet<>(resourceClasses)));
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
