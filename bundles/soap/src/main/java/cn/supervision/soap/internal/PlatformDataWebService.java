package cn.supervision.soap.internal;

import javax.jws.WebMethod;
import javax.jws.WebParam;
import javax.jws.WebResult;
import javax.jws.WebService;

/**
 * Partner systems push platform data (12345 hotline, good/bad reviews, ...). The same rules as REST: a batch is applied
 * whole or not at all, the same client batch id twice is stored once (status DUPLICATE), rejected rows come back with
 * their reasons (status REJECTED, not a fault); a fault means the request itself was refused (authority, size).
 */
@WebService(name = "PlatformDataService", targetNamespace = PlatformDataWebService.NS)
public interface PlatformDataWebService {
    String NS = "http://supervision.cn/soap/platform-data/v1";

    @WebMethod
    @WebResult(name = "receipt")
    SoapBatchReceipt submitBatch(@WebParam(name = "jurisdictionCode") String jurisdictionCode,
                                 @WebParam(name = "sourceSystem") String sourceSystem,
                                 @WebParam(name = "clientBatchId") String clientBatchId,
                                 @WebParam(name = "row") java.util.List<SoapDataRow> rows) throws SupervisionFault;
}
