package cn.supervision.rest.internal;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;

/**
 * Authentication before matching, for requests whose path reaches no public method (see
 * {@link BasicAuthenticationFilter#beforeMatching}): without it an anonymous client could map the API by the 404s and
 * 405s it gets instead of 401.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class PreMatchingAuthentication implements ContainerRequestFilter {
    private final BasicAuthenticationFilter authentication;

    public PreMatchingAuthentication(BasicAuthenticationFilter authentication) {
        this.authentication = authentication;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        authentication.beforeMatching(request);
    }
}
