package cn.supervision.soap.internal;

import java.util.List;

import javax.jws.WebService;

import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.rectification.RectificationService;

@WebService(serviceName = "RectificationService", portName = "RectificationServicePort", targetNamespace = RectificationWebService.NS,
        endpointInterface = "cn.supervision.soap.internal.RectificationWebService")
public class RectificationWebServiceImpl implements RectificationWebService {
    private final RectificationService rectification;

    public RectificationWebServiceImpl(RectificationService rectification) {
        this.rectification = rectification;
    }

    @Override
    public List<SoapUnitRectification> rectificationStatus(String jurisdictionCode, int year) throws SupervisionFault {
        if (jurisdictionCode == null || jurisdictionCode.isBlank()) {
            throw SupervisionFault.of(SupervisionException.invalid("jurisdictionCode", "必填"));
        }
        return SupervisionFault.call(c -> rectification.statusByUnit(c, jurisdictionCode.trim(), year).stream()
                .map(SoapUnitRectification::of).toList());
    }
}
