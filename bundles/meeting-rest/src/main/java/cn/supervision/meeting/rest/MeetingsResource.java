package cn.supervision.meeting.rest;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import cn.supervision.api.cooperation.Department;
import cn.supervision.api.document.DocumentFormat;
import cn.supervision.api.document.StoredDocument;
import cn.supervision.api.meeting.AttendanceDraft;
import cn.supervision.api.meeting.Decision;
import cn.supervision.api.meeting.DecisionDraft;
import cn.supervision.api.meeting.Meeting;
import cn.supervision.api.meeting.MeetingDraft;
import cn.supervision.api.meeting.MeetingService;
import cn.supervision.api.meeting.MeetingState;
import cn.supervision.api.meeting.MeetingTransition;
import cn.supervision.api.meeting.Membership;
import cn.supervision.api.meeting.MembershipDraft;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;
import cn.supervision.rest.bounds.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@Path("/v1/meetings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "meetings", description = "联席会议（第二十五条）：成员单位、会议安排、出席、纪要、决定事项及其督办任务")
public class MeetingsResource {
    private final MeetingService meetings;

    public MeetingsResource(MeetingService meetings) {
        this.meetings = meetings;
    }

    /** New contact persons of a membership. */
    public record ContactsCommand(List<Department.Contact> contacts) { }

    /** Leaving: the day (today when omitted) and why. */
    public record LeaveCommand(LocalDate leftOn, String reason) { }

    /** The minutes text. */
    public record MinutesCommand(String text) { }

    /** A cancellation's reason (mandatory). */
    public record CancelCommand(String reason) { }

    static Caller caller(SecurityContext sc) {
        return (Caller) sc.getUserPrincipal();
    }

    // ------------------------------------------------------------------ members

    @GET
    @Path("members")
    @Operation(summary = "联席会议成员单位", description = "jurisdiction 省略时为当前账号所在的行政区划；includeFormer=true 时含已退出的（保留历史）")
    public List<Membership> members(@Context SecurityContext sc, @QueryParam("jurisdiction") String jurisdiction,
                                    @QueryParam("includeFormer") boolean includeFormer) {
        Caller caller = caller(sc);
        return meetings.members(caller, jurisdiction(caller, jurisdiction), includeFormer);
    }

    @POST
    @Path("members")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "添加成员单位", description = "departmentCode 为本行政区划在用的协作部门代码；joinedOn 为加入日期（默认今天，不能晚于今天）；"
            + "contacts 为联系人（name、title、phone），至少一名")
    public Response join(@Context SecurityContext sc, @Context UriInfo uri,
                         @Parameter(description = "行政区划代码，默认为当前账号所在的行政区划")
                         @QueryParam("jurisdiction") String jurisdiction, MembershipDraft draft) {
        Caller caller = caller(sc);
        Membership m = meetings.join(caller, jurisdiction(caller, jurisdiction), draft);
        URI location = uri.getBaseUriBuilder().path("v1/meetings/members").queryParam("jurisdiction", m.jurisdictionCode()).build();
        return Response.created(location).entity(m).build();
    }

    @PUT
    @Path("members/{id: \\d+}/contacts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "更新成员单位的联系人")
    public Membership contacts(@Context SecurityContext sc, @PathParam("id") long id, ContactsCommand command) {
        return meetings.updateContacts(caller(sc), id, command == null ? null : command.contacts());
    }

    @POST
    @Path("members/{id: \\d+}/leave")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "成员单位退出", description = "leftOn 为退出日期（默认今天）；记录保留，不删除")
    public Membership leave(@Context SecurityContext sc, @PathParam("id") long id, LeaveCommand command) {
        return meetings.leave(caller(sc), id, command == null ? null : command.leftOn(), command == null ? null : command.reason());
    }

    // ------------------------------------------------------------------ meetings

    @GET
    @Paged
    @Operation(summary = "联席会议列表（会议时间最新的在前）", description = "jurisdiction 省略时列出当前账号可见的全部；协作部门只看到邀请或出席的会议；"
            + "state 为 SCHEDULED、HELD、MINUTES_ISSUED、CANCELLED。列表中的任务状态为空，查看单个会议可见。分页：offset、limit，总数在 "
            + "X-Total-Count，下一页在 Link")
    public List<Meeting> list(@Context SecurityContext sc, @QueryParam("jurisdiction") String jurisdiction,
                              @QueryParam("state") String state) {
        return meetings.list(caller(sc), blank(jurisdiction) ? null : jurisdiction.trim(), state(state));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "安排联席会议", description = "startsAt 为会议时间（北京时间，如 2026-12-03T09:30，不早于今天）；agenda 为议题："
            + "title，以及可选的关联 kind（FINDING、CAMPAIGN、DOCUMENT、SPECIAL_REPORT）与 refId（须属于同一行政区划）。"
            + "邀请全部现有成员单位，并通知其用户")
    public Response schedule(@Context SecurityContext sc, @Context UriInfo uri,
                             @Parameter(description = "行政区划代码，默认为当前账号所在的行政区划")
                             @QueryParam("jurisdiction") String jurisdiction, MeetingDraft draft) {
        Caller caller = caller(sc);
        Meeting m = meetings.schedule(caller, jurisdiction(caller, jurisdiction), draft);
        URI location = uri.getBaseUriBuilder().path("v1/meetings/{id}").build(m.id());
        return Response.created(location).entity(m).build();
    }

    @GET
    @Path("{id: \\d+}")
    @Operation(summary = "一次联席会议（含议题、出席、纪要、决定事项及其任务状态）")
    public Meeting get(@Context SecurityContext sc, @PathParam("id") long id) {
        return meetings.get(caller(sc), id);
    }

    @PUT
    @Path("{id: \\d+}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "修改已安排的会议", description = "仅限“已安排”状态；重新邀请现有成员单位并通知变更")
    public Meeting update(@Context SecurityContext sc, @PathParam("id") long id, MeetingDraft draft) {
        return meetings.update(caller(sc), id, draft);
    }

    @POST
    @Path("{id: \\d+}/attendance")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "记录出席情况", description = "presentDepartments 为出席的成员单位代码（其余记为缺席）；attendees 为参会人员（name、"
            + "departmentCode，本机关人员不填部门）。会议时间已到的“已安排”会议由此转为“已召开”；“已召开”时可更正")
    public Meeting attendance(@Context SecurityContext sc, @PathParam("id") long id, AttendanceDraft attendance) {
        return meetings.recordAttendance(caller(sc), id, attendance);
    }

    @PUT
    @Path("{id: \\d+}/minutes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "填写会议纪要", description = "仅限“已召开”状态")
    public Meeting minutes(@Context SecurityContext sc, @PathParam("id") long id, MinutesCommand command) {
        return meetings.recordMinutes(caller(sc), id, command == null ? null : command.text());
    }

    @POST
    @Path("{id: \\d+}/minutes/issue")
    @Operation(summary = "印发会议纪要", description = "“已召开”转为“纪要已印发”；此后纪要和决定事项不再变更")
    public Meeting issue(@Context SecurityContext sc, @PathParam("id") long id) {
        return meetings.issueMinutes(caller(sc), id);
    }

    @POST
    @Path("{id: \\d+}/decisions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "记录决定事项并分解为督办任务", description = "仅限“已召开”状态；text 为决定内容，tasks 为任务（title 可省略、detail、"
            + "ownerKind：UNIT、DEPARTMENT、OFFICE，ownerCode，deadline 不早于今天），全部成立才写入")
    public Response decide(@Context SecurityContext sc, @Context UriInfo uri, @PathParam("id") long id, DecisionDraft draft) {
        Decision d = meetings.decide(caller(sc), id, draft);
        URI location = uri.getBaseUriBuilder().path("v1/meetings/{id}").build(id);
        return Response.created(location).entity(d).build();
    }

    @POST
    @Path("{id: \\d+}/documents/minutes")
    @Operation(summary = "生成会议纪要文书（红头、编号）", description = "format 为 PDF（默认）或 DOCX；每次生成一个新版本，编号不变；"
            + "下载经 /v1/documents")
    public Response generateMinutes(@Context SecurityContext sc, @Context UriInfo uri, @PathParam("id") long id,
                                    @QueryParam("format") String format) {
        StoredDocument doc = meetings.generateMinutes(caller(sc), id, DocumentFormat.ofParameter(format));
        URI location = uri.getBaseUriBuilder().path("v1/documents/{id}").build(doc.id());
        return Response.created(location).entity(doc).build();
    }

    @POST
    @Path("{id: \\d+}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "取消会议（须说明原因）", description = "仅限“已安排”状态；通知成员单位")
    public Meeting cancel(@Context SecurityContext sc, @PathParam("id") long id, CancelCommand command) {
        return meetings.cancel(caller(sc), id, command == null ? null : command.reason());
    }

    @GET
    @Path("{id: \\d+}/history")
    @Operation(summary = "会议的状态历史")
    public List<MeetingTransition> history(@Context SecurityContext sc, @PathParam("id") long id) {
        return meetings.history(caller(sc), id);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String jurisdiction(Caller caller, String jurisdiction) {
        String code = blank(jurisdiction) ? caller.jurisdictionCode() : jurisdiction.trim();
        if (code == null) {
            throw SupervisionException.invalid("jurisdiction", "必须指定行政区划");
        }
        return code;
    }

    private static MeetingState state(String text) {
        if (blank(text)) {
            return null;
        }
        try {
            return MeetingState.valueOf(text.trim());
        } catch (IllegalArgumentException e) {
            throw SupervisionException.invalid("state", "“" + text + "”不是有效状态（SCHEDULED、HELD、MINUTES_ISSUED、CANCELLED）");
        }
    }

}
