package cn.supervision.soap.internal;

import java.util.List;

import javax.jws.WebMethod;
import javax.jws.WebParam;
import javax.jws.WebResult;
import javax.jws.WebService;

/** Rectification status per unit and year, for partner systems (read only). */
@WebService(name = "RectificationService", targetNamespace = RectificationWebService.NS)
public interface RectificationWebService {
    String NS = "http://supervision.cn/soap/rectification/v1";

    @WebMethod
    @WebResult(name = "unit")
    List<SoapUnitRectification> rectificationStatus(@WebParam(name = "jurisdictionCode") String jurisdictionCode,
                                                    @WebParam(name = "year") int year) throws SupervisionFault;
}
