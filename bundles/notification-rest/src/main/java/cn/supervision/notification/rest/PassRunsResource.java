package cn.supervision.notification.rest;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import cn.supervision.api.schedule.PassResult;
import cn.supervision.api.schedule.Scheduler;
import cn.supervision.api.security.Caller;
import cn.supervision.rest.bounds.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** What the daily passes did: for the root jurisdiction's office (running them is a shell operation). */
@Path("/v1/scheduler/runs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "scheduler", description = "每日规则任务（期限、催报、预警规则）的运行记录")
public class PassRunsResource {
    /** The newest this many runs are listed, paged by the gateway. */
    static final int NEWEST = 1_000;

    private final Scheduler scheduler;

    public PassRunsResource(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @GET
    @Paged
    @Operation(summary = "每日规则任务运行记录", description = "最新的在前：任务名、运行时间、检查数、变更数、耗时、说明、失败原因。仅市级（根行政区划）机构编制部门")
    public List<PassResult> runs(@Context SecurityContext sc) {
        return scheduler.history((Caller) sc.getUserPrincipal(), NEWEST);
    }
}
