package cn.supervision.shell;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import cn.supervision.api.duty.CoverageService;
import cn.supervision.api.duty.DutyCoverage;
import cn.supervision.api.duty.UnitCoverage;

@Command(scope = "supervision", name = "duty-coverage",
        description = "Prints a year's coverage of the main duties (主要职责监管覆盖) per active unit of a jurisdiction")
@Service
public class DutyCoverageCommand extends SupervisionAction {
    @Completion(JurisdictionCompleter.class)
    @Argument(index = 0, name = "code", description = "jurisdiction code", required = true)
    String code;
    @Argument(index = 1, name = "year", description = "year (default: this year, Beijing time)")
    Integer year;
    @Reference
    CoverageService coverage;

    @Override
    protected Object run() {
        int y = year == null ? LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() : year;
        DutyCoverage c = coverage.ofYear(caller(), code, y);
        ShellTable table = table("Unit id>", "Code", "Unit", "Duties>", "Assessed>", "Not assessed>", "Coverage %>");
        for (UnitCoverage u : c.units()) {
            table.addRow().addContent(u.unitId(), u.unitCode(), u.unitName(), u.duties(), u.assessed(), u.duties() - u.assessed(),
                    percent(u.assessed(), u.duties()));
        }
        table.print(System.out);
        System.out.println(code + " " + y + "年：" + c.units().size() + " 个单位，主要职责 " + c.duties() + " 项，已评估 "
                + c.assessed() + " 项，覆盖率 " + percent(c.assessed(), c.duties()) + "%");
        return null;
    }

    private static String percent(int assessed, int duties) {
        return duties == 0 ? "-" : BigDecimal.valueOf(assessed * 100L).divide(BigDecimal.valueOf(duties), 1, RoundingMode.HALF_UP).toPlainString();
    }
}
