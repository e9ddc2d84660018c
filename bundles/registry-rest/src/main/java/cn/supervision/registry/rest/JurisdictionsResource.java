package cn.supervision.registry.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
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

import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.ImportMode;
import cn.supervision.api.registry.ImportResult;
import cn.supervision.api.registry.Jurisdiction;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitDraft;
import cn.supervision.api.security.Caller;
import cn.supervision.rest.bounds.BodyTooLargeException;
import cn.supervision.rest.bounds.Paged;
import cn.supervision.rest.bounds.StreamedBody;
import cn.supervision.spreadsheet.Sheet;
import cn.supervision.spreadsheet.SpreadsheetException;
import cn.supervision.spreadsheet.Xlsx;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@Path("/v1/jurisdictions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "jurisdictions", description = "行政区划及其监管单位")
public class JurisdictionsResource {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final int MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

    private final RegistryService registry;

    public JurisdictionsResource(RegistryService registry) {
        this.registry = registry;
    }

    static Caller caller(SecurityContext sc) {
        return (Caller) sc.getUserPrincipal();
    }

    @GET
    @Operation(summary = "当前账号可见的行政区划（本级及下级）")
    public List<Jurisdiction> list(@Context SecurityContext sc) {
        return registry.listJurisdictions(caller(sc));
    }

    @GET
    @Path("{code}")
    @Operation(summary = "一个行政区划")
    public Jurisdiction get(@Context SecurityContext sc, @PathParam("code") String code) {
        return registry.getJurisdiction(caller(sc), code);
    }

    @GET
    @Path("{code}/units")
    @Paged
    @Operation(summary = "行政区划的监管单位（摘要）", description = "默认只列存续单位；includeInactive=true 时包括已合并、已撤销的单位。"
            + "每个单位为摘要：职责和内设机构只给条数，三定规定全文见 GET /v1/units/{id}；view=full 时给出完整单位（含职责全文）。"
            + "分页：offset、limit（默认 100，最大 1000），总数在 X-Total-Count，下一页在 Link",
            responses = @ApiResponse(responseCode = "200", description = "单位摘要；view=full 时为完整单位",
                    content = @Content(array = @ArraySchema(schema = @Schema(implementation = UnitSummary.class)))))
    public List<?> units(@Context SecurityContext sc, @PathParam("code") String code,
                         @QueryParam("includeInactive") @DefaultValue("false") boolean includeInactive,
                         @Parameter(description = "summary（默认）或 full") @QueryParam("view") @DefaultValue("summary") String view) {
        List<Unit> units = registry.listUnits(caller(sc), code, includeInactive);
        return switch (view) {
            case "summary" -> units.stream().map(UnitSummary::of).toList();
            case "full" -> units;
            default -> throw SupervisionException.invalid("view", "应为 summary 或 full");
        };
    }

    @POST
    @Path("{code}/units")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "新增监管单位")
    public Response create(@Context SecurityContext sc, @Context UriInfo uri, @PathParam("code") String code, UnitDraft draft) {
        Unit u = registry.createUnit(caller(sc), code, draft);
        URI location = uri.getBaseUriBuilder().path("v1/units/{id}").build(u.id());
        return Response.created(location).entity(u).build();
    }

    @GET
    @Path("{code}/units/export")
    @Produces(XLSX)
    @Operation(summary = "导出单位信息（Excel）", description = "表头与导入模板相同，可修改后再导入")
    public Response export(@Context SecurityContext sc, @PathParam("code") String code,
                           @QueryParam("includeInactive") @DefaultValue("false") boolean includeInactive) throws IOException {
        Jurisdiction j = registry.getJurisdiction(caller(sc), code);
        List<Unit> units = registry.listUnits(caller(sc), code, includeInactive);
        return xlsx(UnitSheet.export(j.name() + "单位信息", units), code + "-units.xlsx");
    }

    @POST
    @Path("{code}/units/import")
    @Consumes({XLSX, MediaType.APPLICATION_OCTET_STREAM})
    @StreamedBody
    @Operation(summary = "从 Excel 导入单位", description = "按单位编码新增或更新；任何一行有错则整体不导入，错误指明行和列。"
            + "请求体为 .xlsx 文件本身（最大 10 MB）")
    public ImportResult importUnits(@Context SecurityContext sc, @PathParam("code") String code,
                                    @Parameter(description = "UPSERT（默认）或 CREATE_MISSING")
                                    @QueryParam("mode") @DefaultValue("UPSERT") ImportMode mode,
                                    @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length,
                                    InputStream body) throws IOException {
        // who may import is decided before a byte of the workbook is read
        registry.access().require(caller(sc), cn.supervision.api.security.Operation.ADMINISTER_REGISTRY, code);
        Sheet sheet = firstSheet(body, length, MAX_UPLOAD_BYTES);
        UnitSheet.Parsed parsed = UnitSheet.read(sheet);
        try {
            return registry.importUnits(caller(sc), code, parsed.drafts(), mode);
        } catch (SupervisionException e) {
            if (e.kind() != ProblemKind.INVALID) {
                throw e;
            }
            throw SupervisionException.invalid(e.getMessage(), UnitSheet.locate(e.errors(), parsed.excelRows()));
        }
    }

    /**
     * The first sheet of an uploaded workbook: 413 when too large (by the declared length before reading, else while
     * reading), 400 when not a workbook.
     */
    static Sheet firstSheet(InputStream body, Long declaredLength, int maxBytes) throws IOException {
        if (declaredLength != null && declaredLength > maxBytes) {
            throw new BodyTooLargeException("文件超过 " + (maxBytes / 1024 / 1024) + " MB 上限");
        }
        try {
            return Xlsx.readUpload(body, maxBytes).get(0);
        } catch (SpreadsheetException e) {
            if (e.tooLarge()) {
                throw new SupervisionException(ProblemKind.TOO_LARGE, "请求体过大", e.getMessage(), null);
            }
            throw SupervisionException.invalid("file", e.getMessage());
        }
    }

    static Response xlsx(Sheet sheet, String fileName) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Xlsx.write(out, List.of(sheet));
        return Response.ok(out.toByteArray(), XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }
}
