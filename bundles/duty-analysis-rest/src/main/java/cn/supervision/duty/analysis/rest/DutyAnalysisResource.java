package cn.supervision.duty.analysis.rest;

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
import javax.ws.rs.core.SecurityContext;

import cn.supervision.api.duty.AnalysisRun;
import cn.supervision.api.duty.DutyAnalysisService;
import cn.supervision.api.duty.DutyProposal;
import cn.supervision.api.duty.ProposalKind;
import cn.supervision.api.duty.ProposalState;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;
import cn.supervision.rest.bounds.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@Path("/v1/duty-analysis")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "duty-analysis", description = "职责交叉与空白分析：对职责和权责清单事项做中文文本分析，提出交叉、空白建议，由编办确认或排除")
public class DutyAnalysisResource {
    private final DutyAnalysisService analysis;

    public DutyAnalysisResource(DutyAnalysisService analysis) {
        this.analysis = analysis;
    }

    /** The body of a decision: its reason (mandatory). */
    public record Decision(String reason) { }

    static Caller caller(SecurityContext sc) {
        return (Caller) sc.getUserPrincipal();
    }

    @POST
    @Path("runs")
    @Operation(summary = "分析一个行政区划的职责交叉与空白", description = "读取各单位现行职责（含所对应的权责清单事项名称）、"
            + "未对应职责的现行事项，以及已合并、撤销单位的职责和已取消的职责；新的建议入库，已提出过的（无论如何处理）不再提出。"
            + "仅本级编办")
    public AnalysisRun run(@Context SecurityContext sc,
                           @Parameter(description = "行政区划代码，默认为当前账号所在的行政区划") @QueryParam("jurisdiction") String jurisdiction) {
        return analysis.analyse(caller(sc), jurisdiction(sc, jurisdiction));
    }

    @GET
    @Path("proposals")
    @Paged
    @Operation(summary = "分析建议（相似度高的在前）", description = "kind 为 OVERLAP（职责交叉）、GAP（职责空白）；state 为 PROPOSED、"
            + "CONFIRMED、DISMISSED。分页：offset、limit，总数在 X-Total-Count，下一页在 Link")
    public List<DutyProposal> proposals(@Context SecurityContext sc, @QueryParam("jurisdiction") String jurisdiction,
                                        @QueryParam("kind") String kind, @QueryParam("state") String state) {
        return analysis.proposals(caller(sc), jurisdiction(sc, jurisdiction), kind(kind), state(state));
    }

    @GET
    @Path("proposals/{id}")
    @Operation(summary = "一条分析建议")
    public DutyProposal get(@Context SecurityContext sc, @PathParam("id") long id) {
        return analysis.get(caller(sc), id);
    }

    @POST
    @Path("proposals/{id}/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "确认（须说明理由）", description = "为仍存续的相关单位各登记一条问题（职责交叉或空白，来源为职责分析），"
            + "供机构编制处理意见引用；已处理的建议返回 409")
    public DutyProposal confirm(@Context SecurityContext sc, @PathParam("id") long id, Decision decision) {
        return analysis.confirm(caller(sc), id, decision == null ? null : decision.reason());
    }

    @POST
    @Path("proposals/{id}/dismiss")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "排除（须说明理由）", description = "建议保留，今后的分析不再提出；已处理的建议返回 409")
    public DutyProposal dismiss(@Context SecurityContext sc, @PathParam("id") long id, Decision decision) {
        return analysis.dismiss(caller(sc), id, decision == null ? null : decision.reason());
    }

    private static String jurisdiction(SecurityContext sc, String given) {
        if (given != null && !given.isBlank()) {
            return given.trim();
        }
        String own = caller(sc).jurisdictionCode();
        if (own == null) {
            throw SupervisionException.invalid("jurisdiction", "必须指定行政区划");
        }
        return own;
    }

    private static ProposalKind kind(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return ProposalKind.valueOf(text.trim());
        } catch (IllegalArgumentException e) {
            throw SupervisionException.invalid("kind", "“" + text + "”不是有效类型（OVERLAP、GAP）");
        }
    }

    private static ProposalState state(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return ProposalState.valueOf(text.trim());
        } catch (IllegalArgumentException e) {
            throw SupervisionException.invalid("state", "“" + text + "”不是有效状态（PROPOSED、CONFIRMED、DISMISSED）");
        }
    }
}
