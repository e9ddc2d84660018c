package cn.supervision.reporting.rest;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import cn.supervision.api.document.DocumentFormat;
import cn.supervision.api.document.ResultDocumentService;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** 通报 (criticism notices) written by the office around the findings it criticises. */
@Path("/v1/criticism-notices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "result-documents")
public class CriticismNoticesResource {
    private final ResultDocumentService documents;

    public CriticismNoticesResource(ResultDocumentService documents) {
        this.documents = documents;
    }

    /** The body: {@code jurisdictionCode} defaults to the caller's; {@code format} to PDF. */
    public record CriticismCommand(String jurisdictionCode, String title, String addressees, List<String> paragraphs,
                                   List<Long> findingIds, String format) { }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "生成通报", description = "{\"jurisdictionCode\":\"370500\",\"title\":\"关于……的通报\",\"addressees\":\"各县区编办，"
            + "市直各部门\",\"paragraphs\":[\"……\"],\"findingIds\":[1,2],\"format\":\"PDF\"}：正文之后逐条列出被通报单位及其问题（本行政区划的问题）。"
            + "同一组问题再次生成为新版本并保留文号")
    public Response create(@Context SecurityContext sc, @Context UriInfo uri, CriticismCommand command) {
        if (command == null) {
            throw SupervisionException.invalid("body", "请求体不能为空");
        }
        Caller caller = CampaignDocumentsResource.caller(sc);
        String jurisdiction = command.jurisdictionCode() == null || command.jurisdictionCode().isBlank()
                ? caller.jurisdictionCode() : command.jurisdictionCode();
        return Formats.created(uri, documents.criticismNotice(caller, jurisdiction, command.title(), command.addressees(),
                command.paragraphs(), command.findingIds(), DocumentFormat.ofParameter(command.format())));
    }
}
