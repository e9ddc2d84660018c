package cn.supervision.rest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import cn.supervision.api.health.HealthIndicator;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * UP only when every required component (persistence-backed registry, SOAP endpoints, …) is registered
 * and reports no problem; otherwise 503 with what is missing. Public, for load balancers and scripts.
 */
@Path("/v1/health")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "health", description = "平台运行状态")
public class HealthResource {
    private final List<HealthIndicator> indicators;
    private final List<String> required;

    public HealthResource(List<HealthIndicator> indicators, String required) {
        this.indicators = indicators;
        this.required = List.of(required.split("\\s*,\\s*"));
    }

    @GET
    @Operation(summary = "平台是否就绪", description = "所有必需组件就绪时返回 200 UP，否则 503 DOWN 并说明原因")
    public Response health() {
        Map<String, Object> components = new LinkedHashMap<>();
        boolean up = true;
        for (String name : required) {
            HealthIndicator found = null;
            for (HealthIndicator h : List.copyOf(indicators)) {
                if (name.equals(h.component())) {
                    found = h;
                    break;
                }
            }
            String problem = found == null ? "not registered" : found.problem();
            components.put(name, problem == null ? Map.of("status", "UP") : Map.of("status", "DOWN", "reason", problem));
            up &= problem == null;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("components", components);
        return Response.status(up ? 200 : 503).entity(body).build();
    }
}
