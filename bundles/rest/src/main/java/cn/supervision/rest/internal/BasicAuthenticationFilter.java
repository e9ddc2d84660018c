package cn.supervision.rest.internal;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import javax.annotation.Priority;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.apache.cxf.transport.http.AbstractHTTPDestination;

import cn.supervision.api.security.Authenticator;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.LoginThrottledException;

/**
 * HTTP Basic against the platform realm. Health, the API description and the public questionnaire page stay public; every other
 * request without valid credentials gets 401 with a problem body.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class BasicAuthenticationFilter implements ContainerRequestFilter {
    static final Set<String> PUBLIC = Set.of("v1/health", "openapi.json", "openapi.yaml", "v1/indicator-systems/schema");
    /** The public answering page and its form/submit calls: a one-time token or a shared link is the credential. */
    static final String PUBLIC_QUESTIONNAIRES = "v1/questionnaires/public/";
    static final String HEALTH = "v1/health";

    private final Authenticator authenticator;

    public BasicAuthenticationFilter(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        path = path.startsWith("/") ? path.substring(1) : path;
        if (PUBLIC.contains(path) || path.startsWith("api-docs") || (path.startsWith(PUBLIC_QUESTIONNAIRES) && !path.contains(".."))) {
            if (path.equals(HEALTH) && request.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
                identifyOptionally(request); // health shows reasons to an office admin, nothing more to anyone else
            }
            return;
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
            request.abortWith(Response.fromResponse(Problems.response(401, "未认证",
                            "请使用平台账号以 HTTP Basic 方式认证", null))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + Authenticator.REALM + "\", charset=\"UTF-8\"")
                    .build());
            return;
        }
        boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
        request.setSecurityContext(new CallerSecurityContext(caller.get(), secure));
    }

    private void identifyOptionally(ContainerRequestContext request) {
        try {
            credentials(request.getHeaderString(HttpHeaders.AUTHORIZATION)).ifPresent(c -> request.setSecurityContext(
                    new CallerSecurityContext(c, request.getSecurityContext() != null && request.getSecurityContext().isSecure())));
        } catch (LoginThrottledException e) {
            // a throttled caller simply stays anonymous here
        }
    }

    /** The client's address as the servlet container saw it (not X-Forwarded-For: any client can write that). */
    private static String source() {
        Message message = PhaseInterceptorChain.getCurrentMessage();
        Object http = message == null ? null : message.get(AbstractHTTPDestination.HTTP_REQUEST);
        return http instanceof HttpServletRequest r ? r.getRemoteAddr() : null;
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

        CallerSecurityContext(Caller caller, boolean secure) {
            this.caller = caller;
            this.secure = secure;
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
            return BASIC_AUTH;
        }
    }
}
