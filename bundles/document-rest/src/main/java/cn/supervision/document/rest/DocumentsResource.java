package cn.supervision.document.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Request;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import cn.supervision.api.document.DocumentKind;
import cn.supervision.api.document.DocumentService;
import cn.supervision.api.document.StoredDocument;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;
import cn.supervision.rest.bounds.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The generated documents, every version kept with its SHA-256. Generating is done by the bundles that own the records (results, special reports, meetings).
 */
@Path("/v1/documents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "documents", description = "文书：整改通知书、通报、监管专报、会议纪要、监管报告的各版本（DOCX/PDF）与所用模板")
public class DocumentsResource {
    /** The whole list the gateway pages (@Paged). */
    static final int ALL = 10_000;

    private final DocumentService documents;

    public DocumentsResource(DocumentService documents) {
        this.documents = documents;
    }

    static Caller caller(SecurityContext sc) {
        return (Caller) sc.getUserPrincipal();
    }

    @GET
    @Paged
    @Operation(summary = "文书列表（最新的在前）", description = "jurisdiction、kind（CAMPAIGN_REPORT、UNIT_REPORT、RECTIFICATION_NOTICE、"
            + "CRITICISM_NOTICE、SPECIAL_REPORT、MEETING_MINUTES）、subject（如 campaign:12、notice:5）均可省略；只列出当前账号可读的版本"
            + "（单位和协作部门只见已印发给自己的）。分页：offset、limit，总数在 X-Total-Count")
    public List<StoredDocument> list(@Context SecurityContext sc, @QueryParam("jurisdiction") String jurisdiction,
                                     @QueryParam("kind") String kind, @QueryParam("subject") String subject) {
        return documents.list(caller(sc), blank(jurisdiction) ? null : jurisdiction, kind(kind),
                blank(subject) ? null : subject, 0, ALL);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "一个文书版本的元数据（编号、版本、SHA-256、所用模板、印发情况）")
    public StoredDocument get(@Context SecurityContext sc, @PathParam("id") long id) {
        return documents.get(caller(sc), id);
    }

    @GET
    @Path("{id}/content")
    @Produces({"application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"})
    @Operation(summary = "下载文书（DOCX 或 PDF）", description = "ETag 为内容的 SHA-256；If-None-Match 相同时答 304。"
            + "文件名在 Content-Disposition 的 filename*（RFC 5987，UTF-8）")
    public Response content(@Context SecurityContext sc, @Context Request request, @PathParam("id") long id) {
        Caller caller = caller(sc);
        StoredDocument d = documents.get(caller, id);
        EntityTag tag = new EntityTag(d.sha256());
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        if (unchanged != null) {
            return unchanged.tag(tag).build();
        }
        byte[] bytes = documents.content(caller, id);
        String name = d.fileName().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        String ascii = "document-" + d.id() + "-v" + d.version() + "." + d.format().extension();
        return Response.ok(bytes, d.format().mediaType()).tag(tag)
                .header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded)
                .header("Cache-Control", "private, no-cache")
                .header("X-Content-Type-Options", "nosniff").build();
    }

    @POST
    @Path("{id}/issue")
    @Operation(summary = "印发：送达所涉单位或协作部门（此后它们可以阅读）", description = "重复印发不改变印发人和时间")
    public StoredDocument issue(@Context SecurityContext sc, @PathParam("id") long id) {
        return documents.issue(caller(sc), id);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static DocumentKind kind(String text) {
        if (blank(text)) {
            return null;
        }
        try {
            return DocumentKind.valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw SupervisionException.invalid("kind", "不认识的文书种类 " + text);
        }
    }
}
