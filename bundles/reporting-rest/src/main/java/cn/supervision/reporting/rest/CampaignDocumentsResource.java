package cn.supervision.reporting.rest;

import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import cn.supervision.api.document.DocumentFormat;
import cn.supervision.api.document.ResultDocumentService;
import cn.supervision.api.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Reports of a campaign, under the campaign's path. The class path is the campaign resource's own ({@code /v1/campaigns}):
 * CXF looks for a method among the root resources of equal path templates only.
 */
@Path("/v1/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "result-documents", description = "由监管结果生成的文书：监管工作报告、单位监管报告、整改通知书、通报")
public class CampaignDocumentsResource {
    private final ResultDocumentService documents;

    public CampaignDocumentsResource(ResultDocumentService documents) {
        this.documents = documents;
    }

    static Caller caller(SecurityContext sc) {
        return (Caller) sc.getUserPrincipal();
    }

    @POST
    @Path("{id}/documents/report")
    @Operation(summary = "生成监管工作报告", description = "仅限已发布的监管活动（评分中的活动不能生成，结果发布前不外传）：总体情况、得分分布（含柱状图）、排名、主要问题、"
            + "整改情况、下一步建议。每次生成为一个新版本（201，下载见 /v1/documents/{id}/content）；须有本行政区划的生成文书权限")
    public Response campaignReport(@Context SecurityContext sc, @Context UriInfo uri, @PathParam("id") long id,
                                   @Parameter(description = "PDF（默认）或 DOCX") @QueryParam("format") String format) {
        return Formats.created(uri, documents.campaignReport(caller(sc), id, DocumentFormat.ofParameter(format)));
    }

    @POST
    @Path("{id}/units/{unitId}/documents/report")
    @Operation(summary = "生成单位监管报告", description = "单位总分、等次、排名，各项指标得分及其来源（录入方式、录入人、时间、评分规则和计分过程），"
            + "问题和整改事项。文书在下发（POST /v1/documents/{id}/issue）后该单位可以查看")
    public Response unitReport(@Context SecurityContext sc, @Context UriInfo uri, @PathParam("id") long id,
                               @PathParam("unitId") long unitId,
                               @Parameter(description = "PDF（默认）或 DOCX") @QueryParam("format") String format) {
        return Formats.created(uri, documents.unitReport(caller(sc), id, unitId, DocumentFormat.ofParameter(format)));
    }
}
