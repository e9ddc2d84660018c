package cn.supervision.rest.internal;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.annotation.Priority;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Cookie;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.apache.cxf.transport.http.AbstractHTTPDestination;

import cn.supervision.api.security.Authenticator;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.LoginThrottledException;
import cn.supervision.rest.bounds.ClientAddress;
import cn.supervision.rest.bounds.PublicEndpoint;

/**
 * HTTP Basic against the platform realm, or the console's session cookie ({@link SessionResource}). Methods marked
 * {@link PublicEndpoint} (health, the API description, the public questionnaire page, the console's login) stay public
 * when their resource may open endpoints ({@link PublicEndpoints}); every other request without valid credentials gets
 * 401 with a problem body. A request whose path cannot reach a public method is authenticated before matching
 * ({@link PreMatchingAuthentication}), so an anonymous client learns nothing from 404 or 405; the others after it, because
 * the matched method is what decides (a path that only looks public is judged by the method it reaches). A request
 * authenticated by the session cookie that changes state must carry the session's CSRF token in {@value #CSRF_HEADER},
 * or it is refused with 403 before it runs.
 */
@Priority(Priorities.AUTHENTICATION)
public class BasicAuthenticationFilter implements ContainerRequestFilter {
    static final String CSRF_HEADER = "X-CSRF-Token";
    /** Scripts (the console) say so: their 401s carry no Basic challenge, which would open the browser's pop-up. */
    static final String REQUESTED_WITH = "X-Requested-With";
    static final String SESSION_SCHEME = "SESSION";
    /** Set on a request authenticated (or refused) before matching: nothing is left to decide after it. */
    static final String DECIDED = BasicAuthenticationFilter.class.getName() + ".decided";

    private final Authenticator authenticator;
    private final SessionStore sessions;
    private final PublicEndpoints endpoints;
    @Context
    private ResourceInfo resource;

    public BasicAuthenticationFilter(Authenticator authenticator, SessionStore sessions, PublicEndpoints endpoints) {
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.endpoints = endpoints;
    }

    /** For tests: the matched resource method is what a JAX-RS runtime would inject. */
    BasicAuthenticationFilter(Authenticator authenticator, SessionStore sessions, PublicEndpoints endpoints, ResourceInfo resource) {
        this(authenticator, sessions, endpoints);
        this.resource = resource;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getProperty(DECIDED) != null) {
            return;
        }
        PublicEndpoint open = resource == null ? null : endpoints.of(resource.getResourceClass(), resource.getResourceMethod());
        if (open != null) {
            identifyIfSent(request, open.credentials(), secure(request));
            return;
        }
        requireCaller(request);
    }

    /** Before matching: a request that can reach no public method needs its caller whatever it would reach. */
    void beforeMatching(ContainerRequestContext request) {
        if (endpoints.couldBePublic(request.getUriInfo().getPath())) {
            return;
        }
        request.setProperty(DECIDED, Boolean.TRUE);
        requireCaller(request);
    }

    private static boolean secure(ContainerRequestContext request) {
        return request.getSecurityContext() != null && request.getSecurityContext().isSecure();
    }

    private void requireCaller(ContainerRequestContext request) {
        boolean secure = secure(request);
        if (request.getHeaderString(HttpHeaders.AUTHORIZATION) == null) {
            Cookie cookie = request.getCookies() == null ? null : request.getCookies().get(SessionResource.COOKIE);
            if (cookie != null) {
                bySession(request, cookie.getValue(), secure);
                return;
            }
        }
        Optional<Caller> caller;
        try {
            caller = credentials(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        } catch (LoginThrottledException e) {
            request.abortWith(Response.fromResponse(Problems.response(429, e.title(), e.getMessage(), null))
                    .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build());
            return;
        }
        if (caller.isEmpty()) {
            Response.ResponseBuilder refused = Response.fromResponse(Problems.response(401, "未认证",
                    "请登录，或使用平台账号以 HTTP Basic 方式认证", null));
            if (request.getHeaderString(REQUESTED_WITH) == null) {
                refused.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + Authenticator.REALM + "\", charset=\"UTF-8\"");
            }
            request.abortWith(refused.build());
            return;
        }
        request.setSecurityContext(new CallerSecurityContext(caller.get(), secure, SecurityContext.BASIC_AUTH));
    }

    /** The session cookie alone: no Basic challenge on refusal (the console shows its login page instead). */
    private void bySession(ContainerRequestContext request, String id, boolean secure) {
        Optional<SessionStore.Session> session = sessions.find(id);
        if (session.isEmpty()) {
            request.abortWith(Problems.response(401, "未认证", "会话已过期或已退出，请重新登录", null));
            return;
        }
        if (AuditRecords.changesState(request.getMethod()) && !session.get().csrfMatches(request.getHeaderString(CSRF_HEADER))) {
            request.abortWith(Problems.response(403, "无权访问",
                    "缺少或错误的 CSRF 令牌：以会话登录时，写操作须在请求头 " + CSRF_HEADER + " 中带上登录时得到的令牌", null));
            return;
        }
        request.setSecurityContext(new CallerSecurityContext(session.get().caller(), secure, SESSION_SCHEME));
    }

    private void identifyIfSent(ContainerRequestContext request, PublicEndpoint.Credentials credentials, boolean secure) {
        if (credentials == PublicEndpoint.Credentials.IGNORED) {
            return;
        }
        if (request.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
            identifyOptionally(request);
        } else if (credentials == PublicEndpoint.Credentials.BASIC_OR_SESSION_IF_SENT) {
            Cookie cookie = request.getCookies() == null ? null : request.getCookies().get(SessionResource.COOKIE);
            Optional<SessionStore.Session> session = cookie == null ? Optional.empty() : sessions.find(cookie.getValue());
            session.ifPresent(s -> request.setSecurityContext(new CallerSecurityContext(s.caller(), secure, SESSION_SCHEME)));
        }
    }

    private void identifyOptionally(ContainerRequestContext request) {
        try {
            credentials(request.getHeaderString(HttpHeaders.AUTHORIZATION)).ifPresent(c -> request.setSecurityContext(
                    new CallerSecurityContext(c, request.getSecurityContext() != null && request.getSecurityContext().isSecure(),
                            SecurityContext.BASIC_AUTH)));
        } catch (LoginThrottledException e) {
            // a throttled caller simply stays anonymous here
        }
    }

    /** The client's address: the TCP peer, or what a trusted proxy forwarded ({@link ClientAddress}). */
    private static String source() {
        Message message = PhaseInterceptorChain.getCurrentMessage();
        Object http = message == null ? null : message.get(AbstractHTTPDestination.HTTP_REQUEST);
        return http instanceof HttpServletRequest r ? ClientAddress.of(r) : null;
    }

    private Optional<Caller> credentials(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        char[] password = decoded.substring(colon + 1).toCharArray();
        try {
            return authenticator.authenticate(decoded.substring(0, colon), password, source());
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Resources read the caller with {@code (Caller) securityContext.getUserPrincipal()}. */
    static final class CallerSecurityContext implements SecurityContext {
        private final Caller caller;
        private final boolean secure;
        private final String scheme;

        CallerSecurityContext(Caller caller, boolean secure) {
            this(caller, secure, SecurityContext.BASIC_AUTH);
        }

        CallerSecurityContext(Caller caller, boolean secure, String scheme) {
            this.caller = caller;
            this.secure = secure;
            this.scheme = scheme;
        }

        @Override
        public Principal getUserPrincipal() {
            return caller;
        }

        @Override
        public boolean isUserInRole(String role) {
            return caller.roles().stream().anyMatch(r -> r.name().equals(role));
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return scheme;
        }
    }
}
