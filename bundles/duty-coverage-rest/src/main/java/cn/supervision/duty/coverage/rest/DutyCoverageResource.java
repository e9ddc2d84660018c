package cn.supervision.duty.coverage.rest;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import cn.supervision.api.duty.CoverageService;
import cn.supervision.api.duty.DutyCoverage;
import cn.supervision.api.duty.StaleDuty;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;
import cn.supervision.rest.bounds.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Path("/v1/duty-coverage")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "duty-coverage", description = "主要职责监管覆盖情况（第十三条）：按监管活动、按年度，哪些单位的哪些主要职责由哪个指标评估、得分多少，哪些未评估；多年未评估的主要职责")
public class DutyCoverageResource {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final CoverageService coverage;

    public DutyCoverageResource(CoverageService coverage) {
        this.coverage = coverage;
    }

    private static Caller caller(SecurityContext sc) {
        return (Caller) sc.getUserPrincipal();
    }

    @GET
    @Path("campaigns/{campaignId}")
    @Operation(summary = "一个监管活动的主要职责覆盖情况", description = "活动的每个监管对象及其主要职责：是否已评估、评估指标、得分和满分；"
            + "上级机构编制部门在下级活动发布后可查看")
    public DutyCoverage ofCampaign(@Context SecurityContext sc, @PathParam("campaignId") long campaignId) {
        return coverage.ofCampaign(caller(sc), campaignId);
    }

    @GET
    @Path("campaigns/{campaignId}/export")
    @Produces(XLSX)
    @Operation(summary = "一个监管活动的主要职责覆盖情况（Excel）", description = "每项主要职责一行（单位、序号、主要职责、类型、是否已评估、评估指标、得分、满分、活动），另附汇总表")
    public Response exportCampaign(@Context SecurityContext sc, @PathParam("campaignId") long campaignId) throws IOException {
        return xlsx(coverage.ofCampaign(caller(sc), campaignId), "duty-coverage-campaign-" + campaignId + ".xlsx");
    }

    @GET
    @Operation(summary = "一个年度的主要职责覆盖情况", description = "行政区划内全部存续单位的现行主要职责，对照周期属于该年度的全部监管活动")
    public DutyCoverage ofYear(@Context SecurityContext sc, @QueryParam("jurisdiction") String jurisdiction,
                               @QueryParam("year") Integer year) {
        return coverage.ofYear(caller(sc), jurisdiction, required(year));
    }

    @GET
    @Path("export")
    @Produces(XLSX)
    @Operation(summary = "一个年度的主要职责覆盖情况（Excel）", description = "每项主要职责一行，另附汇总表")
    public Response exportYear(@Context SecurityContext sc, @QueryParam("jurisdiction") String jurisdiction,
                               @QueryParam("year") Integer year) throws IOException {
        int y = required(year);
        return xlsx(coverage.ofYear(caller(sc), jurisdiction, y), "duty-coverage-" + jurisdiction + "-" + y + ".xlsx");
    }

    @GET
    @Path("stale")
    @Paged
    @Operation(summary = "多年未评估的主要职责", description = "截至 until 年（默认今年）的 years 年内（默认 3 年）没有任何监管活动评估过的存续单位现行主要职责，"
            + "及最近一次评估的年度（从未评估为空）")
    public List<StaleDuty> stale(@Context SecurityContext sc, @QueryParam("jurisdiction") String jurisdiction,
                                 @QueryParam("years") @DefaultValue("3") int years, @QueryParam("until") Integer until) {
        int untilYear = until == null ? LocalDate.now(CHINA).getYear() : until;
        return coverage.notAssessed(caller(sc), jurisdiction, years, untilYear);
    }

    private static int required(Integer year) {
        if (year == null) {
            throw SupervisionException.invalid("year", "必须指定年度");
        }
        return year;
    }

    private static Response xlsx(DutyCoverage c, String fileName) throws IOException {
        return Response.ok(CoverageWorkbook.write(c), XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }
}
