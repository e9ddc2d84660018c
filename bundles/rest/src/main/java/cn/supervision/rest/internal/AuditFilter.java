package cn.supervision.rest.internal;

import java.time.Instant;

import javax.annotation.Priority;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.HttpHeaders;

import org.apache.cxf.jaxrs.model.OperationResourceInfo;
import org.apache.cxf.jaxrs.utils.JAXRSUtils;
import org.apache.cxf.message.Message;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.audit.AuditEvent;
import cn.supervision.api.audit.AuditLog;
import cn.supervision.api.security.Caller;
import cn.supervision.rest.bounds.ClientAddress;

/**
 * Records every state-changing request and every login in the audit trail, once the response status is known and
 * before the response is sent: a client that got an answer has its entry committed. A write is refused (503) before
 * it runs while the trail cannot take entries, so nothing changes unrecorded. Reads record nothing but the login (once
 * per user and source within a window, decided by the trail).
 */
@Priority(Priorities.AUTHENTICATION + 10)
public class AuditFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private static final Logger LOG = LoggerFactory.getLogger(AuditFilter.class);

    private final AuditLog audit;

    public AuditFilter(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (AuditRecords.changesState(request.getMethod()) && !audit.accepting()) {
            request.abortWith(Problems.response(503, "审计日志不可用", "审计日志暂时无法写入，写操作暂停，请稍后重试", null));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Instant now = Instant.now();
        Caller caller = request.getSecurityContext() != null && request.getSecurityContext().getUserPrincipal() instanceof Caller c
                ? c : null;
        int status = response.getStatus();
        // credentials sent to a public path are not a login: only a refusal by authentication (401, or 429 when
        // throttled) is a failed one
        String attempted = caller != null || (status != 401 && status != 429) ? null
                : AuditRecords.attemptedUser(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        boolean write = AuditRecords.changesState(request.getMethod());
        if (caller == null && attempted == null && !write) {
            return;
        }
        Message message = JAXRSUtils.getCurrentMessage();
        String source = source(message);
        if (caller != null || attempted != null) {
            record(AuditRecords.login(now, caller, attempted, source, caller != null ? 200 : status));
        }
        if (write) {
            OperationResourceInfo operation = message == null ? null : message.getExchange().get(OperationResourceInfo.class);
            record(AuditRecords.write(now, caller, source, request.getMethod(), template(operation),
                    request.getUriInfo().getPathParameters(), request.getUriInfo().getPath(), response.getLocation(), status));
        }
    }

    /**
     * The request has run: if its entry cannot be written, the answer still goes out (refusing it would not undo the
     * change), and the event goes to the log instead, with what the entry would have held.
     */
    private void record(AuditEvent event) {
        try {
            audit.record(event);
        } catch (RuntimeException e) {
            LOG.error("审计日志写入失败，记录改写入日志：{}", event, e);
        }
    }

    private static String template(OperationResourceInfo operation) {
        if (operation == null) {
            return null;
        }
        String type = operation.getClassResourceInfo().getURITemplate() == null ? ""
                : operation.getClassResourceInfo().getURITemplate().getValue();
        String method = operation.getURITemplate() == null ? "" : operation.getURITemplate().getValue();
        return type + "/" + method;
    }

    /** The servlet request rides on the inbound message; in a response filter the current message is the outbound one. */
    private static String source(Message message) {
        if (message == null) {
            return null;
        }
        Message in = message.getExchange() == null ? null : message.getExchange().getInMessage();
        Object request = in != null ? in.get(AbstractHTTPDestination.HTTP_REQUEST) : message.get(AbstractHTTPDestination.HTTP_REQUEST);
        return request instanceof HttpServletRequest http ? ClientAddress.of(http) : null;
    }
}
