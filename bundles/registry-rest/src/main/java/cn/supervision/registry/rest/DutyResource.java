package cn.supervision.registry.rest;

import java.util.List;

import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.DutyDirectory;
import cn.supervision.api.registry.DutyRecord;
import cn.supervision.rest.bounds.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The units' main duties as records with stable ids (三定主要职责), for a unit or a whole jurisdiction. */
@Path("/v1/duties")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "duties", description = "单位主要职责（职责编号在“三定”修订中保持不变）")
public class DutyResource {
    private final DutyDirectory duties;

    public DutyResource(DutyDirectory duties) {
        this.duties = duties;
    }

    @GET
    @Paged
    @Operation(summary = "一个单位或一个行政区划的主要职责", description = "jurisdiction 与 unitId 二选一。"
            + "按单位、序号排列；includeRetired=true 时包括已取消的职责（注明取消它的修订）。单位用户只能查看本单位的职责。"
            + "分页：offset、limit，总数在 X-Total-Count")
    public List<DutyRecord> list(@Context SecurityContext sc,
                                 @Parameter(description = "行政区划代码（只含本级单位，不含下级）") @QueryParam("jurisdiction") String jurisdiction,
                                 @Parameter(description = "单位编号") @QueryParam("unitId") Long unitId,
                                 @QueryParam("includeRetired") @DefaultValue("false") boolean includeRetired) {
        boolean byJurisdiction = jurisdiction != null && !jurisdiction.isBlank();
        if (byJurisdiction == (unitId != null)) {
            throw SupervisionException.invalid("查询条件无效", List.of(
                    new FieldError("jurisdiction", "jurisdiction 与 unitId 必须且只能指定一个"),
                    new FieldError("unitId", "jurisdiction 与 unitId 必须且只能指定一个")));
        }
        return byJurisdiction
                ? duties.dutiesOf(JurisdictionsResource.caller(sc), jurisdiction.trim(), includeRetired)
                : duties.duties(JurisdictionsResource.caller(sc), unitId, includeRetired);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "一条职责（现行或已取消）")
    public DutyRecord get(@Context SecurityContext sc, @PathParam("id") long id) {
        return duties.duty(JurisdictionsResource.caller(sc), id);
    }
}
