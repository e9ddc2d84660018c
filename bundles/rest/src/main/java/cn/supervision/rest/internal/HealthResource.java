package cn.supervision.rest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import cn.supervision.api.health.HealthIndicator;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.security.Access;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.rest.bounds.PublicEndpoint;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Readiness: UP only when every required component (persistence-backed registry, SOAP endpoints, the platform's
 * modules — see {@link PlatformReadiness}, …) is registered and reports no problem; otherwise 503. {@code /live} is
 * liveness. Public, for load balancers and scripts: anyone sees the status and each
 * component's UP/DOWN; only a caller the authority policy lets read health details (an office admin, with HTTP Basic
 * on this call) sees why a component is down. A reason is an exception's text, and that tells an attacker about
 * the database, paths and versions: a component that can word its reasons without it ({@link #summarize}) shows the
 * full text to the platform operator only, the office the policy lets read the root jurisdiction's health. That
 * office also gets {@code configuration}: fingerprints of this node's files that every node must hold alike
 * ({@link NodeConfiguration}), to compare across the nodes of a cluster.
 */
@Path("/v1/health")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "health", description = "平台运行状态")
public class HealthResource {
    private final List<HealthIndicator> indicators;
    private final List<RegistryService> registries;
    private final List<String> required;
    private final Map<String, Supplier<String>> summaries = new ConcurrentHashMap<>();
    private final NodeConfiguration configuration;

    public HealthResource(List<HealthIndicator> indicators, List<RegistryService> registries, String required) {
        this(indicators, registries, required, NodeConfiguration.ofKaraf());
    }

    HealthResource(List<HealthIndicator> indicators, List<RegistryService> registries, String required,
                   NodeConfiguration configuration) {
        this.indicators = indicators;
        this.registries = registries;
        this.required = List.of(required.split("\\s*,\\s*"));
        this.configuration = configuration;
    }

    @GET
    @PublicEndpoint(credentials = PublicEndpoint.Credentials.BASIC_IF_SENT)
    @io.swagger.v3.oas.annotations.Operation(summary = "平台是否就绪",
            description = "所有必需组件就绪时返回 200 UP，否则 503 DOWN；原因只对已认证的编办管理员显示（完整原因只对根行政区划编办，其他编办只见模块名与异常类型）；根行政区划编办另见本节点 etc/ 中各节点须一致的配置文件的指纹（configuration，SHA-256，不含内容与密码项），用于比对集群各节点")
    public Response health(@Context SecurityContext security) {
        Details details = null;
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
            if (problem != null && details == null) {
                details = details(security);
            }
            String reason = problem == null ? null : switch (details) {
                case NONE -> null;
                case SUMMARY -> found == null ? problem : summaries.getOrDefault(name, () -> problem).get();
                case FULL -> problem;
            };
            components.put(name, problem == null ? Map.of("status", "UP")
                    : reason == null ? Map.of("status", "DOWN") : Map.of("status", "DOWN", "reason", reason));
            up &= problem == null;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("components", components);
        if (security != null && security.getUserPrincipal() instanceof Caller) {
            if (details == null) {
                details = details(security);
            }
            if (details == Details.FULL) {
                // compared across nodes by the operator: a node whose etc/ diverged shows another fingerprint
                body.put("configuration", configuration.fingerprint());
            }
        }
        return Response.status(up ? 200 : 503).entity(body).build();
    }

    /**
     * Liveness, for a supervisor that restarts a hung process: the JVM and the gateway answer. Not readiness, which
     * {@link #health} is (a balancer's check): a node that is still starting or has a failed module is alive, and
     * restarting it for that would only start it again.
     */
    @GET
    @Path("/live")
    @PublicEndpoint
    @io.swagger.v3.oas.annotations.Operation(summary = "进程是否存活", description = "进程与网关能应答即返回 200 UP，不检查各模块是否就绪")
    public Response live() {
        return Response.ok(Map.of("status", "UP")).build();
    }

    /**
     * How {@code component} words its reasons for offices other than the operator's. Its summary is looked up after
     * its problem() was asked: the component registers it while it is created, before it can answer.
     */
    void summarize(String component, Supplier<String> summary) {
        summaries.put(component, summary);
    }

    private enum Details { NONE, SUMMARY, FULL }

    /**
     * The policy decides, as for backups: the root jurisdiction's office is the one it lets read the root's health.
     * Without a registry (it may be the component that is down) nobody gets reasons; without the jurisdiction tree
     * an office gets the summaries.
     */
    private Details details(SecurityContext security) {
        if (security == null || !(security.getUserPrincipal() instanceof Caller caller) || caller.jurisdictionCode() == null) {
            return Details.NONE;
        }
        List<RegistryService> present = List.copyOf(registries);
        if (present.isEmpty()) {
            return Details.NONE;
        }
        RegistryService registry = present.get(0);
        Access access;
        try {
            access = registry.access();
            if (!access.may(caller, Operation.READ_HEALTH, caller.jurisdictionCode())) {
                return Details.NONE;
            }
        } catch (RuntimeException gone) {
            return Details.NONE;
        }
        try {
            return registry.listJurisdictions(Caller.system("health")).stream()
                    .filter(j -> j.parentCode() == null)
                    .anyMatch(root -> access.may(caller, Operation.READ_HEALTH, root.code())) ? Details.FULL : Details.SUMMARY;
        } catch (RuntimeException gone) {
            return Details.SUMMARY;
        }
    }
}
