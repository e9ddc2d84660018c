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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.rest.bounds.ClientAddress;

/**
 * The first thing the gateway does with a request: resolve its client's address ({@link ClientAddress}, trusting
 * {@code X-Forwarded-For} only from the configured proxies), before authentication throttles by it and the audit trail
 * records it. A list that cannot be read trusts no proxy (the header is ignored, as with none configured) and says so
 * in the log: the platform stays up and never believes a header it was not told to.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 500)
public class ClientAddressFilter implements ContainerRequestFilter {
    private static final Logger LOG = LoggerFactory.getLogger(ClientAddressFilter.class);

    private final ClientAddress addresses;

    public ClientAddressFilter(String trustedProxies) {
        this.addresses = configured(trustedProxies);
    }

    static ClientAddress configured(String trustedProxies) {
        try {
            ClientAddress a = ClientAddress.trusting(trustedProxies);
            if (a.readsHeader()) {
                LOG.info("客户端地址：来自受信代理 {} 的请求取 X-Forwarded-For 中最右侧的非代理地址", trustedProxies.trim());
            }
            return a;
        } catch (IllegalArgumentException e) {
            LOG.error("etc/cn.supervision.rest.cfg 的 {}；不信任任何代理，客户端地址一律取 TCP 对端", e.getMessage());
            return ClientAddress.direct();
        }
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
