package cn.supervision.rest.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.CookieParam;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.audit.AuditLog;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.security.Authenticator;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.LoginThrottledException;
import cn.supervision.rest.bounds.ClientAddress;
import cn.supervision.rest.bounds.PublicEndpoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The console's login: a username and password (checked by the same {@link Authenticator} and login throttle as HTTP Basic)
 * open a server-side session; its random id travels in an HttpOnly, SameSite=Strict cookie limited to the API's path
 * (Secure over HTTPS, the production transport), and the CSRF token the console must send back on every write is in the
 * answer's body (never in a cookie: another site's page cannot read it). No password is kept anywhere after the check.
 */
@Path("/v1/session")
@Tag(name = "会话", description = "控制台登录、当前用户与退出")
public class SessionResource {
    static final String PATH = "v1/session";
    static final String COOKIE = "SUPERVISION_SESSION";
    static final String COOKIE_PATH = "/services/api";
    static final int MAX_FIELD = 200;
    private static final Logger LOG = LoggerFactory.getLogger(SessionResource.class);

    /** The login form. */
    public record Login(String username, String password) {
    }

    private final Authenticator authenticator;
    private final SessionStore sessions;
    private final AuditLog audit;
    private final List<RegistryService> registries;

    public SessionResource(Authenticator authenticator, SessionStore sessions, AuditLog audit, List<RegistryService> registries) {
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.audit = audit;
        this.registries = registries;
    }

    @POST
    @PublicEndpoint
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "登录：校验账号密码，建立会话（HttpOnly Cookie），返回当前用户与 CSRF 令牌")
    public Response login(Login login, @Context HttpServletRequest http) {
        List<FieldError> errors = new ArrayList<>();
        if (login == null || login.username() == null || login.username().isBlank()) {
            errors.add(new FieldError("username", "请输入账号"));
        } else if (login.username().length() > MAX_FIELD) {
            errors.add(new FieldError("username", "账号过长"));
        }
        if (login == null || login.password() == null || login.password().isEmpty()) {
            errors.add(new FieldError("password", "请输入密码"));
        } else if (login.password().length() > MAX_FIELD) {
            errors.add(new FieldError("password", "密码过长"));
        }
        if (!errors.isEmpty()) {
            return Problems.response(400, "请求无效", "登录信息不完整", errors);
        }
        String source = ClientAddress.of(http);
        String username = login.username().trim();
        char[] password = login.password().toCharArray();
        Optional<Caller> caller;
        try {
            caller = authenticator.authenticate(username, password, source);
        } catch (LoginThrottledException e) {
            record(null, username, source, 429);
            return Response.fromResponse(Problems.response(429, e.title(), e.getMessage(), null))
                    .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
        } finally {
            Arrays.fill(password, '\0');
        }
        if (caller.isEmpty()) {
            record(null, username, source, 401);
            return Problems.response(401, "未认证", "账号或密码错误",
                    List.of(new FieldError("password", "账号或密码错误")));
        }
        record(caller.get(), null, source, 200);
        SessionStore.Session session = sessions.open(caller.get());
        boolean secure = http != null && http.isSecure();
        return Response.ok(me(session.caller(), session)).cacheControl(noStore())
                .header(HttpHeaders.SET_COOKIE, cookie(session.id(), secure, -1)).build();
    }

    @GET
    @PublicEndpoint(credentials = PublicEndpoint.Credentials.BASIC_OR_SESSION_IF_SENT)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "当前用户：账号、角色、所属辖区、单位、部门（以会话登录时另含 CSRF 令牌）；未登录时 authenticated 为 false")
    public Response whoAmI(@Context SecurityContext security, @CookieParam(COOKIE) String cookie) {
        if (!(security.getUserPrincipal() instanceof Caller caller)) {
            return Response.ok(Map.of("authenticated", false)).cacheControl(noStore()).build();
        }
        // the token only when this very request was authenticated by the cookie (not by Basic with a stale cookie beside it)
        SessionStore.Session session = BasicAuthenticationFilter.SESSION_SCHEME.equals(security.getAuthenticationScheme())
                ? sessions.find(cookie).filter(s -> s.caller().equals(caller)).orElse(null) : null;
        return Response.ok(me(caller, session)).cacheControl(noStore()).build();
    }

    @DELETE
    @Operation(summary = "退出：结束当前会话并清除 Cookie")
    public Response logout(@Context SecurityContext security, @CookieParam(COOKIE) String cookie, @Context HttpServletRequest http) {
        if (BasicAuthenticationFilter.SESSION_SCHEME.equals(security.getAuthenticationScheme())) {
            sessions.close(cookie); // the filter checked it and its CSRF token
        }
        return Response.noContent().header(HttpHeaders.SET_COOKIE, cookie("", http != null && http.isSecure(), 0)).build();
    }

    /** The Set-Cookie value; {@code maxAge} 0 deletes it, -1 makes it last as long as the browser (the server ends it). */
    static String cookie(String value, boolean secure, int maxAge) {
        return COOKIE + "=" + value + "; Path=" + COOKIE_PATH + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
                + (maxAge >= 0 ? "; Max-Age=" + maxAge : "");
    }

    private Map<String, Object> me(Caller caller, SessionStore.Session session) {
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("authenticated", true);
        me.put("username", caller.username());
        me.put("roles", caller.roles().stream().map(Enum::name).sorted().toList());
        me.put("jurisdictionCode", caller.jurisdictionCode());
        RegistryService registry = registries == null || registries.isEmpty() ? null : registries.get(0);
        if (registry != null && caller.jurisdictionCode() != null) {
            try {
                me.put("jurisdictionName", registry.getJurisdiction(caller, caller.jurisdictionCode()).name());
                if (caller.unitCode() != null) {
                    registry.listUnits(caller, caller.jurisdictionCode(), false).stream()
                            .filter(u -> caller.unitCode().equals(u.code())).map(Unit::name).findFirst()
                            .ifPresent(name -> me.put("unitName", name));
                }
            } catch (RuntimeException e) {
                LOG.debug("names of {} not available", caller, e); // the codes are enough to work
            }
        }
        me.put("unitCode", caller.unitCode());
        me.put("departmentCode", caller.departmentCode());
        if (session != null) {
            me.put("csrfToken", session.csrfToken());
            me.put("idleTimeoutSeconds", sessions.idle().toSeconds());
        }
        return me;
    }

    private void record(Caller caller, String attempted, String source, int status) {
        try {
            audit.record(AuditRecords.login(Instant.now(), caller, attempted, source, status));
        } catch (RuntimeException e) {
            LOG.error("审计日志写入失败：登录 {} {}", caller != null ? caller.username() : attempted, status, e);
        }
    }

    private static CacheControl noStore() {
        CacheControl cache = new CacheControl();
        cache.setNoStore(true);
        cache.setNoCache(true);
        return cache;
    }
}
