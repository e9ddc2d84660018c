package cn.supervision.powerlist.rest;

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

import cn.supervision.api.duty.PowerItem;
import cn.supervision.api.duty.PowerItemDraft;
import cn.supervision.api.duty.PowerListGaps;
import cn.supervision.api.duty.PowerListImport;
import cn.supervision.api.duty.PowerListService;
import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.security.Target;
import cn.supervision.powerlist.workbook.PowerListWorkbook;
import cn.supervision.rest.bounds.Bodies;
import cn.supervision.rest.bounds.Paged;
import cn.supervision.rest.bounds.StreamedBody;
import cn.supervision.spreadsheet.Sheet;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@Path("/v1/power-lists")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "power-lists", description = "权责清单：按单位导入（Excel）、对应主要职责、历次清单、清单与职责的缺口")
public class PowerListsResource {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final int MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

    private static final Caller SELF = Caller.system("power-list-rest");

    private final PowerListService lists;
    private final RegistryService registry;

    public PowerListsResource(PowerListService lists, RegistryService registry) {
        this.lists = lists;
        this.registry = registry;
    }

    private static Caller caller(SecurityContext sc) {
        return (Caller) sc.getUserPrincipal();
    }

    @POST
    @Path("{unitId: \\d+}")
    @Consumes({XLSX, MediaType.APPLICATION_OCTET_STREAM})
    @StreamedBody
    @io.swagger.v3.oas.annotations.Operation(summary = "导入单位的权责清单（Excel）", description = "请求体为 .xlsx 文件本身（最大 10 MB），"
            + "第 1 行为表头：事项编码、事项名称、事项类型（必需）、设定依据、实施主体、责任事项、追责情形、对应职责序号；"
            + "表头有未知或缺少必需的列、任何一行有错（编码为空或重复、类型不存在或只用于职责、职责序号不在现行三定规定中、"
            + "实施主体是其他单位或其他行政区划的单位）均整体不导入，错误逐行列出；至多 5000 个事项。"
            + "导入成功后本单位原有清单整体标为已替代（保留可查）")
    public Response importList(@Context SecurityContext sc, @Context UriInfo uri, @PathParam("unitId") long unitId,
                               @Parameter(description = "原始文件名，记入导入记录") @QueryParam("fileName") String fileName,
                               @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length, InputStream body) throws IOException {
        // who may import is decided before a byte of the workbook is read
        Caller caller = caller(sc);
        Unit unit = visible(caller, unitId);
        registry.access().require(caller, Operation.ADMINISTER_REGISTRY, unit.jurisdictionCode());
        List<PowerItemDraft> rows = PowerListWorkbook.read(Bodies.limited(body, length, MAX_UPLOAD_BYTES), MAX_UPLOAD_BYTES);
        PowerListImport done = lists.importList(caller, unitId, fileName, rows);
        URI location = uri.getBaseUriBuilder().path("v1/power-lists/{unitId}/imports").build(unitId);
        return Response.created(location).entity(done).build();
    }

    @GET
    @Path("{unitId: \\d+}")
    @io.swagger.v3.oas.annotations.Operation(summary = "单位的权责事项", description = "默认只列现行清单；includeSuperseded=true 时包括历次被替代的事项")
    public List<PowerItem> items(@Context SecurityContext sc, @PathParam("unitId") long unitId,
                                 @QueryParam("includeSuperseded") @DefaultValue("false") boolean includeSuperseded) {
        return lists.items(caller(sc), unitId, includeSuperseded);
    }

    @GET
    @Path("{unitId: \\d+}/imports")
    @io.swagger.v3.oas.annotations.Operation(summary = "单位权责清单的历次导入（最新的在前）")
    public List<PowerListImport> imports(@Context SecurityContext sc, @PathParam("unitId") long unitId) {
        return lists.imports(caller(sc), unitId);
    }

    @GET
    @Path("{unitId: \\d+}/gaps")
    @io.swagger.v3.oas.annotations.Operation(summary = "清单与主要职责的缺口", description = "未对应任何现行主要职责的事项，"
            + "以及没有任何事项的现行主要职责（政策规划、统筹协调、内部管理类职责不列入）")
    public PowerListGaps gaps(@Context SecurityContext sc, @PathParam("unitId") long unitId) {
        return lists.gaps(caller(sc), unitId);
    }

    @GET
    @Path("{unitId: \\d+}/export")
    @Produces(XLSX)
    @io.swagger.v3.oas.annotations.Operation(summary = "导出单位现行权责清单（Excel）", description = "表头与导入模板相同，可修改后再导入")
    public Response export(@Context SecurityContext sc, @PathParam("unitId") long unitId) throws IOException {
        List<PowerItem> items = lists.items(caller(sc), unitId, false);
        Unit unit = registry.getUnit(caller(sc), unitId);
        return xlsx(List.of(PowerListWorkbook.export(sheetName(unit.name() + "权责清单"), items)), "power-list-" + unit.code() + ".xlsx");
    }

    @GET
    @Path("template")
    @Produces(XLSX)
    @io.swagger.v3.oas.annotations.Operation(summary = "权责清单导入模板（Excel）", description = "只有表头，另附填写说明")
    public Response template() throws IOException {
        return xlsx(PowerListWorkbook.template(), "power-list-template.xlsx");
    }

    @GET
    @Paged
    @io.swagger.v3.oas.annotations.Operation(summary = "行政区划内各单位的现行权责事项", description = "本级单位（不含下级行政区划），"
            + "按单位编码排列；单位用户只看到本单位的事项。分页：offset、limit（默认 100，最大 1000），总数在 X-Total-Count，下一页在 Link")
    public List<PowerItem> itemsOf(@Context SecurityContext sc, @QueryParam("jurisdiction") String jurisdiction) {
        if (jurisdiction == null || jurisdiction.isBlank()) {
            throw SupervisionException.invalid("jurisdiction", "请指定行政区划代码（jurisdiction）");
        }
        return lists.itemsOf(caller(sc), jurisdiction.trim());
    }

    /** The unit once the caller may read it; one it may not read is answered like a missing one, so ids cannot be probed. */
    private Unit visible(Caller caller, long unitId) {
        Unit unit;
        try {
            unit = registry.getUnit(SELF, unitId);
        } catch (SupervisionException e) {
            if (e.kind() == ProblemKind.NOT_FOUND) {
                throw notFound(unitId);
            }
            throw e;
        }
        if (!registry.access().may(caller, Operation.READ_REGISTRY, Target.unit(unit.jurisdictionCode(), unit.code()))) {
            throw notFound(unitId);
        }
        return unit;
    }

    private static SupervisionException notFound(long unitId) {
        return SupervisionException.notFound("单位 " + unitId + " 不存在");
    }

    /** Excel caps sheet names at 31 characters. */
    private static String sheetName(String name) {
        return name.length() > 31 ? name.substring(0, 31) : name;
    }

    private static Response xlsx(List<Sheet> sheets, String fileName) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PowerListWorkbook.write(out, sheets);
        return Response.ok(out.toByteArray(), XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }
}
