package cn.supervision.soap.internal;

import java.util.List;

import javax.jws.WebMethod;
import javax.jws.WebParam;
import javax.jws.WebResult;
import javax.jws.WebService;

/** Read access to jurisdictions and units for partner systems. */
@WebService(name = "RegistryService", targetNamespace = RegistryWebService.NS)
public interface RegistryWebService {
    String NS = "http://supervision.cn/soap/registry/v1";

    @WebMethod
    @WebResult(name = "jurisdiction")
    List<SoapJurisdiction> listJurisdictions() throws SupervisionFault;

    @WebMethod
    @WebResult(name = "unit")
    List<SoapUnit> listUnits(@WebParam(name = "jurisdictionCode") String jurisdictionCode) throws SupervisionFault;

    @WebMethod
    @WebResult(name = "unit")
    SoapUnit getUnit(@WebParam(name = "unitId") long unitId) throws SupervisionFault;
}
