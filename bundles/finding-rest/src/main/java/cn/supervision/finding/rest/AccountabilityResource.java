package cn.supervision.finding.rest;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import cn.supervision.api.followup.AccountabilityRecord;
import cn.supervision.api.followup.AccountabilityService;
import cn.supervision.api.followup.AccountabilityStatus;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Path("/v1/accountability")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "accountability", description = "问责记录（监督问责、问责建议）：PROPOSED → DECIDED（问责决定）→ CLOSED，每一步保留")
public class AccountabilityResource {
    private final AccountabilityService accountability;

    public AccountabilityResource(AccountabilityService accountability) {
        this.accountability = accountability;
    }

    /** The body of {@code POST /{id}/status}. */
    public record StatusCommand(AccountabilityStatus to, String note) { }

    private static Caller caller(SecurityContext sc) {
        return (Caller) sc.getUserPrincipal();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "一条问责记录及其每一步")
    public AccountabilityRecord get(@Context SecurityContext sc, @PathParam("id") long id) {
        return accountability.get(caller(sc), id);
    }

    @POST
    @Path("{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "问责记录状态变更", description = "{\"to\":\"DECIDED\",\"note\":\"问责决定或处理结果\"}，再 {\"to\":\"CLOSED\",\"note\":…}；"
            + "次序不对 409")
    public AccountabilityRecord status(@Context SecurityContext sc, @PathParam("id") long id, StatusCommand body) {
        if (body == null) {
            throw SupervisionException.invalid("body", "需要 {\"to\":…,\"note\":…}");
        }
        return accountability.moveTo(caller(sc), id, body.to(), body.note());
    }
}
