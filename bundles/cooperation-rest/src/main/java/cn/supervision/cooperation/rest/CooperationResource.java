package cn.supervision.cooperation.rest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
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

import cn.supervision.api.cooperation.CooperationService;
import cn.supervision.api.cooperation.Department;
import cn.supervision.api.cooperation.DepartmentDraft;
import cn.supervision.api.cooperation.DepartmentKind;
import cn.supervision.api.cooperation.FileContent;
import cn.supervision.api.cooperation.Referral;
import cn.supervision.api.cooperation.ReferralDraft;
import cn.supervision.api.cooperation.ReferralEvidence;
import cn.supervision.api.cooperation.ReferralFeedback;
import cn.supervision.api.cooperation.ReferralState;
import cn.supervision.api.cooperation.Share;
import cn.supervision.api.cooperation.ShareDraft;
import cn.supervision.api.evidence.EvidenceFile;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;
import cn.supervision.rest.bounds.Paged;
import cn.supervision.rest.bounds.StreamedBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Path("/v1/cooperation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "cooperation", description = "部门协作：协作部门名录、情况通报（结果和文书）及已读回执、问题线索移送及签收和反馈")
public class CooperationResource {
    private final CooperationService cooperation;

    public CooperationResource(CooperationService cooperation) {
        this.cooperation = cooperation;
    }

    /** The body of {@code POST /departments}. */
    public record DepartmentCommand(String jurisdictionCode, String code, String name, DepartmentKind kind,
                                    List<Department.Contact> contacts) { }

    /** The body of {@code POST /departments/{id}/deactivate}. */
    public record ReasonCommand(String reason) { }

    /** The body of {@code POST /referrals/{id}/receipt}. */
    public record NoteCommand(String note) { }

    private static Caller caller(SecurityContext sc) {
        return (Caller) sc.getUserPrincipal();
    }

    // ---------------------------------------------------------------- departments

    @GET
    @Path("departments")
    @Paged
    @Operation(summary = "协作部门名录", description = "jurisdiction 省略时为本级；inactive=true 含已停用的部门；协作部门用户只看到本部门")
    public List<Department> departments(@Context SecurityContext sc, @QueryParam("jurisdiction") String jurisdiction,
                                        @QueryParam("inactive") boolean inactive) {
        return cooperation.departments(caller(sc), jurisdiction, inactive);
    }

    @GET
    @Path("departments/{id}")
    @Operation(summary = "一个协作部门")
    public Department department(@Context SecurityContext sc, @PathParam("id") long id) {
        return cooperation.department(caller(sc), id);
    }

    @POST
    @Path("departments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "登记协作部门", description = "code 在本行政区划内唯一（部门用户按 department= 绑定），kind 为纪检监察、巡察、督查、组织、人社、财政、审计等；contacts 为联系人")
    public Response register(@Context SecurityContext sc, @Context UriInfo uri, DepartmentCommand body) {
        if (body == null) {
            throw SupervisionException.invalid("body", "需要 code、name、kind");
        }
        Department d = cooperation.register(caller(sc), body.jurisdictionCode(),
                new DepartmentDraft(body.code(), body.name(), body.kind(), body.contacts()));
        return Response.created(uri.getBaseUriBuilder().path("v1/cooperation/departments/{id}").build(d.id())).entity(d).build();
    }

    @PUT
    @Path("departments/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "修改协作部门", description = "名称、类别和联系人；部门代码登记后不能修改")
    public Department update(@Context SecurityContext sc, @PathParam("id") long id, DepartmentDraft body) {
        return cooperation.update(caller(sc), id, body);
    }

    @POST
    @Path("departments/{id}/deactivate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "停用协作部门", description = "须说明理由；不再向其通报或移送，已收到的仍可查看；不删除")
    public Department deactivate(@Context SecurityContext sc, @PathParam("id") long id, ReasonCommand body) {
        return cooperation.deactivate(caller(sc), id, body == null ? null : body.reason());
    }

    // ---------------------------------------------------------------- shares

    @POST
    @Path("shares")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "情况通报", description = "向本级一个或多个协作部门通报已发布监管活动的结果（campaignId，可用 unitIds 选择单位）和/或文书（documentIds），"
            + "附 subject、message；收文部门的用户收到消息")
    public Response share(@Context SecurityContext sc, @Context UriInfo uri, ShareDraft body) {
        Share s = cooperation.share(caller(sc), body);
        return Response.created(uri.getBaseUriBuilder().path("v1/cooperation/shares/{id}").build(s.id())).entity(s).build();
    }

    @GET
    @Path("shares")
    @Paged
    @Operation(summary = "情况通报列表", description = "新的在前，不含结果明细；协作部门只看到发给本部门的通报")
    public List<Share> shares(@Context SecurityContext sc, @QueryParam("jurisdiction") String jurisdiction) {
        return cooperation.shares(caller(sc), jurisdiction);
    }

    @GET
    @Path("shares/{id}")
    @Operation(summary = "一份情况通报", description = "含通报时的结果明细（单位、总分、等次、排名）和文书清单")
    public Share getShare(@Context SecurityContext sc, @PathParam("id") long id) {
        return cooperation.getShare(caller(sc), id);
    }

    @POST
    @Path("shares/{id}/read")
    @Operation(summary = "协作部门签收已读", description = "记录本部门首次阅读的时间和人员")
    public Share read(@Context SecurityContext sc, @PathParam("id") long id) {
        return cooperation.markRead(caller(sc), id);
    }

    @GET
    @Path("shares/{id}/documents/{documentId}")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "下载通报所附文书")
    public Response sharedDocument(@Context SecurityContext sc, @PathParam("id") long id, @PathParam("documentId") long documentId) {
        return download(cooperation.sharedDocument(caller(sc), id, documentId));
    }

    // ---------------------------------------------------------------- referrals

    @POST
    @Path("referrals")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "移送问题线索", description = "一个问题（findingId）移送给本级一个协作部门（departmentId），附移送说明 note，feedbackDue 省略时为 30 天后；"
            + "佐证材料随后上传（部门签收前）")
    public Response refer(@Context SecurityContext sc, @Context UriInfo uri, ReferralDraft body) {
        Referral r = cooperation.refer(caller(sc), body);
        return Response.created(uri.getBaseUriBuilder().path("v1/cooperation/referrals/{id}").build(r.id())).entity(r).build();
    }

    @GET
    @Path("referrals")
    @Paged
    @Operation(summary = "移送线索列表", description = "新的在前；协作部门只看到移送给本部门的线索")
    public List<Referral> referrals(@Context SecurityContext sc, @QueryParam("jurisdiction") String jurisdiction,
                                    @QueryParam("state") ReferralState state) {
        return cooperation.referrals(caller(sc), jurisdiction, state);
    }

    @GET
    @Path("referrals/overdue")
    @Paged
    @Operation(summary = "逾期未反馈的移送线索", description = "超过反馈期限仍未受理、不予受理或反馈处理结果的线索")
    public List<Referral> overdue(@Context SecurityContext sc, @QueryParam("jurisdiction") String jurisdiction) {
        return cooperation.overdue(caller(sc), jurisdiction);
    }

    @GET
    @Path("referrals/{id}")
    @Operation(summary = "一条移送线索", description = "问题描述、严重程度、单位、佐证材料清单、签收和反馈记录")
    public Referral referral(@Context SecurityContext sc, @PathParam("id") long id) {
        return cooperation.referral(caller(sc), id);
    }

    @POST
    @Path("referrals/{id}/evidence")
    @Consumes(MediaType.WILDCARD)
    @StreamedBody
    @Operation(summary = "上传线索文件", description = "机构编制部门在签收前上传佐证材料，协作部门在签收后上传处理结果文件；请求体为文件本身，文件名由 fileName 参数给出；"
            + "只接受 pdf、ofd、jpg、png、doc(x)、xls(x)，最大 10 MB；保存 SHA-256")
    public Response evidence(@Context SecurityContext sc, @PathParam("id") long id, @QueryParam("fileName") String fileName,
                             @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length, InputStream body) throws IOException {
        // who may attach is decided before a byte of the file is read
        cooperation.checkUpload(caller(sc), id);
        byte[] content = EvidenceFile.read(length, body);
        ReferralEvidence e = cooperation.attach(caller(sc), id, fileName, content);
        return Response.status(201).entity(e).build();
    }

    @GET
    @Path("referrals/{id}/evidence/{evidenceId}")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "下载线索文件")
    public Response download(@Context SecurityContext sc, @PathParam("id") long id, @PathParam("evidenceId") long evidenceId) {
        return download(cooperation.evidence(caller(sc), id, evidenceId));
    }

    @POST
    @Path("referrals/{id}/receipt")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "协作部门签收线索", description = "note 可选")
    public Referral receipt(@Context SecurityContext sc, @PathParam("id") long id, NoteCommand body) {
        return cooperation.acknowledge(caller(sc), id, body == null ? null : body.note());
    }

    @POST
    @Path("referrals/{id}/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "协作部门反馈", description = "kind：ACCEPTED（立案/受理）、NOT_ACCEPTED（不予受理，text 写明理由）、RESULT（处理结果，text 必填，"
            + "fileId 可指本部门上传的文件）；须先签收；机构编制部门收到消息")
    public Referral feedback(@Context SecurityContext sc, @PathParam("id") long id, ReferralFeedback body) {
        return cooperation.feedback(caller(sc), id, body);
    }

    // ---------------------------------------------------------------- helpers

    private static Response download(FileContent file) {
        String encoded = URLEncoder.encode(file.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(file.content(), file.contentType())
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + encoded)
                .header("X-Content-Type-Options", "nosniff").build();
    }

}
