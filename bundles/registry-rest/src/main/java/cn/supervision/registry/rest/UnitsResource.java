package cn.supervision.registry.rest;

import java.io.IOException;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.StaffingInUse;
import cn.supervision.api.registry.StaffingService;
import cn.supervision.api.registry.StatusCommand;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitDraft;
import cn.supervision.api.registry.UnitRevision;
import cn.supervision.rest.bounds.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Path("/v1/units")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "units", description = "监管单位及其三定规定")
public class UnitsResource {
    private final RegistryService registry;
    private final StaffingService staffing;

    public UnitsResource(RegistryService registry, StaffingService staffing) {
        this.registry = registry;
        this.staffing = staffing;
    }

    @GET
    @Path("{id}/staffing")
    @Operation(summary = "单位实有人员的登记历史（按统计日期，最早的在前）")
    public List<StaffingInUse> staffing(@Context SecurityContext sc, @PathParam("id") long id) {
        return staffing.history(JurisdictionsResource.caller(sc), id);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "一个单位（含主要职责、内设机构、编制）")
    public Unit get(@Context SecurityContext sc, @PathParam("id") long id) {
        return registry.getUnit(JurisdictionsResource.caller(sc), id);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "修改单位", description = "整体替换名称、类别、上级单位和三定规定；每次修改都留有历史版本")
    public Unit update(@Context SecurityContext sc, @PathParam("id") long id, UnitDraft draft) {
        return registry.updateUnit(JurisdictionsResource.caller(sc), id, draft);
    }

    @POST
    @Path("{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "变更单位状态", description = "ACTIVE / MERGED（须指定 successorUnitId）/ ABOLISHED，必须说明理由；单位从不删除")
    public Unit changeStatus(@Context SecurityContext sc, @PathParam("id") long id, StatusCommand command) {
        return registry.changeStatus(JurisdictionsResource.caller(sc), id, command);
    }

    @GET
    @Path("{id}/history")
    @Paged
    @Operation(summary = "单位的变更历史（每个版本的完整快照）")
    public List<UnitRevision> history(@Context SecurityContext sc, @PathParam("id") long id) {
        return registry.history(JurisdictionsResource.caller(sc), id);
    }

    @GET
    @Path("import-template")
    @Produces(JurisdictionsResource.XLSX)
    @Operation(summary = "单位信息导入模板（Excel）")
    public Response template() throws IOException {
        return JurisdictionsResource.xlsx(UnitSheet.template(), "unit-import-template.xlsx");
    }
}
