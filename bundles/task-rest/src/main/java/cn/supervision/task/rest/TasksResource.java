package cn.supervision.task.rest;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;
import cn.supervision.api.task.OwnerKind;
import cn.supervision.api.task.TaskEvent;
import cn.supervision.api.task.TaskOrigin;
import cn.supervision.api.task.TaskQuery;
import cn.supervision.api.task.TaskService;
import cn.supervision.api.task.TaskState;
import cn.supervision.api.task.TrackedTask;
import cn.supervision.rest.bounds.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@Path("/v1/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "tasks", description = "督办事项：领导批示和联席会议决定交办给单位、协作部门和机构编制部门的事项，跟踪到办结")
public class TasksResource {
    /** Everything the caller may read; the gateway pages it (@Paged). */
    static final int LISTED = 100_000;
    private final TaskService tasks;

    public TasksResource(TaskService tasks) {
        this.tasks = tasks;
    }

    /** A progress report: what was done, and how far (0–100, optional). */
    public record ProgressCommand(String text, Integer percent) { }

    /** The office's closing note. */
    public record CloseCommand(String note) { }

    /** Why a task is cancelled or reopened. */
    public record ReasonCommand(String reason) { }

    /** A new deadline and why. */
    public record DeadlineCommand(LocalDate deadline, String reason) { }

    static Caller caller(SecurityContext sc) {
        return (Caller) sc.getUserPrincipal();
    }

    @GET
    @Paged
    @Operation(summary = "督办事项列表（逾期的在前，再按办理期限）", description = "当前账号可见的督办事项：机构编制部门和领导为辖区内全部，"
            + "单位只见本单位承办的，协作部门只见本部门承办的。jurisdiction 省略时为全部可见行政区划。分页：offset、limit，"
            + "总数在 X-Total-Count，下一页在 Link")
    public List<TrackedTask> list(@Context SecurityContext sc,
                                  @Parameter(description = "行政区划代码") @QueryParam("jurisdiction") String jurisdiction,
                                  @Parameter(description = "来源：INSTRUCTION（领导批示）、MEETING_DECISION（联席会议决定）") @QueryParam("origin") String origin,
                                  @Parameter(description = "来源编号（批示或决定的 id）") @QueryParam("originId") String originId,
                                  @Parameter(description = "状态：OPEN、DONE、CANCELLED") @QueryParam("state") String state,
                                  @Parameter(description = "true：只列逾期未办结的") @QueryParam("overdue") String overdue,
                                  @Parameter(description = "责任方类型：UNIT、DEPARTMENT、OFFICE") @QueryParam("ownerKind") String ownerKind,
                                  @Parameter(description = "责任单位或协作部门代码") @QueryParam("ownerCode") String ownerCode) {
        TaskQuery query = new TaskQuery(value(TaskOrigin.class, "origin", origin), id("originId", originId),
                value(TaskState.class, "state", state), flag("overdue", overdue), value(OwnerKind.class, "ownerKind", ownerKind),
                blank(ownerCode) ? null : ownerCode.trim());
        return tasks.list(caller(sc), blank(jurisdiction) ? null : jurisdiction.trim(), query, 0, LISTED);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "一项督办事项（含进展报告，overdue 为是否逾期）")
    public TrackedTask get(@Context SecurityContext sc, @PathParam("id") long id) {
        return tasks.get(caller(sc), id);
    }

    @GET
    @Path("{id}/history")
    @Operation(summary = "督办事项的办理记录", description = "交办、进展、调整期限、逾期提醒、办结、撤销、重新办理，按时间先后")
    public List<TaskEvent> history(@Context SecurityContext sc, @PathParam("id") long id) {
        return tasks.history(caller(sc), id);
    }

    @POST
    @Path("{id}/progress")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "报告进展", description = "承办单位、承办协作部门或本级机构编制部门报告；text 必填，percent 为 0–100（可省略）；"
            + "已办结或已撤销的事项不能再报告（409）")
    public TrackedTask progress(@Context SecurityContext sc, @PathParam("id") long id, ProgressCommand command) {
        return tasks.reportProgress(caller(sc), id, command == null ? null : command.text(), command == null ? null : command.percent());
    }

    @POST
    @Path("{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "办结（须写办结说明）", description = "本级机构编制部门")
    public TrackedTask close(@Context SecurityContext sc, @PathParam("id") long id, CloseCommand command) {
        return tasks.close(caller(sc), id, command == null ? null : command.note());
    }

    @POST
    @Path("{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "撤销（须说明理由）", description = "本级机构编制部门；督办事项不会被删除")
    public TrackedTask cancel(@Context SecurityContext sc, @PathParam("id") long id, ReasonCommand command) {
        return tasks.cancel(caller(sc), id, command == null ? null : command.reason());
    }

    @POST
    @Path("{id}/reopen")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "重新办理已办结或已撤销的事项（须说明理由）")
    public TrackedTask reopen(@Context SecurityContext sc, @PathParam("id") long id, ReasonCommand command) {
        return tasks.reopen(caller(sc), id, command == null ? null : command.reason());
    }

    @POST
    @Path("{id}/deadline")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "调整办理期限（须说明理由，不得早于今天）", description = "deadline 形如 2026-12-31；调整记入办理记录")
    public TrackedTask redate(@Context SecurityContext sc, @PathParam("id") long id, DeadlineCommand command) {
        return tasks.redate(caller(sc), id, command == null ? null : command.deadline(), command == null ? null : command.reason());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static <E extends Enum<E>> E value(Class<E> type, String field, String text) {
        if (blank(text)) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.trim());
        } catch (IllegalArgumentException e) {
            throw SupervisionException.invalid(field, "“" + text + "”不是有效取值（"
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining("、")) + "）");
        }
    }

    private static Long id(String field, String text) {
        if (blank(text)) {
            return null;
        }
        try {
            long v = Long.parseLong(text.trim());
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw SupervisionException.invalid(field, "“" + text + "”不是有效编号（正整数）");
    }

    private static boolean flag(String field, String text) {
        if (blank(text) || "false".equalsIgnoreCase(text.trim())) {
            return false;
        }
        if ("true".equalsIgnoreCase(text.trim())) {
            return true;
        }
        throw SupervisionException.invalid(field, "“" + text + "”应为 true 或 false");
    }
}
