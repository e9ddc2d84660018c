package cn.supervision.campaign.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignDeadlines;
import cn.supervision.api.campaign.CampaignDraft;
import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.DutyLeaf;
import cn.supervision.api.campaign.Evidence;
import cn.supervision.api.campaign.InputBatch;
import cn.supervision.api.campaign.InputDraft;
import cn.supervision.api.campaign.InputRecord;
import cn.supervision.api.campaign.InputSource;
import cn.supervision.api.campaign.RequestKey;
import cn.supervision.api.campaign.ResultRevision;
import cn.supervision.api.campaign.Transition;
import cn.supervision.api.campaign.UnitResult;
import cn.supervision.api.indicator.Evaluation;
import cn.supervision.api.indicator.IndicatorInput;
import cn.supervision.api.indicator.SystemDefinition;
import cn.supervision.api.evidence.EvidenceFile;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;
import cn.supervision.rest.bounds.Paged;
import cn.supervision.rest.bounds.StreamedBody;
import cn.supervision.spreadsheet.Sheet;
import cn.supervision.spreadsheet.Xlsx;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@Path("/v1/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "campaigns", description = "常规监管与专项监管活动：计划（固定指标体系版本、选用类别、周期、截止日期、监管对象）与状态流转")
public class CampaignsResource {
    private final CampaignService campaigns;


    private final CampaignDeadlines deadlines;

    public CampaignsResource(CampaignService campaigns, CampaignDeadlines deadlines) {
        this.campaigns = campaigns;
        this.deadlines = deadlines;
    }

    /** The body of {@code POST /v1/campaigns}: the jurisdiction and the plan. */
    public record NewCampaign(String jurisdictionCode, CampaignDraft plan) { }

    /** The body of {@code POST /{id}/transitions}. */
    public record TransitionCommand(CampaignState to, String reason) { }

    private static Caller caller(SecurityContext sc) {
        return (Caller) sc.getUserPrincipal();
    }

    @GET
    @Paged
    @Operation(summary = "监管活动列表")
    public List<Campaign> list(@Context SecurityContext sc, @QueryParam("jurisdiction") String jurisdiction,
                               @QueryParam("state") CampaignState state) {
        return campaigns.list(caller(sc), jurisdiction, state);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "新建监管活动（草稿）", description = "categories 省略时：常规监管用核心、辅助、社会评议、平台数据，专项监管用全部五类；"
            + "targetUnitIds 省略时：开始采集时的全部存续单位；latePolicy 省略时为 MARK_LATE（采集截止日北京时间 24 时后的自评照收并标记 late），"
            + "REFUSE 时截止后的自评被拒绝（409，机构编制部门退回的自评仍可补报）")
    public Response create(@Context SecurityContext sc, @Context UriInfo uri, NewCampaign body) {
        if (body == null || body.jurisdictionCode() == null) {
            throw SupervisionException.invalid("jurisdictionCode", "必须指定行政区划");
        }
        Campaign c = campaigns.create(caller(sc), body.jurisdictionCode(), body.plan());
        return Response.created(uri.getBaseUriBuilder().path("v1/campaigns/{id}").build(c.id())).entity(c).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "一个监管活动")
    public Campaign get(@Context SecurityContext sc, @PathParam("id") long id) {
        return campaigns.get(caller(sc), id);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "修改草稿计划", description = "开始采集后计划不可修改（409）")
    public Campaign update(@Context SecurityContext sc, @PathParam("id") long id, CampaignDraft plan) {
        return campaigns.update(caller(sc), id, plan);
    }

    @POST
    @Path("{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "状态流转", description = "DRAFT → COLLECTING → SCORING → PUBLISHED，SCORING 可退回 COLLECTING；须说明理由")
    public Campaign transition(@Context SecurityContext sc, @PathParam("id") long id, TransitionCommand command) {
        if (command == null) {
            throw SupervisionException.invalid("body", "需要 {\"to\":…,\"reason\":…}");
        }
        return campaigns.transition(caller(sc), id, command.to(), command.reason());
    }

    @GET
    @Path("{id}/history")
    @Paged
    @Operation(summary = "状态流转记录（谁、何时、为何）")
    public List<Transition> history(@Context SecurityContext sc, @PathParam("id") long id) {
        return campaigns.history(caller(sc), id);
    }

    /** The body of {@code POST /{id}/inputs} (and each input of a batch). */
    public record InputCommand(Long unitId, String code, IndicatorInput input, InputSource source, String explanation) { }

    /** The body of {@code POST /{id}/inputs/batch}. */
    public record BatchCommand(List<InputCommand> inputs) { }

    @POST
    @Path("{id}/inputs")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "录入一项输入", description = "单位用户自评（SELF_REPORT，仅本单位）、评价人评定（EVALUATOR，一个等次并写明理由）、"
            + "机构编制部门录入（OFFICE；由问卷和平台数据换算的为 PEER_REVIEW、PUBLIC_EVALUATION、PLATFORM_DATA，只能计入相应类别的指标）；"
            + "只在采集和评分阶段接受；每条都保留，最新的生效。code 为该单位所用体系中的末级指标或加减分项：按职责逐项考核的指标填展开后的编码"
            + "（如 D1.1-3，见 GET /{id}/units/{unitId}/system），模板编码本身被拒绝（400）。" + IdempotencyKey.DESCRIPTION)
    public Response recordInput(@Context SecurityContext sc, @PathParam("id") long id,
                                @Parameter(description = IdempotencyKey.PARAMETER, schema = @Schema(type = "string", maxLength = RequestKey.MAX_LENGTH))
                                @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
                                InputCommand command) {
        RequestKey key = IdempotencyKey.parse(idempotencyKey);
        if (command == null || command.unitId() == null || command.code() == null) {
            throw SupervisionException.invalid("body", "需要 unitId、code、input、source");
        }
        RequestKey.Answer<InputRecord> r = campaigns.recordInput(caller(sc), id, draft(command), key);
        return IdempotencyKey.marked(Response.status(201).entity(r.answer()), r).build();
    }

    @POST
    @Path("{id}/inputs/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "成批录入输入", description = "{\"inputs\":[…]}，每项与录入一项输入的请求体相同（最多 10000 项）。整批在一个事务中：每项都按单项录入的规则检查，"
            + "全部通过才全部写入（201，outcomes 按提交顺序列出每项的记录），任何一项被拒绝则一项也不写入（422，outcomes 中被拒绝的项给出 refusal 与 reason）；"
            + "涉及整批的拒绝（活动不存在、不在采集阶段、无权）为相应的错误状态。" + IdempotencyKey.DESCRIPTION
            + "被拒绝（422）的一批不占用幂等键，修改后可用同一键重发")
    public Response recordInputs(@Context SecurityContext sc, @PathParam("id") long id,
                                 @Parameter(description = IdempotencyKey.PARAMETER, schema = @Schema(type = "string", maxLength = RequestKey.MAX_LENGTH))
                                 @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
                                 BatchCommand command) {
        RequestKey key = IdempotencyKey.parse(idempotencyKey);
        if (command == null || command.inputs() == null) {
            throw SupervisionException.invalid("inputs", "需要 {\"inputs\":[{unitId、code、input、source、explanation}…]}");
        }
        List<InputDraft> drafts = new ArrayList<>(command.inputs().size());
        for (int i = 0; i < command.inputs().size(); i++) {
            InputCommand c = command.inputs().get(i);
            if (c == null || c.unitId() == null || c.code() == null) {
                throw SupervisionException.invalid("inputs[" + i + "]", "每项需要 unitId、code、input、source");
            }
            drafts.add(draft(c));
        }
        RequestKey.Answer<InputBatch> r = campaigns.recordInputs(caller(sc), id, drafts, key);
        return IdempotencyKey.marked(Response.status(r.answer().written() ? 201 : 422).entity(r.answer()), r).build();
    }

    private static InputDraft draft(InputCommand c) {
        return new InputDraft(c.unitId(), c.code(), c.input(), c.source(), c.explanation());
    }

    /** The body of {@code POST /{id}/inputs/{inputId}/review}. */
    public record ReviewCommand(boolean accept, String note) { }

    @POST
    @Path("{id}/inputs/{inputId}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "审核单位自评", description = "接受后计入评分；退回须说明理由，单位重新填报（新记录），原记录保留")
    public InputRecord review(@Context SecurityContext sc, @PathParam("id") long id, @PathParam("inputId") long inputId,
                              ReviewCommand command) {
        if (command == null) {
            throw SupervisionException.invalid("body", "需要 {\"accept\":true|false,\"note\":…}");
        }
        return campaigns.review(caller(sc), id, inputId, command.accept(), command.note());
    }

    @POST
    @Path("{id}/inputs/{inputId}/evidence")
    @Consumes(MediaType.WILDCARD)
    @StreamedBody
    @Operation(summary = "上传佐证材料", description = "请求体为文件本身，文件名由 fileName 参数给出；只接受 pdf、ofd、jpg、png、doc(x)、xls(x)，最大 10 MB；保存 SHA-256")
    public Response attach(@Context SecurityContext sc, @PathParam("id") long id, @PathParam("inputId") long inputId,
                           @QueryParam("fileName") String fileName, @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length,
                           java.io.InputStream body) throws IOException {
        // who may attach to this input is decided before a byte of the file is read
        campaigns.checkEvidenceUpload(caller(sc), id, inputId);
        byte[] content = EvidenceFile.read(length, body);
        return Response.status(201).entity(campaigns.attachEvidence(caller(sc), id, inputId, fileName, content)).build();
    }

    @GET
    @Path("{id}/inputs/{inputId}/evidence")
    @Paged
    @Operation(summary = "一项输入的佐证材料清单")
    public List<Evidence> evidence(@Context SecurityContext sc, @PathParam("id") long id, @PathParam("inputId") long inputId) {
        return campaigns.evidence(caller(sc), id, inputId);
    }

    @GET
    @Path("{id}/evidence/{evidenceId}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(summary = "下载佐证材料")
    public Response download(@Context SecurityContext sc, @PathParam("id") long id, @PathParam("evidenceId") long evidenceId) {
        return Response.ok(campaigns.evidenceContent(caller(sc), id, evidenceId), MediaType.APPLICATION_OCTET_STREAM).build();
    }

    @GET
    @Path("{id}/units/{unitId}/inputs")
    @Paged
    @Operation(summary = "一个单位的全部输入（含来源、录入人、时间）")
    public List<InputRecord> inputs(@Context SecurityContext sc, @PathParam("id") long id, @PathParam("unitId") long unitId) {
        return campaigns.inputs(caller(sc), id, unitId);
    }

    @GET
    @Path("{id}/results")
    @Operation(summary = "计分结果", description = "按选用类别重新归一：总分 = Σ选用类别得分 × 基础满分 / Σ选用类别满分 + 加分 − 扣分；"
            + "含等次、排名（总排名与同类单位排名）、职责与印证两个视角（0–100）及其差距标记（印证式核对）、每个指标的得分说明")
    public List<UnitResult> results(@Context SecurityContext sc, @PathParam("id") long id,
                                    @QueryParam("gapThreshold") BigDecimal gapThreshold) {
        return campaigns.results(caller(sc), id, gapThreshold);
    }

    @GET
    @Path("{id}/duty-leaves")
    @Operation(summary = "按职责逐项考核的指标", description = "开始采集时，按职责逐项考核的指标按每个单位当时有效的主要职责展开（此后三定修订不改变本次活动）；"
            + "每项：模板指标 templateCode、展开后的指标编码 code（模板编码-职责序号，单位按此填报）、职责 id/序号/内容/类型、占模板指标的百分比 share、"
            + "当前得分 score 与满分 max（尚无输入时 score 为空，即该职责尚未考核）。unitId 省略时为全部监管对象。"
            + "权限同计分结果：发布前仅本级机构编制部门与领导，发布后单位只看本单位；采集开始前为空")
    public List<DutyLeaf> dutyLeaves(@Context SecurityContext sc, @PathParam("id") long id, @QueryParam("unitId") Long unitId) {
        return campaigns.dutyLeaves(caller(sc), id, unitId);
    }

    @GET
    @Path("{id}/units/{unitId}/system")
    @Operation(summary = "单位所用的指标体系（展开后）", description = "为该单位类别固定的指标体系版本，其中按职责逐项考核的指标已按本次活动冻结的该单位职责展开："
            + "即该单位自评和录入时使用的指标编码（展开的模板指标本身不再接受输入）。单位用户只能查看本单位")
    public SystemDefinition system(@Context SecurityContext sc, @PathParam("id") long id, @PathParam("unitId") long unitId) {
        return campaigns.systemFor(caller(sc), id, unitId);
    }

    /** The body of {@code POST /{id}/corrections}. */
    public record CorrectionCommand(String reason, List<CampaignService.Correction> corrections) { }

    @GET
    @Path("{id}/coverage")
    @Operation(summary = "数据覆盖情况", description = "列出选用类别中尚无（已接受的）输入的单位和指标")
    public List<CampaignService.Coverage> coverage(@Context SecurityContext sc, @PathParam("id") long id) {
        return campaigns.coverage(caller(sc), id);
    }

    @GET
    @Path("{id}/lateness")
    @Operation(summary = "自评逾期情况", description = "每个监管对象单位：是否已自评、首次与最近自评时间、逾期提交的条数、是否逾期"
            + "（有逾期提交，或截止后仍未完成），以及尚缺自评的指标（选用的核心、辅助职责类末级指标）。截止日期按北京时间当日 24 时计；"
            + "计划的 latePolicy 为 REFUSE 时截止后的自评被拒绝（409），MARK_LATE（默认）时接受并标记 late。"
            + "本级机构编制部门与领导可查看；上级在结果发布后可查看下级的。采集开始前 409")
    public CampaignDeadlines.Lateness lateness(@Context SecurityContext sc, @PathParam("id") long id) {
        return deadlines.lateness(caller(sc), id);
    }

    @GET
    @Path("{id}/revisions")
    @Paged
    @Operation(summary = "已发布结果的各个版本", description = "第 1 版为发布时的结果，其后每次更正一个版本，均可查阅")
    public List<ResultRevision> revisions(@Context SecurityContext sc, @PathParam("id") long id) {
        return campaigns.revisions(caller(sc), id);
    }

    @POST
    @Path("{id}/corrections")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "更正已发布的结果", description = "记录更正的输入并重新计分，生成新版本；须说明理由")
    public Response correct(@Context SecurityContext sc, @PathParam("id") long id, CorrectionCommand command) {
        ResultRevision r = campaigns.correct(caller(sc), id, command == null ? null : command.reason(),
                command == null ? null : command.corrections());
        return Response.status(201).entity(r).build();
    }

    @GET
    @Path("{id}/results.xlsx")
    @Produces(XLSX)
    @Operation(summary = "结果表（Excel）", description = "排名、单位、类别、总分、等次、职责视角、印证视角、差距、印证核对、缺少数据的指标数")
    public Response resultsExcel(@Context SecurityContext sc, @PathParam("id") long id) throws IOException {
        Campaign c = campaigns.get(caller(sc), id);
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("排名", "同类排名", "单位", "单位类别", "总分", "等次", "职责视角", "印证视角", "差距", "印证核对", "缺数据指标数"));
        for (UnitResult r : campaigns.results(caller(sc), id, null)) {
            rows.add(java.util.Arrays.asList(r.rank(), r.rankInKind(), r.unitName(), label(r.unitKind()), r.total(), r.grade(),
                    r.dutyView() == null ? "" : r.dutyView(), r.corroborationView() == null ? "" : r.corroborationView(),
                    r.gap() == null ? "" : r.gap(), r.flagged() ? "需核查" : "", r.missingInputs()));
        }
        return xlsx(new Sheet(c.period().label() + c.kind().label() + "结果", rows), "campaign-" + id + "-results.xlsx");
    }

    @GET
    @Path("{id}/units/{unitId}/result.xlsx")
    @Produces(XLSX)
    @Operation(summary = "一个单位的得分明细（Excel）", description = "每个指标：编码、名称、类别、分值、得分、评分标准、得分说明、计算步骤、数据来源")
    public Response unitExcel(@Context SecurityContext sc, @PathParam("id") long id, @PathParam("unitId") long unitId) throws IOException {
        UnitResult r = campaigns.results(caller(sc), id, null).stream().filter(x -> x.unitId() == unitId).findFirst()
                .orElseThrow(() -> SupervisionException.notFound("单位 " + unitId + " 不在本次监管活动的结果中"));
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("编码", "指标", "类别", "满分", "得分", "评分标准", "得分说明", "计算步骤", "数据来源"));
        addNodes(rows, r.evaluation().indicators());
        r.evaluation().adjustments().forEach(a -> rows.add(java.util.Arrays.asList(a.code(), a.name(), a.kind().name(), "",
                a.amount(), "", a.explanation(), String.join("\n", a.steps()), "")));
        rows.add(java.util.Arrays.asList("", "总分", "", "", r.total(), "", r.grade(), "", ""));
        return xlsx(new Sheet(r.unitName(), rows), "campaign-" + id + "-unit-" + unitId + ".xlsx");
    }

    private static void addNodes(List<List<Object>> rows, List<Evaluation.NodeScore> nodes) {
        for (Evaluation.NodeScore n : nodes) {
            rows.add(java.util.Arrays.asList(n.code(), n.name(), n.category() == null ? "" : n.category().label(), n.max(), n.score(),
                    n.standard() == null ? "" : n.standard(), n.explanation(), String.join("\n", n.steps()),
                    n.source() == null ? "" : n.source()));
            addNodes(rows, n.children());
        }
    }

    private static String label(String unitKind) {
        try {
            return cn.supervision.api.registry.UnitKind.valueOf(unitKind).label();
        } catch (IllegalArgumentException e) {
            return unitKind;
        }
    }

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static Response xlsx(Sheet sheet, String fileName) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Xlsx.write(out, List.of(sheet));
        return Response.ok(out.toByteArray(), XLSX).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }

    @POST
    @Path("{id}/rollover")
    @Operation(summary = "常规监管滚动到下一周期", description = "以相同计划新建下一周期的草稿")
    public Response rollover(@Context SecurityContext sc, @Context UriInfo uri, @PathParam("id") long id) {
        Campaign c = campaigns.rollover(caller(sc), id);
        return Response.created(uri.getBaseUriBuilder().path("v1/campaigns/{id}").build(c.id())).entity(c).build();
    }
}
