package cn.supervision.report.rest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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

import cn.supervision.api.document.DocumentFormat;
import cn.supervision.api.document.StoredDocument;
import cn.supervision.api.evidence.EvidenceFile;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.report.Instruction;
import cn.supervision.api.report.InstructionDraft;
import cn.supervision.api.report.InstructionScan;
import cn.supervision.api.report.ReportState;
import cn.supervision.api.report.ReportTransition;
import cn.supervision.api.report.SpecialReport;
import cn.supervision.api.report.SpecialReportDraft;
import cn.supervision.api.report.SpecialReportService;
import cn.supervision.api.security.Caller;
import cn.supervision.api.task.TaskDraft;
import cn.supervision.rest.bounds.Paged;
import cn.supervision.rest.bounds.StreamedBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@Path("/v1/special-reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "special-reports", description = "监管专报（第二十二条）：起草、审核、报送领导、领导批示和督办落实")
public class SpecialReportsResource {
    private final SpecialReportService reports;

    public SpecialReportsResource(SpecialReportService reports) {
        this.reports = reports;
    }

    /** The body of a return: its reason (mandatory). */
    public record ReturnCommand(String reason) { }

    /** The leaders (usernames) a report is sent to. */
    public record SendCommand(List<String> leaders) { }

    /** Tasks assigned to an instruction. */
    public record TasksCommand(List<TaskDraft> tasks) { }

    /** The office's closing note (optional). */
    public record CloseCommand(String note) { }

    static Caller caller(SecurityContext sc) {
        return (Caller) sc.getUserPrincipal();
    }

    @GET
    @Paged
    @Operation(summary = "监管专报列表（最新的在前）", description = "jurisdiction 省略时列出当前账号可见的全部（领导只看到报送给本人的）；state 为 "
            + "DRAFT、IN_REVIEW、RETURNED、APPROVED、SENT、INSTRUCTED、CLOSED。分页：offset、limit，总数在 X-Total-Count")
    public List<SpecialReport> list(@Context SecurityContext sc, @QueryParam("jurisdiction") String jurisdiction,
                                    @QueryParam("state") String state) {
        return reports.list(caller(sc), blank(jurisdiction) ? null : jurisdiction, state(state), 0, Integer.MAX_VALUE);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "起草监管专报", description = "title、sections [heading, text]（问题、依据、分析、处理建议），findingIds、unitIds、"
            + "campaignIds 须属同一行政区划；已发布监管活动中相关单位的得分列入专报")
    public Response create(@Context SecurityContext sc, @Context UriInfo uri,
                           @Parameter(description = "行政区划代码，默认为当前账号所在的行政区划")
                           @QueryParam("jurisdiction") String jurisdiction, SpecialReportDraft draft) {
        Caller caller = caller(sc);
        String code = blank(jurisdiction) ? caller.jurisdictionCode() : jurisdiction;
        if (code == null) {
            throw SupervisionException.invalid("jurisdiction", "必须指定行政区划");
        }
        SpecialReport r = reports.create(caller, code, draft);
        URI location = uri.getBaseUriBuilder().path("v1/special-reports/{id}").build(r.id());
        return Response.created(location).entity(r).build();
    }

    @GET
    @Path("instructions")
    @Operation(summary = "未办结专报的领导批示及其督办事项进度（有逾期的在前）")
    public List<Instruction> openInstructions(@Context SecurityContext sc, @QueryParam("jurisdiction") String jurisdiction) {
        return reports.openInstructions(caller(sc), blank(jurisdiction) ? null : jurisdiction);
    }

    @GET
    @Path("instructions/{instructionId}")
    @Operation(summary = "一条批示（含督办事项编号和进度）")
    public Instruction instruction(@Context SecurityContext sc, @PathParam("instructionId") long instructionId) {
        return reports.instruction(caller(sc), instructionId);
    }

    @POST
    @Path("instructions/{instructionId}/tasks")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "将批示交办为督办事项", description = "tasks [title, detail, ownerKind（UNIT、DEPARTMENT、OFFICE）, ownerCode, "
            + "deadline]；承办方须属本行政区划，全部可行才交办")
    public Instruction assignTasks(@Context SecurityContext sc, @PathParam("instructionId") long instructionId, TasksCommand body) {
        return reports.assignTasks(caller(sc), instructionId, body == null ? null : body.tasks());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "一份监管专报（含关联问题、单位、得分，报送对象及签阅，批示及督办进度）")
    public SpecialReport get(@Context SecurityContext sc, @PathParam("id") long id) {
        return reports.get(caller(sc), id);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "修改草稿或被退回的监管专报")
    public SpecialReport update(@Context SecurityContext sc, @PathParam("id") long id, SpecialReportDraft draft) {
        return reports.update(caller(sc), id, draft);
    }

    @POST
    @Path("{id}/submit")
    @Operation(summary = "提交审核（草稿或被退回的）")
    public SpecialReport submit(@Context SecurityContext sc, @PathParam("id") long id) {
        return reports.submit(caller(sc), id);
    }

    @POST
    @Path("{id}/approve")
    @Operation(summary = "审核通过", description = "须由起草人和提交人以外的本机关人员审核；审核时编期（年度第 n 期）")
    public SpecialReport approve(@Context SecurityContext sc, @PathParam("id") long id) {
        return reports.approve(caller(sc), id);
    }

    @POST
    @Path("{id}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "退回修改（须说明理由）")
    public SpecialReport returnForRevision(@Context SecurityContext sc, @PathParam("id") long id, ReturnCommand command) {
        return reports.returnForRevision(caller(sc), id, command == null ? null : command.reason());
    }

    @POST
    @Path("{id}/send")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "报送领导", description = "leaders：本行政区划领导的用户名；须已审核通过（否则 409）；生成存档的 PDF 文书并通知领导")
    public SpecialReport send(@Context SecurityContext sc, @PathParam("id") long id, SendCommand command) {
        return reports.send(caller(sc), id, command == null ? null : command.leaders());
    }

    @POST
    @Path("{id}/read")
    @Operation(summary = "领导签阅（记录首次阅读时间）")
    public SpecialReport read(@Context SecurityContext sc, @PathParam("id") long id) {
        return reports.markRead(caller(sc), id);
    }

    @POST
    @Path("{id}/instructions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "领导批示", description = "报送的领导本人：text、date（默认今天）、tasks（可空，由机构编制部门另行交办）")
    public Response instruct(@Context SecurityContext sc, @PathParam("id") long id, InstructionDraft draft) {
        return Response.status(201).entity(reports.instruct(caller(sc), id, draft)).build();
    }

    @POST
    @Path("{id}/scans")
    @Consumes(MediaType.WILDCARD)
    @StreamedBody
    @Operation(summary = "上传纸质批示扫描件", description = "请求体为文件本身，文件名由 fileName 参数给出；只接受 pdf、ofd、jpg、png、doc(x)、"
            + "xls(x)，最大 10 MB；保存 SHA-256。随后以 scanId 录入纸质批示")
    public Response scan(@Context SecurityContext sc, @PathParam("id") long id, @QueryParam("fileName") String fileName,
                         @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length, InputStream body) throws IOException {
        // who may upload is decided before a byte of the file is read
        reports.checkScanUpload(caller(sc), id);
        InstructionScan s = reports.attachScan(caller(sc), id, fileName, EvidenceFile.read(length, body));
        return Response.status(201).entity(s).build();
    }

    @GET
    @Path("{id}/scans/{scanId}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(summary = "下载批示扫描件", description = "按上传时的内容类型返回；下载前核对 SHA-256，不符则拒绝（500）；"
            + "文件名在 Content-Disposition 的 filename*（RFC 5987，UTF-8）")
    public Response scanContent(@Context SecurityContext sc, @PathParam("id") long id, @PathParam("scanId") long scanId) {
        Caller caller = caller(sc);
        InstructionScan scan = reports.scan(caller, id, scanId);
        byte[] bytes = reports.scanContent(caller, id, scanId);
        return Response.ok(bytes, scan.contentType()).header("Content-Disposition", disposition(scan))
                .header("X-Content-Type-Options", "nosniff").header("Cache-Control", "private, no-cache").build();
    }

    /** An ASCII fallback name and the real one as RFC 5987 {@code filename*}. */
    static String disposition(InstructionScan scan) {
        String name = scan.name().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.')).replaceAll("[^.A-Za-z0-9]", "") : "";
        return "attachment; filename=\"scan-" + scan.reportId() + "-" + scan.id() + extension + "\"; filename*=UTF-8''" + encoded;
    }

    @POST
    @Path("{id}/paper-instructions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "录入纸质批示", description = "机构编制部门：leader（报送的领导）、text、date、scanId（先上传的扫描件）、tasks（可空）")
    public Response paper(@Context SecurityContext sc, @PathParam("id") long id, InstructionDraft draft) {
        return Response.status(201).entity(reports.recordPaperInstruction(caller(sc), id, draft)).build();
    }

    @POST
    @Path("{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "办结专报", description = "全部批示的督办事项均已办结（或撤销）时；否则 409 并说明未办结的数量")
    public SpecialReport close(@Context SecurityContext sc, @PathParam("id") long id, CloseCommand command) {
        return reports.close(caller(sc), id, command == null ? null : command.note());
    }

    @GET
    @Path("{id}/history")
    @Operation(summary = "专报的流转历史（状态变化、签阅、批示、交办、文书）")
    public List<ReportTransition> history(@Context SecurityContext sc, @PathParam("id") long id) {
        return reports.history(caller(sc), id);
    }

    @POST
    @Path("{id}/documents")
    @Operation(summary = "生成监管专报文书（红头、编号）", description = "format 为 PDF（默认）或 DOCX；审核通过后才能生成，每次生成为新版本，文号不变")
    public Response generate(@Context SecurityContext sc, @PathParam("id") long id, @QueryParam("format") String format) {
        StoredDocument doc = reports.generateDocument(caller(sc), id, DocumentFormat.ofParameter(format));
        return Response.status(201).entity(doc).build();
    }

    @GET
    @Path("{id}/document")
    @Produces("application/pdf")
    @Operation(summary = "报送时存档的专报 PDF（领导阅读的版本）")
    public Response archived(@Context SecurityContext sc, @PathParam("id") long id) {
        return Response.ok(reports.archivedDocument(caller(sc), id), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"special-report-" + id + ".pdf\"").build();
    }


    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static ReportState state(String text) {
        if (blank(text)) {
            return null;
        }
        try {
            return ReportState.valueOf(text.trim());
        } catch (IllegalArgumentException e) {
            throw SupervisionException.invalid("state", "“" + text + "”不是有效状态（DRAFT、IN_REVIEW、RETURNED、APPROVED、SENT、INSTRUCTED、CLOSED）");
        }
    }

}
