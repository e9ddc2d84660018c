package cn.supervision.proposal.rest;

import java.net.URI;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.proposal.Proposal;
import cn.supervision.api.proposal.ProposalDraft;
import cn.supervision.api.proposal.ProposalService;
import cn.supervision.api.proposal.ProposalState;
import cn.supervision.api.proposal.ProposalTransition;
import cn.supervision.api.security.Caller;
import cn.supervision.rest.bounds.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@Path("/v1/proposals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "proposals", description = "机构编制处理意见（第十九条）：以问题为依据起草，审定后调整单位库")
public class ProposalsResource {
    private final ProposalService proposals;

    public ProposalsResource(ProposalService proposals) {
        this.proposals = proposals;
    }

    /** The body of a return: its reason (mandatory). */
    public record ReturnCommand(String reason) { }

    static Caller caller(SecurityContext sc) {
        return (Caller) sc.getUserPrincipal();
    }

    @GET
    @Paged
    @Operation(summary = "处理意见列表（最新的在前）", description = "jurisdiction 省略时列出当前账号可见的全部；state 为 DRAFT、SUBMITTED、"
            + "RETURNED、APPROVED、APPLIED。分页：offset、limit，总数在 X-Total-Count，下一页在 Link")
    public List<Proposal> list(@Context SecurityContext sc, @QueryParam("jurisdiction") String jurisdiction,
                               @QueryParam("state") String state) {
        return proposals.list(caller(sc), blank(jurisdiction) ? null : jurisdiction, state(state));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "起草处理意见", description = "依据 findingIds（同一行政区划的问题），changes 为调整事项：MOVE_DUTY（职责划转）、"
            + "CLARIFY_DUTY（厘清职责边界）、ADD_INTERNAL_BODY / REMOVE_INTERNAL_BODY（内设机构）、SET_STAFFING（核定编制）、"
            + "INTAKE_PLAN（用编进人计划）")
    public Response create(@Context SecurityContext sc, @Context UriInfo uri,
                           @Parameter(description = "行政区划代码，默认为当前账号所在的行政区划")
                           @QueryParam("jurisdiction") String jurisdiction, ProposalDraft draft) {
        Caller caller = caller(sc);
        String code = blank(jurisdiction) ? caller.jurisdictionCode() : jurisdiction;
        if (code == null) {
            throw SupervisionException.invalid("jurisdiction", "必须指定行政区划");
        }
        Proposal p = proposals.create(caller, code, draft);
        URI location = uri.getBaseUriBuilder().path("v1/proposals/{id}").build(p.id());
        return Response.created(location).entity(p).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "一份处理意见（含依据和调整事项）")
    public Proposal get(@Context SecurityContext sc, @PathParam("id") long id) {
        return proposals.get(caller(sc), id);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "修改草稿或被退回的处理意见")
    public Proposal update(@Context SecurityContext sc, @PathParam("id") long id, ProposalDraft draft) {
        return proposals.update(caller(sc), id, draft);
    }

    @POST
    @Path("{id}/submit")
    @Operation(summary = "提交审定（草稿或被退回的）")
    public Proposal submit(@Context SecurityContext sc, @PathParam("id") long id) {
        return proposals.submit(caller(sc), id);
    }

    @POST
    @Path("{id}/approve")
    @Operation(summary = "审定", description = "须由提交人以外的本机关人员审定；审定时编号（〔年度〕n号）")
    public Proposal approve(@Context SecurityContext sc, @PathParam("id") long id) {
        return proposals.approve(caller(sc), id);
    }

    @POST
    @Path("{id}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "退回修改（须说明理由）")
    public Proposal returnForRevision(@Context SecurityContext sc, @PathParam("id") long id, ReturnCommand command) {
        return proposals.returnForRevision(caller(sc), id, command == null ? null : command.reason());
    }

    @POST
    @Path("{id}/apply")
    @Operation(summary = "执行：调整单位库", description = "逐项核对单位现状，全部可行才写入；每个单位的变更历史注明本处理意见")
    public Proposal apply(@Context SecurityContext sc, @PathParam("id") long id) {
        return proposals.apply(caller(sc), id);
    }

    @GET
    @Path("{id}/history")
    @Operation(summary = "处理意见的流转历史")
    public List<ProposalTransition> history(@Context SecurityContext sc, @PathParam("id") long id) {
        return proposals.history(caller(sc), id);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static ProposalState state(String text) {
        if (blank(text)) {
            return null;
        }
        try {
            return ProposalState.valueOf(text.trim());
        } catch (IllegalArgumentException e) {
            throw SupervisionException.invalid("state", "“" + text + "”不是有效状态（DRAFT、SUBMITTED、RETURNED、APPROVED、APPLIED）");
        }
    }
}
