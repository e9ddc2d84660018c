package cn.supervision.indicator.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

import cn.supervision.api.indicator.Evaluation;
import cn.supervision.api.indicator.IndicatorInput;
import cn.supervision.api.indicator.IndicatorSystem;
import cn.supervision.api.indicator.IndicatorSystemDocument;
import cn.supervision.api.indicator.IndicatorSystemService;
import cn.supervision.api.indicator.SystemDefinition;
import cn.supervision.api.indicator.SystemDiff;
import cn.supervision.api.indicator.SystemStatus;
import cn.supervision.api.indicator.ValidationProblem;
import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.UnitKind;
import cn.supervision.api.security.Caller;
import cn.supervision.rest.bounds.BodyTooLargeException;
import cn.supervision.rest.bounds.Paged;
import cn.supervision.rest.bounds.StreamedBody;
import cn.supervision.spreadsheet.Sheet;
import cn.supervision.spreadsheet.SpreadsheetException;
import cn.supervision.spreadsheet.Xlsx;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@Path("/v1/indicator-systems")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "indicator-systems", description = "“核心+”监管指标体系：草稿、发布（不可变版本）、停用、复制、比较、校验、试算、导入导出")
public class IndicatorSystemsResource {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final int MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

    private final IndicatorSystemService systems;
    /** The authority policy, asked before an upload is read. */
    private final RegistryService registry;

    public IndicatorSystemsResource(IndicatorSystemService systems, RegistryService registry) {
        this.systems = systems;
        this.registry = registry;
    }

    /** The body of {@code POST /{id}/retire}. */
    public record RetireCommand(String reason) { }

    /** The body of {@code POST /{id}/copy}. */
    public record CopyCommand(Integer year) { }

    /** The body of {@code POST /{id}/evaluate}: inputs by indicator or adjustment code. */
    public record EvaluateCommand(Map<String, IndicatorInput> inputs) { }

    private static Caller caller(SecurityContext sc) {
        return (Caller) sc.getUserPrincipal();
    }

    @GET
    @Paged
    @Operation(summary = "指标体系列表", description = "当前账号可见行政区划的指标体系；可按行政区划和状态筛选。"
            + "分页：offset、limit（默认 100，最大 1000），总数在 X-Total-Count，下一页在 Link")
    public List<IndicatorSystem> list(@Context SecurityContext sc, @QueryParam("jurisdiction") String jurisdiction,
                                      @QueryParam("status") SystemStatus status) {
        return systems.list(caller(sc), jurisdiction, status);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "新建草稿（JSON 导入）", description = "请求体为交换格式 {format, jurisdictionCode, definition}，与导出格式相同；JSON Schema 见 /v1/indicator-systems/schema")
    public Response create(@Context SecurityContext sc, @Context UriInfo uri, IndicatorSystemDocument document) {
        if (document == null || document.jurisdictionCode() == null || document.jurisdictionCode().isBlank()) {
            throw SupervisionException.invalid("jurisdictionCode", "必须指定指标体系所属的行政区划");
        }
        if (document.format() != null && !IndicatorSystemDocument.FORMAT.equals(document.format())) {
            throw SupervisionException.invalid("format", "不支持的格式 " + document.format() + "，应为 " + IndicatorSystemDocument.FORMAT);
        }
        IndicatorSystem s = systems.createDraft(caller(sc), document.jurisdictionCode(), document.definition());
        return Response.created(uri.getBaseUriBuilder().path("v1/indicator-systems/{id}").build(s.id())).entity(s).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "一个指标体系版本（含完整指标树）")
    public IndicatorSystem get(@Context SecurityContext sc, @PathParam("id") long id) {
        return systems.get(caller(sc), id);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "修改草稿", description = "已发布或已停用的版本不可修改（409）：先复制为新草稿")
    public IndicatorSystem update(@Context SecurityContext sc, @PathParam("id") long id, SystemDefinition definition) {
        return systems.updateDraft(caller(sc), id, definition);
    }

    @POST
    @Path("{id}/publish")
    @Operation(summary = "发布", description = "完整校验通过后冻结为不可变版本；有错误时返回 400 和全部错误")
    public IndicatorSystem publish(@Context SecurityContext sc, @PathParam("id") long id) {
        return systems.publish(caller(sc), id);
    }

    @POST
    @Path("{id}/retire")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "停用", description = "停用后不再用于新的监管活动，已引用的记录不受影响；需说明理由")
    public IndicatorSystem retire(@Context SecurityContext sc, @PathParam("id") long id, RetireCommand command) {
        return systems.retire(caller(sc), id, command == null ? null : command.reason());
    }

    @POST
    @Path("{id}/copy")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "复制为新草稿", description = "同一体系的下一个版本，可指定新年度")
    public Response copy(@Context SecurityContext sc, @Context UriInfo uri, @PathParam("id") long id, CopyCommand command) {
        IndicatorSystem s = systems.copyToDraft(caller(sc), id, command == null ? null : command.year());
        return Response.created(uri.getBaseUriBuilder().path("v1/indicator-systems/{id}").build(s.id())).entity(s).build();
    }

    @GET
    @Path("{id}/diff")
    @Operation(summary = "与另一版本比较", description = "新增、删除、修改的指标（按编码）")
    public SystemDiff diff(@Context SecurityContext sc, @PathParam("id") long id,
                           @Parameter(description = "要比较的另一个版本的 id") @QueryParam("to") Long to) {
        if (to == null) {
            throw SupervisionException.invalid("to", "必须指定要比较的版本 id（?to=）");
        }
        return systems.diff(caller(sc), id, to);
    }

    @GET
    @Path("{id}/validation")
    @Operation(summary = "校验已保存的版本")
    public List<ValidationProblem> validation(@Context SecurityContext sc, @PathParam("id") long id) {
        return systems.validate(systems.get(caller(sc), id).definition());
    }

    @POST
    @Path("validate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "校验（试运行，不保存）", description = "一次列出全部问题及其指标路径；自定义规则缺失在草稿阶段为警告、发布时为错误")
    public List<ValidationProblem> validate(SystemDefinition definition) {
        return systems.validate(definition);
    }

    @POST
    @Path("{id}/evaluate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "规则试算", description = "对一个单位的输入计分，返回总分及每个指标的得分说明；不需要监管活动")
    public Evaluation evaluate(@Context SecurityContext sc, @PathParam("id") long id, EvaluateCommand command) {
        return systems.evaluate(caller(sc), id, command == null || command.inputs() == null ? Map.of() : command.inputs());
    }

    @GET
    @Path("{id}/export")
    @Operation(summary = "导出为 JSON 交换格式")
    public Response exportJson(@Context SecurityContext sc, @PathParam("id") long id) {
        IndicatorSystem s = systems.get(caller(sc), id);
        return Response.ok(new IndicatorSystemDocument(IndicatorSystemDocument.FORMAT, s.jurisdictionCode(), s.definition()))
                .header("Content-Disposition", "attachment; filename=\"indicator-system-" + id + ".json\"").build();
    }

    @GET
    @Path("{id}/export.xlsx")
    @Produces(XLSX)
    @Operation(summary = "导出为 Excel", description = "一级指标 / 二级指标 / 三级指标 / 评估要点、评估方式和标准 / 权重，另附编码、类别、评分规则列，可原样导入")
    public Response exportExcel(@Context SecurityContext sc, @PathParam("id") long id) throws IOException {
        IndicatorSystem s = systems.get(caller(sc), id);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Xlsx.write(out, List.of(IndicatorSheet.export(s.definition())));
        return Response.ok(out.toByteArray(), XLSX)
                .header("Content-Disposition", "attachment; filename=\"indicator-system-" + id + ".xlsx\"").build();
    }

    @POST
    @Path("import.xlsx")
    @Consumes({XLSX, MediaType.APPLICATION_OCTET_STREAM})
    @StreamedBody
    @Operation(summary = "从 Excel 新建草稿", description = "请求体为 .xlsx 文件（最大 10 MB）；没有“评分规则（JSON）”列时末级指标没有规则，补齐后才能发布")
    public Response importExcel(@Context SecurityContext sc, @Context UriInfo uri,
                                @QueryParam("jurisdiction") String jurisdiction, @QueryParam("name") String name,
                                @QueryParam("year") Integer year, @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length,
                                InputStream body) throws IOException {
        if (jurisdiction == null || name == null || year == null) {
            throw SupervisionException.invalid("query", "需要参数 jurisdiction、name、year");
        }
        // who may import is decided before a byte of the workbook is read
        registry.access().require(caller(sc), cn.supervision.api.security.Operation.MANAGE_SYSTEMS, jurisdiction);
        if (length != null && length > MAX_UPLOAD_BYTES) {
            throw new BodyTooLargeException("文件超过 " + (MAX_UPLOAD_BYTES / 1024 / 1024) + " MB 上限");
        }
        Sheet sheet;
        try {
            sheet = Xlsx.readUpload(body, MAX_UPLOAD_BYTES).get(0);
        } catch (SpreadsheetException e) {
            throw e.tooLarge() ? new SupervisionException(ProblemKind.TOO_LARGE, "请求体过大", e.getMessage(), null)
                    : SupervisionException.invalid("file", e.getMessage());
        }
        Set<UnitKind> all = EnumSet.allOf(UnitKind.class);
        IndicatorSystem s = systems.createDraft(caller(sc), jurisdiction, IndicatorSheet.read(sheet, name, year, all));
        URI location = uri.getBaseUriBuilder().path("v1/indicator-systems/{id}").build(s.id());
        return Response.created(location).entity(s).build();
    }

    @GET
    @Path("schema")
    @cn.supervision.rest.bounds.PublicEndpoint
    @Operation(summary = "交换格式的 JSON Schema")
    public Response schema() {
        InputStream in = IndicatorSystemsResource.class.getResourceAsStream("/schema/indicator-system.schema.json");
        return Response.ok(in, "application/schema+json").build();
    }
}
