package cn.supervision.soap.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static cn.supervision.soap.internal.SoapAuditTest.fault;

import javax.xml.namespace.QName;

import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.MessageImpl;
import org.junit.jupiter.api.Test;

/** Which faults CXF still logs its own way (true) and which are one line of ours (false). */
class ClientFaultLoggingTest {
    private final ClientFaultLogging listener = new ClientFaultLogging();

    private boolean cxfLogs(Fault fault) {
        return listener.faultOccurred(fault, "Interceptor for {ns}RegistryService", new MessageImpl());
    }

    @Test
    void refusedLoginsAndOversizedBodiesAreTheCallersDoing() {
        assertFalse(cxfLogs(fault(new SecurityException("用户名或密码错误"), UsernameTokenInterceptor.FAILED_AUTHENTICATION)));
        assertFalse(cxfLogs(fault(new SecurityException("只支持明文密码"), UsernameTokenInterceptor.UNSUPPORTED_TOKEN)));
        assertFalse(cxfLogs(fault(new IllegalArgumentException("批次过大"), Fault.FAULT_CODE_CLIENT)));
    }

    @Test
    void theServersFaultsKeepCxfsLoggingWithTheirTrace() {
        assertTrue(cxfLogs(fault(new NullPointerException(), null)), "default code: the server's");
        assertTrue(cxfLogs(fault(new IllegalStateException("database down"), Fault.FAULT_CODE_SERVER)));
        assertTrue(listener.faultOccurred(new IllegalStateException("not a fault"), "x", new MessageImpl()));
        assertTrue(cxfLogs(fault(new IllegalStateException(), new QName("urn:other", "Client"))), "another namespace's Client");
    }
}
