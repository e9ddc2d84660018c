package cn.supervision.finding.rest;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
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

import cn.supervision.api.followup.AccountabilityDraft;
import cn.supervision.api.followup.AccountabilityRecord;
import cn.supervision.api.followup.AccountabilityService;
import cn.supervision.api.followup.Finding;
import cn.supervision.api.followup.FindingCategory;
import cn.supervision.api.followup.FindingDraft;
import cn.supervision.api.followup.FindingHistoryService;
import cn.supervision.api.followup.FindingService;
import cn.supervision.api.followup.FindingSource;
import cn.supervision.api.followup.FindingState;
import cn.supervision.api.followup.FindingTransition;
import cn.supervision.api.followup.Severity;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;
import cn.supervision.rest.bounds.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Path("/v1/findings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "findings", description = "问题清单：来源（监管结果、预警、领导批示、巡察检查、人工登记）、类别、严重程度、状态流转记录和问责")
public class FindingsResource {
    /** The listing hands the gateway at most this many findings to page through (oldest first). */
    static final int LISTED = 10_000;

    private final FindingService findings;
    private final FindingHistoryService history;
    private final AccountabilityService accountability;

    public FindingsResource(FindingService findings, FindingHistoryService history, AccountabilityService accountability) {
        this.findings = findings;
        this.history = history;
        this.accountability = accountability;
    }

    /** The body of {@code POST /v1/findings}. */
    public record NewFinding(String jurisdictionCode, Long unitId, FindingSource source, FindingCategory category,
                             Severity severity, String description, String evidence) { }

    /** The body of {@code POST /{id}/withdraw}. */
    public record Withdrawal(String reason) { }

    private static Caller caller(SecurityContext sc) {
        return (Caller) sc.getUserPrincipal();
    }

    @GET
    @Paged
    @Operation(summary = "问题清单", description = "只列出当前用户可查看的问题：本级机构编制部门看本级全部；上级机构编制部门和被监管单位"
            + "只在问题已纳入整改通知（已通知单位）后才能看到")
    public List<Finding> list(@Context SecurityContext sc, @QueryParam("jurisdiction") String jurisdiction,
                              @QueryParam("unit") Long unit, @QueryParam("state") FindingState state) {
        return findings.list(caller(sc), jurisdiction, unit, state, 0, LISTED);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "登记一个问题", description = "source.kind：CAMPAIGN_RESULT（campaignId、indicatorCode、revision：已发布的本级监管活动、"
            + "其监管对象、结果版本和指标或加减分、否决项代码，职责与印证评价相差过大为 #GAP）、WARNING（warningId）、INSTRUCTION、INSPECTION、"
            + "MANUAL（reference 必填：批示、检查文号或登记理由）；同一得分只登记一次（409）")
    public Response create(@Context SecurityContext sc, @Context UriInfo uri, NewFinding body) {
        if (body == null) {
            throw SupervisionException.invalid("body", "需要 jurisdictionCode、unitId、source、category、severity、description");
        }
        Finding f = findings.create(caller(sc), body.jurisdictionCode(), new FindingDraft(body.unitId() == null ? 0 : body.unitId(),
                body.source(), body.category(), body.severity(), body.description(), body.evidence()));
        return Response.created(uri.getBaseUriBuilder().path("v1/findings/{id}").build(f.id())).entity(f).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "一个问题")
    public Finding get(@Context SecurityContext sc, @PathParam("id") long id) {
        return findings.get(caller(sc), id);
    }

    @POST
    @Path("{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "撤销问题", description = "只有未纳入整改（OPEN）的问题可以撤销，须说明理由；其他状态 409")
    public Finding withdraw(@Context SecurityContext sc, @PathParam("id") long id, Withdrawal body) {
        return findings.withdraw(caller(sc), id, body == null ? null : body.reason());
    }

    @GET
    @Path("{id}/history")
    @Paged
    @Operation(summary = "问题的登记和每次状态变更（谁、何时、为何、哪份整改通知）")
    public List<FindingTransition> history(@Context SecurityContext sc, @PathParam("id") long id) {
        return history.history(caller(sc), id);
    }

    @GET
    @Path("{id}/accountability")
    @Paged
    @Operation(summary = "问题的问责记录", description = "上级机构编制部门和被监管单位只看到已决定的记录")
    public List<AccountabilityRecord> accountability(@Context SecurityContext sc, @PathParam("id") long id) {
        return accountability.list(caller(sc), id);
    }

    @POST
    @Path("{id}/accountability")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "提出问责", description = "kind：OFFICE_MEASURE（机构编制部门职权内的监督问责）或 PROPOSAL_TO_PARTY_COMMITTEE"
            + "（超出职权，向党委提出问责建议）；measure 必填，subject（问责对象）、basis（依据）可选；只能在本级行政区划内")
    public Response recordAccountability(@Context SecurityContext sc, @Context UriInfo uri, @PathParam("id") long id,
                                         AccountabilityDraft body) {
        AccountabilityRecord r = accountability.record(caller(sc), id, body);
        return Response.created(uri.getBaseUriBuilder().path("v1/accountability/{id}").build(r.id())).entity(r).build();
    }
}
