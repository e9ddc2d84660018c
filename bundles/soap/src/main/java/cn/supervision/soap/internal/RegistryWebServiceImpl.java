package cn.supervision.soap.internal;

import java.util.List;

import javax.jws.WebService;

import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.RegistryService;

@WebService(serviceName = "RegistryService", portName = "RegistryServicePort", targetNamespace = RegistryWebService.NS,
        endpointInterface = "cn.supervision.soap.internal.RegistryWebService")
public class RegistryWebServiceImpl implements RegistryWebService {
    private final RegistryService registry;

    public RegistryWebServiceImpl(RegistryService registry) {
        this.registry = registry;
    }

    @Override
    public List<SoapJurisdiction> listJurisdictions() throws SupervisionFault {
        return SupervisionFault.call(c -> registry.listJurisdictions(c).stream().map(SoapJurisdiction::of).toList());
    }

    @Override
    public List<SoapUnit> listUnits(String jurisdictionCode) throws SupervisionFault {
        if (jurisdictionCode == null || jurisdictionCode.isBlank()) {
            throw SupervisionFault.of(SupervisionException.invalid("jurisdictionCode", "必填"));
        }
        return SupervisionFault.call(c -> registry.listUnits(c, jurisdictionCode.trim(), false).stream().map(SoapUnit::of).toList());
    }

    @Override
    public SoapUnit getUnit(long unitId) throws SupervisionFault {
        return SupervisionFault.call(c -> SoapUnit.of(registry.getUnit(c, unitId)));
    }
}
