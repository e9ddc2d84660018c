package cn.supervision.rest.internal;

import javax.annotation.Priority;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;

import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.apache.cxf.transport.http.AbstractHTTPDestination;

import cn.supervision.rest.bounds.ClientAddress;

/**
 * The first thing the gateway does with a request: resolve its client's address ({@link ClientAddress}, trusting
 * {@code X-Forwarded-For} only from the configured proxies), before authentication throttles by it and the audit trail
 * records it. A list that cannot be read trusts no proxy ({@link ClientAddress#configured}).
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 500)
public class ClientAddressFilter implements ContainerRequestFilter {
    private final ClientAddress addresses;

    public ClientAddressFilter(String trustedProxies) {
        this.addresses = configured(trustedProxies);
    }

    static ClientAddress configured(String trustedProxies) {
        return ClientAddress.configured(trustedProxies, "REST");
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Message message = PhaseInterceptorChain.getCurrentMessage();
        Object http = message == null ? null : message.get(AbstractHTTPDestination.HTTP_REQUEST);
        if (http instanceof HttpServletRequest r) {
            addresses.mark(r);
        }
    }
}
