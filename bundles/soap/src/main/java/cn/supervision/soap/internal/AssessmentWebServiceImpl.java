package cn.supervision.soap.internal;

import java.util.ArrayList;
import java.util.List;

import javax.jws.WebService;

import cn.supervision.api.assessment.AssessmentService;
import cn.supervision.api.assessment.ExportFormat;
import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.ResultRevision;
import cn.supervision.api.problem.SupervisionException;

@WebService(serviceName = "AssessmentService", portName = "AssessmentServicePort", targetNamespace = AssessmentWebService.NS,
        endpointInterface = "cn.supervision.soap.internal.AssessmentWebService")
public class AssessmentWebServiceImpl implements AssessmentWebService {
    private final CampaignService campaigns;
    private final AssessmentService assessment;

    public AssessmentWebServiceImpl(CampaignService campaigns, AssessmentService assessment) {
        this.campaigns = campaigns;
        this.assessment = assessment;
    }

    @Override
    public List<SoapCampaignResult> publishedResults(String jurisdictionCode, int year) throws SupervisionFault {
        if (jurisdictionCode == null || jurisdictionCode.isBlank()) {
            throw SupervisionFault.of(SupervisionException.invalid("jurisdictionCode", "必填"));
        }
        return SupervisionFault.call(c -> {
            List<SoapCampaignResult> out = new ArrayList<>();
            for (Campaign campaign : campaigns.list(c, jurisdictionCode.trim(), CampaignState.PUBLISHED)) {
                if (campaign.period().year() != year) {
                    continue;
                }
                List<ResultRevision> revisions = campaigns.revisions(c, campaign.id());
                out.add(SoapCampaignResult.of(campaign, revisions.get(revisions.size() - 1), campaigns.results(c, campaign.id(), null)));
            }
            return out;
        });
    }

    @Override
    public SoapMappedResults mappedResults(String jurisdictionCode, int year) throws SupervisionFault {
        if (jurisdictionCode == null || jurisdictionCode.isBlank()) {
            throw SupervisionFault.of(SupervisionException.invalid("jurisdictionCode", "必填"));
        }
        return SupervisionFault.call(c -> SoapMappedResults.of(assessment.export(c, jurisdictionCode.trim(), year, ExportFormat.SOAP)));
    }
}
