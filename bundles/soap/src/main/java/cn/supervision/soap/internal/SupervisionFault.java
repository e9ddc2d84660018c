package cn.supervision.soap.internal;

import java.util.ArrayList;
import java.util.List;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlType;
import javax.xml.ws.WebFault;

import cn.supervision.api.problem.SupervisionException;
import cn.supervision.rest.bounds.LostLock;
import cn.supervision.rest.bounds.ProblemStatus;

/** The SOAP fault for every refusal: the same status, title, detail and field errors as a REST problem. */
@WebFault(name = "SupervisionFault", targetNamespace = RegistryWebService.NS)
public class SupervisionFault extends Exception {
    private static final long serialVersionUID = 1L;
    private final Info faultInfo;

    public SupervisionFault(String message, Info faultInfo) {
        super(message);
        this.faultInfo = faultInfo;
    }

    public Info getFaultInfo() {
        return faultInfo;
    }

    /** Runs a domain call as the authenticated SOAP caller; refusals, and a lost database lock (busy), become this fault. */
    static <T> T call(java.util.function.Function<cn.supervision.api.security.Caller, T> work) throws SupervisionFault {
        return call(UsernameTokenInterceptor::currentCaller, work);
    }

    static <T> T call(java.util.function.Supplier<cn.supervision.api.security.Caller> caller,
                      java.util.function.Function<cn.supervision.api.security.Caller, T> work) throws SupervisionFault {
        try {
            return work.apply(caller.get());
        } catch (SupervisionException e) {
            throw of(e);
        } catch (RuntimeException e) {
            throw of(LostLock.asBusy(e, "SOAP").orElseThrow(() -> e));
        }
    }

    static SupervisionFault of(SupervisionException e) {
        Info info = new Info();
        info.status = ProblemStatus.of(e.kind()); // what a REST client gets for the same refusal
        info.kind = e.kind().name();
        info.title = e.title();
        info.detail = e.getMessage();
        e.errors().forEach(f -> {
            Info.FieldProblem p = new Info.FieldProblem();
            p.field = f.field();
            p.message = f.message();
            info.errors.add(p);
        });
        return new SupervisionFault(e.title() + "：" + e.getMessage(), info);
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "SupervisionFaultInfo")
    public static class Info {
        public int status;
        public String kind;
        public String title;
        public String detail;
        @XmlElement(name = "error")
        public List<FieldProblem> errors = new ArrayList<>();

        @XmlAccessorType(XmlAccessType.FIELD)
        @XmlType(name = "FieldProblem")
        public static class FieldProblem {
            public String field;
            public String message;
        }
    }
}
