package cn.supervision.reporting.rest;

import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import cn.supervision.api.document.DocumentFormat;
import cn.supervision.api.document.ResultDocumentService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The 整改通知书 of a rectification notice, under the notice's own path ({@code /v1/rectifications/{id}}). */
@Path("/v1/rectifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "result-documents")
public class NoticeDocumentsResource {
    private final ResultDocumentService documents;

    public NoticeDocumentsResource(ResultDocumentService documents) {
        this.documents = documents;
    }

    @POST
    @Path("{id}/document")
    @Operation(summary = "生成整改通知书", description = "主送被通知单位，逐项列出问题、整改要求和期限（红头文件，按年度编号，再次生成保留文号）；"
            + "下发后该单位可以查看")
    public Response notice(@Context SecurityContext sc, @Context UriInfo uri, @PathParam("id") long id,
                           @Parameter(description = "PDF（默认）或 DOCX") @QueryParam("format") String format) {
        return Formats.created(uri, documents.rectificationNotice(CampaignDocumentsResource.caller(sc), id, DocumentFormat.ofParameter(format)));
    }
}
