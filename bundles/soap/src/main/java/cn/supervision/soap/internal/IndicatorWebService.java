package cn.supervision.soap.internal;

import java.util.List;

import javax.jws.WebMethod;
import javax.jws.WebParam;
import javax.jws.WebResult;
import javax.jws.WebService;

/** Published indicator systems for partner systems (e.g. the comprehensive assessment system). */
@WebService(name = "IndicatorService", targetNamespace = IndicatorWebService.NS)
public interface IndicatorWebService {
    String NS = "http://supervision.cn/soap/indicator/v1";

    @WebMethod
    @WebResult(name = "system")
    List<SoapIndicatorSystem> listPublished(@WebParam(name = "jurisdictionCode") String jurisdictionCode) throws SupervisionFault;

    /** Any published or retired version by id (a campaign may have pinned a version retired since). */
    @WebMethod
    @WebResult(name = "system")
    SoapIndicatorSystem getSystem(@WebParam(name = "systemId") long systemId) throws SupervisionFault;
}
