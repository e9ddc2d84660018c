package cn.supervision.finding.rest;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import cn.supervision.api.followup.Finding;
import cn.supervision.api.followup.FindingDraft;
import cn.supervision.api.followup.FindingService;
import cn.supervision.api.followup.GenerationRule;
import cn.supervision.api.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Generation of findings under a campaign's path. The class path is the campaign resource's own ({@code /v1/campaigns}):
 * CXF looks for a method among the root resources of equal path templates only, so a shorter root such as
 * {@code /v1} would never be reached for these URLs.
 */
@Path("/v1/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "findings")
public class CampaignFindingsResource {
    private final FindingService findings;

    public CampaignFindingsResource(FindingService findings) {
        this.findings = findings;
    }

    private static Caller caller(SecurityContext sc) {
        return (Caller) sc.getUserPrincipal();
    }

    @POST
    @Path("{id}/findings/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "预览由监管结果生成的问题（不写入）", description = "{\"belowShare\":0.6,\"vetoes\":true,\"gapFlags\":true}："
            + "现行结果版本中得分低于满分该比例的末级指标、触发的否决项、职责与印证评价相差过大的单位；已登记过的得分不再列出")
    public List<FindingDraft> preview(@Context SecurityContext sc, @PathParam("id") long id, GenerationRule rule) {
        return findings.preview(caller(sc), id, rule);
    }

    @POST
    @Path("{id}/findings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "由监管结果生成问题", description = "与预览相同的规则和结果；每个问题链接到其得分（监管活动、指标代码、结果版本）；"
            + "同一单位、指标和版本只生成一次，再次生成只创建新增的（201，可能为空列表）")
    public Response generate(@Context SecurityContext sc, @PathParam("id") long id, GenerationRule rule) {
        List<Finding> created = findings.generate(caller(sc), id, rule);
        return Response.status(201).entity(created).build();
    }
}
