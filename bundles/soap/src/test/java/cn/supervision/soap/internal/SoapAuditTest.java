package cn.supervision.soap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.MessageImpl;
import org.junit.jupiter.api.Test;

import cn.supervision.api.problem.SupervisionException;

/** The outcome SOAP answers are recorded with: the same statuses REST would answer. */
class SoapAuditTest {

    /** A fault as the interceptors and CXF raise them: its cause, and a code when one is set (null: CXF's default). */
    static Fault fault(Throwable cause, javax.xml.namespace.QName code) {
        Fault f = new Fault(cause);
        if (code != null) {
            f.setFaultCode(code);
        }
        return f;
    }

    @Test
    void faultsAreRecordedWithTheirStatus() {
        assertEquals(403, SoapAudit.status(fault(SupervisionFault.of(SupervisionException.forbidden("x")), null)));
        assertEquals(404, SoapAudit.status(fault(SupervisionFault.of(SupervisionException.notFound("x")), null)));
        assertEquals(401, SoapAudit.status(fault(new SecurityException("用户名或密码错误"), UsernameTokenInterceptor.FAILED_AUTHENTICATION)));
        assertEquals(401, SoapAudit.status(fault(new IllegalStateException(), UsernameTokenInterceptor.UNSUPPORTED_TOKEN)));
        assertEquals(400, SoapAudit.status(fault(new IllegalArgumentException(), Fault.FAULT_CODE_CLIENT)));
        assertEquals(500, SoapAudit.status(fault(new IllegalStateException(), null)));
    }

    @Test
    void aRejectedBatchIsARefusalLikeRestsUnprocessableEntity() {
        SoapBatchReceipt rejected = new SoapBatchReceipt();
        rejected.status = "REJECTED";
        MessageImpl out = new MessageImpl();
        out.setContent(List.class, List.of(rejected));
        assertEquals(422, SoapAudit.receiptStatus(out));
        SoapBatchReceipt applied = new SoapBatchReceipt();
        applied.status = "APPLIED";
        out.setContent(List.class, List.of(applied));
        assertEquals(200, SoapAudit.receiptStatus(out));
    }
}
