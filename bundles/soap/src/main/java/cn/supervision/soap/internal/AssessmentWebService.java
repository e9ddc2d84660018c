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

    /**
     * The published results mapped onto the assessment indicator with the jurisdiction's mapping in force (art. 18):
     * per unit the routine result, its points, the special-campaign items and the final points. Recorded in the
     * platform's export log (SOAP). Faults: 403 outside the caller's scope, 409 without a mapping.
     */
    @WebMethod
    @WebResult(name = "assessment")
    SoapMappedResults mappedResults(@WebParam(name = "jurisdictionCode") String jurisdictionCode,
                                    @WebParam(name = "year") int year) throws SupervisionFault;
}
