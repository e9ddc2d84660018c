package cn.supervision.soap.internal;

import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/** A refusal caused by the request (status 4xx) is the client's fault (soap:Client), not the server's. */
public class ClientFaultCodeInterceptor extends AbstractPhaseInterceptor<Message> {

    public ClientFaultCodeInterceptor() {
        super(Phase.PRE_LOGICAL);
    }

    @Override
    public void handleMessage(Message message) {
        if (message.getContent(Exception.class) instanceof Fault f
                && f.getCause() instanceof SupervisionFault sf && sf.getFaultInfo().status < 500) {
            f.setFaultCode(Fault.FAULT_CODE_CLIENT);
        }
    }
}
