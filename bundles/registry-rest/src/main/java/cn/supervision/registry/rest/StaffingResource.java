package cn.supervision.registry.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.Jurisdiction;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.StaffingInUse;
import cn.supervision.api.registry.StaffingService;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.security.Caller;
import cn.supervision.rest.bounds.Paged;
import cn.supervision.rest.bounds.StreamedBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Staffing in use (实有人员) of a jurisdiction's units, beside their approved numbers; JSON and Excel. */
@Path("/v1/jurisdictions/{code}/staffing")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "staffing", description = "实有人员（与核定编制对照）")
public class StaffingResource {
    private final RegistryService registry;
    private final StaffingService staffing;

    public StaffingResource(RegistryService registry, StaffingService staffing) {
        this.registry = registry;
        this.staffing = staffing;
    }

    @GET
    @Paged
    @Operation(summary = "各单位当前实有人员与核定编制对照", description = "每个单位取统计日期最新的一次登记；"
            + "差额 = 实有 − 核定，大于 0 为超编（超配）。分页：offset、limit，总数在 X-Total-Count")
    public List<StaffingView> current(@Context SecurityContext sc, @PathParam("code") String code) {
        return views(JurisdictionsResource.caller(sc), code);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "登记实有人员", description = "每行：unitId、asOf、administrativeStaff、institutionalStaff、extraStaff、"
            + "leadershipPostsFilled；任何一行有错则整体不登记，错误指明行和字段")
    public List<StaffingInUse> record(@Context SecurityContext sc, @PathParam("code") String code, List<StaffingInUse> rows) {
        return staffing.record(JurisdictionsResource.caller(sc), code, rows);
    }

    @GET
    @Path("export")
    @Produces(JurisdictionsResource.XLSX)
    @Operation(summary = "导出实有人员与核定编制对照（Excel）")
    public Response export(@Context SecurityContext sc, @PathParam("code") String code) throws IOException {
        Caller caller = JurisdictionsResource.caller(sc);
        Jurisdiction j = registry.getJurisdiction(caller, code);
        return JurisdictionsResource.xlsx(StaffingSheet.export(j.name() + "实有人员", views(caller, code)), code + "-staffing.xlsx");
    }

    @GET
    @Path("import-template")
    @Produces(JurisdictionsResource.XLSX)
    @Operation(summary = "实有人员导入模板（Excel）")
    public Response template() throws IOException {
        return JurisdictionsResource.xlsx(StaffingSheet.template(), "staffing-import-template.xlsx");
    }

    @POST
    @Path("import")
    @Consumes({JurisdictionsResource.XLSX, MediaType.APPLICATION_OCTET_STREAM})
    @StreamedBody
    @Operation(summary = "从 Excel 导入实有人员", description = "列：单位编码、行政实有、事业实有、编外人员、领导职数实配、统计日期；"
            + "任何一行有错则整体不导入，错误指明行和列。请求体为 .xlsx 文件本身（最大 10 MB）")
    public List<StaffingInUse> importRows(@Context SecurityContext sc, @PathParam("code") String code,
                                          @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length,
                                          InputStream body) throws IOException {
        Caller caller = JurisdictionsResource.caller(sc);
        // who may import is decided before a byte of the workbook is read
        registry.access().require(caller, cn.supervision.api.security.Operation.ADMINISTER_REGISTRY, code);
        var sheet = JurisdictionsResource.firstSheet(body, length, JurisdictionsResource.MAX_UPLOAD_BYTES);
        Map<String, Long> ids = new HashMap<>();
        registry.listUnits(caller, code, true).forEach(u -> ids.put(u.code(), u.id()));
        StaffingSheet.Parsed parsed = StaffingSheet.read(sheet, ids);
        try {
            return staffing.record(caller, code, parsed.rows());
        } catch (SupervisionException e) {
            if (e.kind() != ProblemKind.INVALID) {
                throw e;
            }
            throw SupervisionException.invalid(e.getMessage(), StaffingSheet.locate(e.errors(), parsed.excelRows()));
        }
    }

    private List<StaffingView> views(Caller caller, String code) {
        Map<Long, Unit> units = registry.listUnits(caller, code, true).stream()
                .collect(Collectors.toMap(Unit::id, Function.identity()));
        return staffing.current(caller, code).stream().filter(s -> units.containsKey(s.unitId()))
                .map(s -> StaffingView.of(units.get(s.unitId()), s)).toList();
    }
}
