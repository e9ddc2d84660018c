package cn.supervision.soap.internal;

import java.util.List;

import javax.jws.WebService;

import cn.supervision.api.indicator.IndicatorSystem;
import cn.supervision.api.indicator.IndicatorSystemService;
import cn.supervision.api.indicator.SystemStatus;
import cn.supervision.api.problem.SupervisionException;

@WebService(serviceName = "IndicatorService", portName = "IndicatorServicePort", targetNamespace = IndicatorWebService.NS,
        endpointInterface = "cn.supervision.soap.internal.IndicatorWebService")
public class IndicatorWebServiceImpl implements IndicatorWebService {
    private final IndicatorSystemService systems;

    public IndicatorWebServiceImpl(IndicatorSystemService systems) {
        this.systems = systems;
    }

    @Override
    public List<SoapIndicatorSystem> listPublished(String jurisdictionCode) throws SupervisionFault {
        if (jurisdictionCode == null || jurisdictionCode.isBlank()) {
            throw SupervisionFault.of(SupervisionException.invalid("jurisdictionCode", "必填"));
        }
        return SupervisionFault.call(c -> systems.list(c, jurisdictionCode.trim(), SystemStatus.PUBLISHED).stream()
                .map(SoapIndicatorSystem::of).toList());
    }

    @Override
    public SoapIndicatorSystem getSystem(long systemId) throws SupervisionFault {
        return SupervisionFault.call(c -> {
            IndicatorSystem s = systems.get(c, systemId);
            if (s.status() == SystemStatus.DRAFT) {
                throw SupervisionException.notFound("指标体系 " + systemId + " 尚未发布");
            }
            return SoapIndicatorSystem.of(s);
        });
    }
}
