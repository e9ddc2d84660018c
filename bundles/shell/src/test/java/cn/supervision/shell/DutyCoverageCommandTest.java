package cn.supervision.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.supervision.api.duty.DutyCoverage;
import cn.supervision.api.duty.UnitCoverage;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;
import cn.supervision.testing.fakes.FakeCoverageService;
import cn.supervision.testing.fakes.FakeDutyAnalysisService;

class DutyCoverageCommandTest extends CommandTestBase {
    @Test
    void coverageIsPrintedPerUnitWithOneDecimalAndADashForAUnitWithoutDuties() throws Exception {
        DutyCoverageCommand c = new DutyCoverageCommand();
        c.code = "370500";
        c.year = 2026;
        c.coverage = new FakeCoverageService() {
            @Override
            public DutyCoverage ofYear(Caller caller, String jurisdictionCode, int year) {
                if (year != 2026) {
                    throw SupervisionException.invalid("year", "年份应在 2000 至 2100 之间");
                }
                return new DutyCoverage("370500", null, 2026, 3, 1, List.of(
                        new UnitCoverage(7, "SCJG", "东营市市场监督管理局", 3, 1, List.of()),
                        new UnitCoverage(8, "JYJ", "东营市教育局", 0, 0, List.of())));
            }
        };
        run(c);
        assertEquals(List.of("7", "SCJG", "东营市市场监督管理局", "3", "1", "2", "33.3"), row("SCJG"));
        assertEquals("-", row("JYJ").get(6));
        assertEquals("370500 2026年：2 个单位，主要职责 3 项，已评估 1 项，覆盖率 33.3%", printed().lines().reduce((a, b) -> b).orElseThrow());

        c.year = 1900;
        SupervisionException refusal = SupervisionException.invalid("year", "年份应在 2000 至 2100 之间");
        assertRefused(c, refusal, refusal.title() + "：" + refusal.getMessage(), 400);
    }

    @Test
    void anUnknownProposalKindIsExplainedWithoutAskingTheAnalysis() throws Exception {
        DutyProposalListCommand c = new DutyProposalListCommand();
        c.jurisdiction = "370500";
        c.kind = "both";
        c.analysis = new FakeDutyAnalysisService();
        assertEquals("未知类型或状态（类型 OVERLAP、GAP；状态 PROPOSED、CONFIRMED、DISMISSED）" + System.lineSeparator(), run(c));
    }
}
