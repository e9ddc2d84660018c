package cn.supervision.warning.rest;

import java.util.List;
import java.util.Locale;

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
import cn.supervision.api.warning.Warning;
import cn.supervision.api.warning.WarningLevel;
import cn.supervision.api.warning.WarningService;
import cn.supervision.api.warning.WarningState;
import cn.supervision.api.warning.WarningSummary;
import cn.supervision.api.warning.WarningTransition;
import cn.supervision.rest.bounds.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Path("/v1/warnings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "warnings", description = "预警台账（红色：合规；黄色：绩效；蓝色：效能）：规则触发、下发、核查、销号或转为问题")
public class WarningsResource {
    private final WarningService warnings;

    public WarningsResource(WarningService warnings) {
        this.warnings = warnings;
    }

    private static Caller caller(SecurityContext sc) {
        return (Caller) sc.getUserPrincipal();
    }

    /** One warning with its history. */
    public record WarningDetail(Warning warning, List<WarningTransition> history) { }

    /** The body of a transition: the reason (mandatory to close and to convert). */
    public record TransitionCommand(String reason) { }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw SupervisionException.invalid(field, "取值无效：" + text);
        }
    }

    private static Long unit(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw SupervisionException.invalid("unit", "单位编号应为数字");
        }
    }

    @GET
    @Paged
    @Operation(summary = "预警列表", description = "jurisdiction 缺省为当前用户所属区划；level：RED/YELLOW/BLUE；"
            + "state：TO_DISPATCH/DISPATCHED/VERIFYING/CLOSED/CONVERTED；unit：单位编号。上级编办和单位仅见已下发的预警，单位仅见本单位的")
    public List<Warning> list(@Context SecurityContext sc, @QueryParam("jurisdiction") String jurisdiction,
                              @QueryParam("level") String level, @QueryParam("state") String state, @QueryParam("unit") String unit) {
        return warnings.list(caller(sc), jurisdiction, parse(WarningLevel.class, "level", level),
                parse(WarningState.class, "state", state), unit(unit));
    }

    @GET
    @Path("summary")
    @Operation(summary = "预警统计（按等级、状态）", description = "驾驶舱用：当前用户可见的预警数")
    public WarningSummary summary(@Context SecurityContext sc, @QueryParam("jurisdiction") String jurisdiction) {
        return warnings.summary(caller(sc), jurisdiction);
    }

    @POST
    @Path("evaluate")
    @Operation(summary = "立即运行预警规则", description = "编办对本级区划运行全部预警规则，返回新产生的预警；相同事实不重复产生")
    public List<Warning> evaluate(@Context SecurityContext sc, @QueryParam("jurisdiction") String jurisdiction) {
        return warnings.evaluate(caller(sc), jurisdiction);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "预警详情及流转记录")
    public WarningDetail get(@Context SecurityContext sc, @PathParam("id") long id) {
        Caller caller = caller(sc);
        return new WarningDetail(warnings.get(caller, id), warnings.history(caller, id));
    }

    private static String reason(TransitionCommand command) {
        return command == null ? null : command.reason();
    }

    @POST
    @Path("{id}/dispatch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "下发预警", description = "待下发 → 已下发，通知单位；状态不符 409")
    public Warning dispatch(@Context SecurityContext sc, @PathParam("id") long id, TransitionCommand command) {
        return warnings.dispatch(caller(sc), id, reason(command));
    }

    @POST
    @Path("{id}/verify")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "转入核查", description = "已下发 → 核查中；状态不符 409")
    public Warning verify(@Context SecurityContext sc, @PathParam("id") long id, TransitionCommand command) {
        return warnings.verify(caller(sc), id, reason(command));
    }

    @POST
    @Path("{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "销号", description = "核查中（或误报的待下发）→ 已销号，必须填写理由；状态不符 409")
    public Warning close(@Context SecurityContext sc, @PathParam("id") long id, TransitionCommand command) {
        return warnings.close(caller(sc), id, reason(command));
    }

    @POST
    @Path("{id}/convert")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "转为问题", description = "未办结的预警转入问题清单（来源：预警），必须填写理由；状态不符 409")
    public Warning convert(@Context SecurityContext sc, @PathParam("id") long id, TransitionCommand command) {
        return warnings.convert(caller(sc), id, reason(command));
    }
}
