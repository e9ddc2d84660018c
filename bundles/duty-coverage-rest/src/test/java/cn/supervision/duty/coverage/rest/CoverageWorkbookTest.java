package cn.supervision.duty.coverage.rest;

import cn.supervision.api.problem.ProblemKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.security.Principal;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.junit.jupiter.api.Test;

import cn.supervision.api.duty.AssessedBy;
import cn.supervision.api.duty.CoverageService;
import cn.supervision.api.duty.DutyAssessment;
import cn.supervision.api.duty.DutyCoverage;
import cn.supervision.api.duty.StaleDuty;
import cn.supervision.api.duty.UnitCoverage;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.DutyType;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Role;
import cn.supervision.spreadsheet.Sheet;
import cn.supervision.spreadsheet.Xlsx;

/** The export read back: one row per duty with the Chinese headers, a summary with the total. */
class CoverageWorkbookTest {
    static final Caller OFFICE = new Caller("guangrao-admin", Set.of(Role.COUNTY_ADMIN), "370523", null);

    static final DutyCoverage YEAR = new DutyCoverage("370523", null, 2026, 3, 2, List.of(
            new UnitCoverage(1, "CZJ", "广饶县财政局", 2, 2, List.of(
                    new DutyAssessment(1001, 1, "负责财政监督检查", DutyType.INSPECTION, true, List.of(
                            new AssessedBy(10, "2026年常规监管", "A1", "履行主要职责", "A1-1", new BigDecimal("8.5"), new BigDecimal("10")))),
                    new DutyAssessment(1002, 2, "拟订财政政策", DutyType.POLICY_PLANNING, true, List.of(
                            new AssessedBy(10, "2026年常规监管", "A1", "履行主要职责", "A1-2", new BigDecimal("6"), new BigDecimal("10")),
                            new AssessedBy(12, "2026年第2季度专项监管", "B2", null, "B2-2", new BigDecimal("4"), new BigDecimal("5")))))),
            new UnitCoverage(2, "GAJ", "广饶县公安局", 1, 0, List.of(
                    new DutyAssessment(2001, 1, "维护社会治安", null, false, List.of())))));

    static List<Sheet> readBack(byte[] bytes) throws Exception {
        return Xlsx.read(new ByteArrayInputStream(bytes));
    }

    static List<String> row(Sheet s, int r) {
        return java.util.stream.IntStream.range(0, s.rows().get(0).size()).mapToObj(c -> s.text(r, c)).toList();
    }

    @Test
    void theWorkbookReadsBackRowByRow() throws Exception {
        List<Sheet> sheets = readBack(CoverageWorkbook.write(YEAR));
        assertEquals(List.of("主要职责评估情况", "汇总"), sheets.stream().map(Sheet::name).toList());
        Sheet duties = sheets.get(0);
        assertEquals(List.of("单位", "序号", "主要职责", "类型", "是否已评估", "评估指标", "得分", "满分", "活动"), row(duties, 0));
        assertEquals(4, duties.rows().size(), "header and one row per duty");
        assertEquals(List.of("广饶县财政局", "1", "负责财政监督检查", "行政检查", "是", "A1-1 履行主要职责", "8.5", "10", "2026年常规监管"),
                row(duties, 1));
        assertEquals(List.of("广饶县财政局", "2", "拟订财政政策", "政策规划", "是", "A1-2 履行主要职责\nB2-2", "6\n4", "10\n5",
                "2026年常规监管\n2026年第2季度专项监管"), row(duties, 2), "two leaves, one row, one line each");
        assertEquals(List.of("广饶县公安局", "1", "维护社会治安", "", "否", "", "", "", ""), row(duties, 3));

        Sheet summary = sheets.get(1);
        assertEquals(List.of("单位", "主要职责数", "已评估", "未评估", "覆盖率（%）"), row(summary, 0));
        assertEquals(List.of("广饶县财政局", "2", "2", "0", "100"), row(summary, 1));
        assertEquals(List.of("广饶县公安局", "1", "0", "1", "0"), row(summary, 2));
        assertEquals(List.of("合计", "3", "2", "1", "66.7"), row(summary, 3));
    }

    /** Records what the resource asked, answers {@link #YEAR}. */
    static final class Recording implements CoverageService {
        final AtomicReference<String> asked = new AtomicReference<>();

        @Override
        public DutyCoverage ofCampaign(Caller caller, long campaignId) {
            asked.set(caller.username() + " campaign " + campaignId);
            return YEAR;
        }

        @Override
        public DutyCoverage ofYear(Caller caller, String jurisdictionCode, int year) {
            asked.set(caller.username() + " " + jurisdictionCode + " " + year);
            return YEAR;
        }

        @Override
        public List<StaleDuty> notAssessed(Caller caller, String jurisdictionCode, int years, int untilYear) {
            asked.set(caller.username() + " " + jurisdictionCode + " " + years + " " + untilYear);
            return List.of();
        }
    }

    static SecurityContext as(Caller caller) {
        return new SecurityContext() {
            @Override public Principal getUserPrincipal() { return caller; }
            @Override public boolean isUserInRole(String role) { return false; }
            @Override public boolean isSecure() { return true; }
            @Override public String getAuthenticationScheme() { return "BASIC"; }
        };
    }

    @Test
    void theResourceExportsBothViewsAndWantsAYear() throws Exception {
        Recording service = new Recording();
        DutyCoverageResource resource = new DutyCoverageResource(service);
        Response r = resource.exportYear(as(OFFICE), "370523", 2026);
        assertEquals("guangrao-admin 370523 2026", service.asked.get());
        assertEquals(DutyCoverageResource.XLSX, r.getMediaType().toString());
        assertEquals("attachment; filename=\"duty-coverage-370523-2026.xlsx\"", r.getHeaderString("Content-Disposition"));
        assertEquals("广饶县公安局", readBack((byte[]) r.getEntity()).get(0).text(3, 0));

        resource.exportCampaign(as(OFFICE), 10);
        assertEquals("guangrao-admin campaign 10", service.asked.get());
        resource.stale(as(OFFICE), "370523", 3, 2025);
        assertEquals("guangrao-admin 370523 3 2025", service.asked.get());

        SupervisionException noYear = assertThrows(SupervisionException.class, () -> resource.ofYear(as(OFFICE), "370523", null));
        assertEquals(ProblemKind.INVALID, noYear.kind());
        assertEquals("year", noYear.errors().get(0).field());
        assertEquals(ProblemKind.INVALID, assertThrows(SupervisionException.class, () -> resource.exportYear(as(OFFICE), "370523", null)).kind());
    }
}
