package cn.supervision.rectification.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import javax.ws.rs.Consumes;
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

import cn.supervision.api.evidence.EvidenceFile;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.rectification.Escalation;
import cn.supervision.api.rectification.EscalationDraft;
import cn.supervision.api.rectification.Item;
import cn.supervision.api.rectification.Notice;
import cn.supervision.api.rectification.NoticeDraft;
import cn.supervision.api.rectification.NoticeState;
import cn.supervision.api.rectification.PlanDraft;
import cn.supervision.api.rectification.RectificationEvent;
import cn.supervision.api.rectification.RectificationEvidence;
import cn.supervision.api.rectification.RectificationService;
import cn.supervision.api.rectification.UnitRectificationStatus;
import cn.supervision.api.rectification.Visit;
import cn.supervision.api.rectification.VisitDraft;
import cn.supervision.api.security.Caller;
import cn.supervision.rest.bounds.Paged;
import cn.supervision.rest.bounds.StreamedBody;
import cn.supervision.spreadsheet.Sheet;
import cn.supervision.spreadsheet.Xlsx;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Path("/v1/rectifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "rectifications", description = "整改：整改通知、单位整改方案和进展、销号、回访、约谈和通报批评、整改台账")
public class RectificationsResource {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final RectificationService rectification;

    public RectificationsResource(RectificationService rectification) {
        this.rectification = rectification;
    }

    /** The body of {@code POST …/items/{itemId}/progress}. */
    public record ProgressCommand(String report) { }

    /** The body of {@code POST …/items/{itemId}/claim}. */
    public record ClaimCommand(String note) { }

    /** The body of {@code POST …/items/{itemId}/review}. */
    public record ReviewCommand(Boolean accept, String reason) { }

    /** The body of {@code POST …/escalations/{id}/dismiss}. */
    public record DismissCommand(String reason) { }

    private static Caller caller(SecurityContext sc) {
        return (Caller) sc.getUserPrincipal();
    }

    @GET
    @Paged
    @Operation(summary = "整改通知列表", description = "jurisdiction 省略时为本级；单位用户只看到本单位的通知")
    public List<Notice> list(@Context SecurityContext sc, @QueryParam("jurisdiction") String jurisdiction, @QueryParam("unit") Long unit,
                             @QueryParam("state") NoticeState state) {
        return rectification.list(caller(sc), jurisdiction, unit, state);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "下发整改通知", description = "一个单位的一个或多个问题（OPEN），整改期限省略时默认 30 天（不能早于今天），写明需提交的佐证材料；"
            + "问题转为整改中，单位收到通知")
    public Response issue(@Context SecurityContext sc, @Context UriInfo uri, NoticeDraft draft) {
        if (draft == null) {
            throw SupervisionException.invalid("body", "需要 jurisdictionCode、unitId、findingIds、requiredEvidence");
        }
        Notice n = rectification.issue(caller(sc), draft);
        return Response.created(uri.getBaseUriBuilder().path("v1/rectifications/{id}").build(n.id())).entity(n).build();
    }

    @GET
    @Path("overdue")
    @Paged
    @Operation(summary = "逾期的整改事项")
    public List<Item> overdue(@Context SecurityContext sc, @QueryParam("jurisdiction") String jurisdiction) {
        return rectification.overdue(caller(sc), jurisdiction);
    }

    @GET
    @Path("status")
    @Paged
    @Operation(summary = "各单位某年度整改情况", description = "当年下发的通知数、事项数、已办结、逾期、未办结、已实施的约谈和通报批评")
    public List<UnitRectificationStatus> status(@Context SecurityContext sc, @QueryParam("jurisdiction") String jurisdiction,
                                                @QueryParam("year") Integer year) {
        return rectification.statusByUnit(caller(sc), jurisdiction, year == null ? LocalDate.now().getYear() : year);
    }

    @GET
    @Path("ledger.xlsx")
    @Produces(XLSX)
    @Operation(summary = "整改台账（Excel）", description = "每个整改事项一行：通知编号、单位、问题、整改措施、责任人、时限、状态、销号、回访、约谈和通报批评")
    public Response ledger(@Context SecurityContext sc, @QueryParam("jurisdiction") String jurisdiction, @QueryParam("year") Integer year)
            throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("序号", "通知编号", "单位", "问题描述", "整改措施", "责任人", "整改时限", "整改期限", "事项状态", "销号日期",
                "通知状态", "下次回访", "回访结果", "约谈和通报批评"));
        int n = 0;
        for (Notice notice : rectification.list(caller(sc), jurisdiction, null, null)) {
            if (year != null && notice.issuedOn().getYear() != year) {
                continue;
            }
            String visits = notice.visits().stream().filter(v -> v.result() != null)
                    .map(v -> v.visitedOn() + " " + v.result().label()).collect(Collectors.joining("；"));
            String escalations = notice.escalations().stream()
                    .map(e -> e.kind().label() + (e.date() == null ? "" : " " + e.date()) + "（" + e.state() + "）").collect(Collectors.joining("；"));
            for (Item i : notice.items()) {
                rows.add(List.of(++n, notice.number(), notice.unitName(), text(i.findingDescription()), text(i.measures()),
                        text(i.responsiblePerson()), text(i.dueDate()), notice.deadline().toString(), i.state().label(), text(i.acceptedOn()),
                        notice.state().label(), text(notice.nextVisitOn()), visits, escalations));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Xlsx.write(out, List.of(new Sheet("整改台账", rows)));
        return Response.ok(out.toByteArray(), XLSX)
                .header("Content-Disposition", "attachment; filename=\"rectification-ledger.xlsx\"").build();
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "一份整改通知", description = "事项、回访、约谈和通报批评")
    public Notice get(@Context SecurityContext sc, @PathParam("id") long id) {
        return rectification.get(caller(sc), id);
    }

    @GET
    @Path("{id}/history")
    @Paged
    @Operation(summary = "整改全过程记录（谁、何时、做了什么、为何）")
    public List<RectificationEvent> history(@Context SecurityContext sc, @PathParam("id") long id) {
        return rectification.history(caller(sc), id);
    }

    @POST
    @Path("{id}/items/{itemId}/plan")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "单位报送整改方案", description = "措施、责任人、时限（不晚于通知的整改期限）；可修改，每次都保留")
    public Item plan(@Context SecurityContext sc, @PathParam("id") long id, @PathParam("itemId") long itemId, PlanDraft plan) {
        return rectification.plan(caller(sc), id, itemId, plan);
    }

    @POST
    @Path("{id}/items/{itemId}/progress")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "单位报送整改进展")
    public Item progress(@Context SecurityContext sc, @PathParam("id") long id, @PathParam("itemId") long itemId, ProgressCommand body) {
        return rectification.progress(caller(sc), id, itemId, body == null ? null : body.report());
    }

    @POST
    @Path("{id}/items/{itemId}/evidence")
    @Consumes(MediaType.WILDCARD)
    @StreamedBody
    @Operation(summary = "单位上传整改佐证材料", description = "请求体为文件本身，文件名由 fileName 参数给出；只接受 pdf、ofd、jpg、png、doc(x)、xls(x)，最大 10 MB；保存 SHA-256")
    public Response itemEvidence(@Context SecurityContext sc, @PathParam("id") long id, @PathParam("itemId") long itemId,
                                 @QueryParam("fileName") String fileName, @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length,
                                 InputStream body) throws IOException {
        // who may attach is decided before a byte of the file is read
        rectification.checkItemEvidenceUpload(caller(sc), id, itemId);
        byte[] content = EvidenceFile.read(length, body);
        return Response.status(201).entity(rectification.attachItemEvidence(caller(sc), id, itemId, fileName, content)).build();
    }

    @POST
    @Path("{id}/items/{itemId}/claim")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "单位申请销号", description = "须已上传佐证材料")
    public Item claim(@Context SecurityContext sc, @PathParam("id") long id, @PathParam("itemId") long itemId, ClaimCommand body) {
        return rectification.claim(caller(sc), id, itemId, body == null ? null : body.note());
    }

    @POST
    @Path("{id}/items/{itemId}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "销号或退回", description = "{\"accept\":true} 销号；{\"accept\":false,\"reason\":…} 退回须说明理由；全部销号后安排回访（默认 90 天后）")
    public Item review(@Context SecurityContext sc, @PathParam("id") long id, @PathParam("itemId") long itemId, ReviewCommand body) {
        if (body == null || body.accept() == null) {
            throw SupervisionException.invalid("accept", "必填");
        }
        return rectification.review(caller(sc), id, itemId, body.accept(), body.reason());
    }

    @POST
    @Path("{id}/visits")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "记录回访", description = "result：RECTIFIED（整改到位，通知办结）或 NOT_RECTIFIED（整改不到位，安排再次回访）")
    public Response visit(@Context SecurityContext sc, @PathParam("id") long id, VisitDraft body) {
        Visit v = rectification.recordVisit(caller(sc), id, body);
        return Response.status(201).entity(v).build();
    }

    @POST
    @Path("{id}/visits/{visitId}/evidence")
    @Consumes(MediaType.WILDCARD)
    @StreamedBody
    @Operation(summary = "上传回访佐证材料")
    public Response visitEvidence(@Context SecurityContext sc, @PathParam("id") long id, @PathParam("visitId") long visitId,
                                  @QueryParam("fileName") String fileName, @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length,
                                  InputStream body) throws IOException {
        rectification.checkVisitEvidenceUpload(caller(sc), id, visitId);
        byte[] content = EvidenceFile.read(length, body);
        return Response.status(201).entity(rectification.attachVisitEvidence(caller(sc), id, visitId, fileName, content)).build();
    }

    @GET
    @Path("{id}/evidence")
    @Paged
    @Operation(summary = "佐证材料清单")
    public List<RectificationEvidence> evidence(@Context SecurityContext sc, @PathParam("id") long id) {
        return rectification.evidence(caller(sc), id);
    }

    @GET
    @Path("{id}/evidence/{evidenceId}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(summary = "下载佐证材料")
    public Response download(@Context SecurityContext sc, @PathParam("id") long id, @PathParam("evidenceId") long evidenceId) {
        return Response.ok(rectification.evidenceContent(caller(sc), id, evidenceId), MediaType.APPLICATION_OCTET_STREAM).build();
    }

    @POST
    @Path("{id}/escalations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "记录约谈或通报批评", description = "kind：ADMONITORY_TALK（约谈：date、participants、minutes）或 CIRCULATED_CRITICISM（通报批评：date、minutes 为通报内容）；"
            + "reason 必填；只在有逾期或回访不到位的问题时（否则 409）；县级只在本辖区")
    public Response escalate(@Context SecurityContext sc, @PathParam("id") long id, EscalationDraft body) {
        Escalation e = rectification.escalate(caller(sc), id, body);
        return Response.status(201).entity(e).build();
    }

    @POST
    @Path("{id}/escalations/{escalationId}/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "确认实施建议的约谈", description = "date、participants、minutes")
    public Escalation confirm(@Context SecurityContext sc, @PathParam("id") long id, @PathParam("escalationId") long escalationId,
                              EscalationDraft body) {
        return rectification.confirm(caller(sc), id, escalationId, body);
    }

    @POST
    @Path("{id}/escalations/{escalationId}/dismiss")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "不予实施建议的约谈", description = "须说明理由")
    public Escalation dismiss(@Context SecurityContext sc, @PathParam("id") long id, @PathParam("escalationId") long escalationId,
                              DismissCommand body) {
        return rectification.dismiss(caller(sc), id, escalationId, body == null ? null : body.reason());
    }


}
