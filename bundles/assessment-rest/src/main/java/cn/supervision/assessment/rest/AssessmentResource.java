package cn.supervision.assessment.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
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

import cn.supervision.api.assessment.AssessmentItem;
import cn.supervision.api.assessment.AssessmentService;
import cn.supervision.api.assessment.AssessmentView;
import cn.supervision.api.assessment.CampaignRevision;
import cn.supervision.api.assessment.ExportFormat;
import cn.supervision.api.assessment.ExportRecord;
import cn.supervision.api.assessment.ItemKind;
import cn.supervision.api.assessment.ItemState;
import cn.supervision.api.assessment.Mapping;
import cn.supervision.api.assessment.MappingDraft;
import cn.supervision.api.assessment.UnitAssessment;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;
import cn.supervision.rest.bounds.Paged;
import cn.supervision.spreadsheet.Sheet;
import cn.supervision.spreadsheet.Xlsx;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@Path("/v1/assessment")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "assessment", description = "综合考核对接（第十八条）：监管结果按折算规则折算为考核分值，专项监管加减分事项，导出记录")
public class AssessmentResource {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private final AssessmentService assessment;

    public AssessmentResource(AssessmentService assessment) {
        this.assessment = assessment;
    }

    /** The body of a confirmation or drop: a note (a drop's reason, mandatory there). */
    public record Decision(String note) { }

    static Caller caller(SecurityContext sc) {
        return (Caller) sc.getUserPrincipal();
    }

    static int year(String text) {
        try {
            return Integer.parseInt(text == null ? "" : text.trim());
        } catch (NumberFormatException e) {
            throw SupervisionException.invalid("year", "“" + text + "”不是有效年度");
        }
    }

    @GET
    @Path("grades")
    @Operation(summary = "监管结果的等次（由高到低）", description = "按等次折算（GRADE）时须为每个等次规定分值")
    public List<String> grades() {
        return assessment.grades();
    }

    @GET
    @Path("exports")
    @Paged
    @Operation(summary = "导出记录（最新的在前）", description = "每次导出（REST、SOAP、Excel）的导出人、时间、行政区划和年度、折算规则版本、"
            + "所用监管活动及结果版本；本级编办可查。分页：offset、limit，总数在 X-Total-Count")
    public List<ExportRecord> exports(@Context SecurityContext sc, @QueryParam("jurisdiction") String jurisdiction,
                                      @QueryParam("year") String year) {
        return assessment.exports(caller(sc), blank(jurisdiction) ? null : jurisdiction.trim(), blank(year) ? null : year(year));
    }

    @GET
    @Path("{jurisdiction}/{year}/mapping")
    @Operation(summary = "现行折算规则", description = "revision 指定时返回该版本；各版本均保留")
    public Mapping mapping(@Context SecurityContext sc, @PathParam("jurisdiction") String jurisdiction, @PathParam("year") String year,
                           @Parameter(description = "规则版本，省略为现行版本") @QueryParam("revision") Integer revision) {
        return revision == null ? assessment.mapping(caller(sc), jurisdiction, year(year))
                : assessment.mapping(caller(sc), jurisdiction, year(year), revision);
    }

    @GET
    @Path("{jurisdiction}/{year}/mapping/revisions")
    @Operation(summary = "折算规则的全部版本（最早的在前）")
    public List<Mapping> revisions(@Context SecurityContext sc, @PathParam("jurisdiction") String jurisdiction,
                                   @PathParam("year") String year) {
        return assessment.mappingRevisions(caller(sc), jurisdiction, year(year));
    }

    @PUT
    @Path("{jurisdiction}/{year}/mapping")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "设置折算规则（新版本）", description = "method：LINEAR 按总分折算（总分 × scaleMax / 100，不低于 floor），"
            + "GRADE 按等次折算（gradePoints 须含每个等次）；decimals（0–4，默认 2）和 rounding（HALF_UP 默认、HALF_EVEN、DOWN、UP）"
            + "规定舍入；specialRules 为专项监管加减分规则（kind BONUS/DEDUCTION，points，条件 grades、totalBelow、totalAtLeast，"
            + "可限定 campaignId）。每项问题以 400 指明字段；与现行版本相同则不生成新版本")
    public Mapping saveMapping(@Context SecurityContext sc, @PathParam("jurisdiction") String jurisdiction, @PathParam("year") String year,
                               MappingDraft draft) {
        return assessment.saveMapping(caller(sc), jurisdiction, year(year), draft);
    }

    @GET
    @Path("{jurisdiction}/{year}")
    @Operation(summary = "折算结果（按单位）", description = "仅已发布的监管活动，各取最新结果版本：单位代码和名称、常规监管活动及结果版本、"
            + "总分、等次、考核得分、专项监管加减分事项（含理由和来源活动）、最终得分；记入导出记录（REST）")
    public AssessmentView view(@Context SecurityContext sc, @PathParam("jurisdiction") String jurisdiction, @PathParam("year") String year) {
        return assessment.export(caller(sc), jurisdiction, year(year), ExportFormat.REST);
    }

    @GET
    @Path("{jurisdiction}/{year}/export.xlsx")
    @Produces(XLSX)
    @Operation(summary = "折算结果（Excel）", description = "工作表“考核折算结果”每个单位一行，“加减分事项”每个事项一行，“导出说明”"
            + "注明折算规则版本和所用结果版本；记入导出记录（XLSX）")
    public Response xlsx(@Context SecurityContext sc, @PathParam("jurisdiction") String jurisdiction, @PathParam("year") String year)
            throws IOException {
        AssessmentView v = assessment.export(caller(sc), jurisdiction, year(year), ExportFormat.XLSX);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Xlsx.write(out, workbook(v));
        return Response.ok(out.toByteArray(), XLSX)
                .header("Content-Disposition", "attachment; filename=\"assessment-" + v.jurisdictionCode() + "-" + v.year() + ".xlsx\"")
                .build();
    }

    static List<Sheet> workbook(AssessmentView v) {
        List<List<Object>> units = new ArrayList<>();
        units.add(List.of("序号", "单位代码", "单位名称", "常规监管活动", "结果版本", "监管总分", "等次", "考核得分", "已确认加分", "已确认扣分",
                "最终得分"));
        List<List<Object>> items = new ArrayList<>();
        items.add(List.of("序号", "单位代码", "单位名称", "专项监管活动", "活动编号", "结果版本", "类别", "分值", "状态", "理由", "确认人", "说明"));
        int n = 0;
        int m = 0;
        for (UnitAssessment u : v.units()) {
            BigDecimal bonus = BigDecimal.ZERO;
            BigDecimal deduction = BigDecimal.ZERO;
            for (AssessmentItem i : u.items()) {
                if (i.state() == ItemState.CONFIRMED) {
                    if (i.kind() == ItemKind.BONUS) {
                        bonus = bonus.add(i.points());
                    } else {
                        deduction = deduction.add(i.points());
                    }
                }
                items.add(List.of(++m, text(u.unitCode()), u.unitName(), i.campaignTitle(), i.campaignId(), i.resultRevision(),
                        i.kind().label(), i.points(), i.state().label(), i.reason(), text(i.decidedBy()), text(i.note())));
            }
            units.add(List.of(++n, text(u.unitCode()), u.unitName(), cell(u.routineCampaignId()), cell(u.resultRevision()),
                    cell(u.total()), text(u.grade()), cell(u.assessmentPoints()), bonus, deduction, cell(u.finalPoints())));
        }
        List<List<Object>> about = new ArrayList<>();
        about.add(List.of("项目", "内容"));
        about.add(List.of("行政区划", v.jurisdictionCode()));
        about.add(List.of("考核年度", v.year()));
        about.add(List.of("折算规则版本", v.mappingRevision()));
        about.add(List.of("导出编号", v.exportId()));
        about.add(List.of("生成时间", v.generatedAt().toString()));
        for (CampaignRevision c : v.campaigns()) {
            about.add(List.of(c.kind().label() + "活动 " + c.campaignId(), c.title() + "（第 " + c.revision() + " 版结果）"));
        }
        return List.of(new Sheet("考核折算结果", units), new Sheet("加减分事项", items), new Sheet("导出说明", about));
    }

    private static Object cell(Object o) {
        return o == null ? "" : o;
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }

    @GET
    @Path("{jurisdiction}/{year}/items")
    @Operation(summary = "专项监管加减分事项（现行）", description = "按现行折算规则由已发布的专项监管结果生成；待确认、已确认、已舍弃")
    public List<AssessmentItem> items(@Context SecurityContext sc, @PathParam("jurisdiction") String jurisdiction,
                                      @PathParam("year") String year) {
        return assessment.items(caller(sc), jurisdiction, year(year));
    }

    @POST
    @Path("items/{id}/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "确认加减分事项", description = "确认后计入最终得分；note 为可选说明")
    public AssessmentItem confirm(@Context SecurityContext sc, @PathParam("id") long id, Decision decision) {
        return assessment.confirm(caller(sc), id, decision == null ? null : decision.note());
    }

    @POST
    @Path("items/{id}/drop")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "舍弃加减分事项（须说明理由）")
    public AssessmentItem drop(@Context SecurityContext sc, @PathParam("id") long id, Decision decision) {
        return assessment.drop(caller(sc), id, decision == null ? null : decision.note());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
