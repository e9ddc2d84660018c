package cn.supervision.document.rest;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import cn.supervision.api.document.TemplateCatalog;
import cn.supervision.api.document.TemplateInForce;
import cn.supervision.api.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Which template each of a jurisdiction's documents is rendered with, and where it comes from. */
@Path("/v1/jurisdictions/{code}/templates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "documents")
public class JurisdictionTemplatesResource {
    private final TemplateCatalog templates;

    public JurisdictionTemplatesResource(TemplateCatalog templates) {
        this.templates = templates;
    }

    @GET
    @Operation(summary = "行政区划现行的文书模板", description = "office.json（发文机关、发文字号代字）和每种文书的模板："
            + "source 为 builtin（平台内置）、derived（由行政区划名称生成的发文机关）或安装它的贡献包；sourceJurisdictionCode 为模板所属的"
            + "行政区划（本级或上级）。机构编制部门可读本级和下级的")
    public List<TemplateInForce> templates(@Context SecurityContext sc,
                                           @Parameter(description = "行政区划代码") @PathParam("code") String code) {
        return templates.inForce((Caller) sc.getUserPrincipal(), code);
    }
}
