package cn.supervision.soap.internal;

import javax.xml.namespace.QName;

import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.logging.FaultListener;
import org.apache.cxf.message.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request our interceptors refuse for what it is (no or a wrong UsernameToken, a body over the limit) is the caller's
 * doing: one line in the log. CXF logs a fault raised by an interceptor as a WARN with its stack trace, so every failed
 * partner login put ~60 lines in karaf.log. Anything else (the server's faults) CXF logs as it always did.
 */
public final class ClientFaultLogging implements FaultListener {
    private static final Logger LOG = LoggerFactory.getLogger(ClientFaultLogging.class);

    @Override
    public boolean faultOccurred(Exception exception, String description, Message message) {
        if (!(exception instanceof Fault fault) || !isClients(fault.getFaultCode())) {
            return true;
        }
        LOG.info("SOAP 请求被拒绝（{}）：{}", fault.getFaultCode().getLocalPart(), fault.getMessage());
        return false;
    }

    static boolean isClients(QName code) {
        return code != null && (UsernameTokenInterceptor.WSSE.equals(code.getNamespaceURI()) || Fault.FAULT_CODE_CLIENT.equals(code));
    }
}
