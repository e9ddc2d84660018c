package cn.supervision.soap.internal;

import java.util.List;

import javax.jws.WebMethod;
import javax.jws.WebParam;
import javax.jws.WebResult;
import javax.jws.WebService;

/** Published supervision results of a jurisdiction and year, for partner systems such as the comprehensive assessment. */
@WebService(name = "AssessmentService", targetNamespace = AssessmentWebService.NS)
public interface AssessmentWebService {
    String NS = "http://supervision.cn/soap/assessment/v1";

    @WebMethod
    @WebResult(name = "campaign")
    List<SoapCampaignResult> publishedResults(@WebParam(name = "jurisdictionCode") String jurisdictionCode,
                                              @WebParam(name = "year") int year) throws SupervisionFault;
}
