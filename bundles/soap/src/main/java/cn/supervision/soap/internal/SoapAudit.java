package cn.supervision.soap.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.xml.namespace.QName;

import org.apache.cxf.Bus;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.feature.AbstractFeature;
import org.apache.cxf.headers.Header;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.interceptor.InterceptorProvider;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageContentsList;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.service.model.BindingOperationInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;

import cn.supervision.api.audit.AuditAction;
import cn.supervision.api.audit.AuditEvent;
import cn.supervision.api.audit.AuditLog;
import cn.supervision.api.security.Caller;
import cn.supervision.rest.bounds.ClientAddress;

/**
 * The audit trail for SOAP, as a feature on every endpoint: each login (the UsernameToken's outcome) and each call of a
 * writing operation, recorded on the way out once the answer (or fault) is known. Of a writing call only the operation
 * and its identifying arguments are kept ({@link #WRITES}), never the rows, and never the token's password.
 */
public class SoapAudit extends AbstractFeature {
    /** Writing operations and the arguments (by position) that identify what they wrote. */
    static final Map<String, Map<Integer, String>> WRITES = Map.of(
            "submitBatch", Map.of(0, "jurisdiction", 2, "clientBatchId"));
    private static final Logger LOG = LoggerFactory.getLogger(SoapAudit.class);
    private static final String CALLER = Caller.class.getName();

    private final Recorder recorder;

    public SoapAudit(AuditLog audit, ClientAddress addresses) {
        this.recorder = new Recorder(audit, addresses);
    }

    @Override
    protected void initializeProvider(InterceptorProvider provider, Bus bus) {
        provider.getOutInterceptors().add(recorder);
        provider.getOutFaultInterceptors().add(recorder);
    }

    static final class Recorder extends AbstractPhaseInterceptor<Message> {
        private final AuditLog audit;
        private final ClientAddress addresses;

        Recorder(AuditLog audit, ClientAddress addresses) {
            super(Phase.PRE_STREAM);
            this.audit = audit;
            this.addresses = addresses;
        }

        @Override
        public void handleMessage(Message out) {
            Exchange exchange = out.getExchange();
            Message in = exchange.getInMessage();
            if (in == null) {
                return;
            }
            Exception fault = out.getContent(Exception.class);
            if (fault == null && exchange.getOutFaultMessage() == out) {
                fault = exchange.get(Exception.class);
            }
            int status = fault == null ? receiptStatus(out) : status(fault);
            Caller caller = in.get(CALLER) instanceof Caller c ? c : null;
            String source = UsernameTokenInterceptor.source(addresses, in);
            Instant now = Instant.now();
            if (caller != null) {
                record(new AuditEvent(now, caller.username(), roles(caller), caller.jurisdictionCode(), source, "SOAP",
                        AuditAction.LOGIN_SUCCEEDED, null, null, null, 200));
            } else if (status == 401) {
                record(new AuditEvent(now, attemptedUser(in), null, null, source, "SOAP", AuditAction.LOGIN_FAILED, null, null,
                        null, 401));
            }
            BindingOperationInfo operation = exchange.getBindingOperationInfo();
            String name = operation == null ? null : operation.getName().getLocalPart();
            if (name != null && WRITES.containsKey(name)) {
                String service = exchange.getService() == null ? "" : exchange.getService().getName().getLocalPart() + ".";
                record(new AuditEvent(now, caller == null ? null : caller.username(), roles(caller),
                        caller == null ? null : caller.jurisdictionCode(), source, "SOAP", AuditAction.WRITE, name,
                        service + name, ids(in, WRITES.get(name)), status));
            }
        }

        private void record(AuditEvent event) {
            try {
                audit.record(event);
            } catch (RuntimeException e) {
                LOG.error("审计日志写入失败，记录改写入日志：{}", event, e);
            }
        }
    }

    static String roles(Caller caller) {
        if (caller == null) {
            return null;
        }
        String roles = caller.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        return caller.unitCode() == null ? roles : roles + "/" + caller.unitCode();
    }

    /** 401 for a refused token, a refusal's own status, 500 for anything else. */
    static int status(Exception fault) {
        Throwable cause = fault instanceof Fault f && f.getCause() != null ? f.getCause() : fault;
        if (cause instanceof SupervisionFault sf && sf.getFaultInfo() != null) {
            return sf.getFaultInfo().status;
        }
        if (cause instanceof SecurityException) {
            return 401;
        }
        if (fault instanceof Fault f) {
            QName code = f.getFaultCode();
            if (UsernameTokenInterceptor.FAILED_AUTHENTICATION.equals(code) || UsernameTokenInterceptor.UNSUPPORTED_TOKEN.equals(code)) {
                return 401;
            }
            if (Fault.FAULT_CODE_CLIENT.equals(code)) {
                return 400;
            }
        }
        return 500;
    }

    /** A platform-data receipt that rejected the batch is a refusal (REST answers it 422), whatever SOAP says. */
    static int receiptStatus(Message out) {
        List<?> content = out.getContent(List.class);
        if (content != null && !content.isEmpty() && content.get(0) instanceof SoapBatchReceipt r && "REJECTED".equals(r.status)) {
            return 422;
        }
        return 200;
    }

    private static String ids(Message in, Map<Integer, String> positions) {
        MessageContentsList args = MessageContentsList.getContentsList(in);
        if (args == null) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        positions.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(p -> {
            if (p.getKey() < args.size() && args.get(p.getKey()) instanceof String value) {
                if (b.length() > 0) {
                    b.append("; ");
                }
                b.append(p.getValue()).append('=').append(value.length() > 64 ? value.substring(0, 64) : value);
            }
        });
        return b.length() == 0 ? null : b.toString();
    }

    /** The Username of the request's UsernameToken (never its Password), or null. */
    static String attemptedUser(Message in) {
        if (!(in instanceof SoapMessage soap)) {
            return null;
        }
        Header security = soap.getHeader(UsernameTokenInterceptor.SECURITY);
        if (security == null || !(security.getObject() instanceof Element header)) {
            return null;
        }
        Element token = child(header, "UsernameToken");
        Element user = token == null ? null : child(token, "Username");
        return user == null ? null : user.getTextContent().trim();
    }

    private static Element child(Element parent, String localName) {
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && UsernameTokenInterceptor.WSSE.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }
}
