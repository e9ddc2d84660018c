package cn.supervision.duty.coverage.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import cn.supervision.api.duty.AssessedBy;
import cn.supervision.api.duty.DutyAssessment;
import cn.supervision.api.duty.DutyCoverage;
import cn.supervision.api.duty.UnitCoverage;
import cn.supervision.spreadsheet.Sheet;
import cn.supervision.spreadsheet.Xlsx;

/**
 * A coverage view as a workbook: one row per duty of every unit, then a summary per unit with the total. A duty
 * assessed by several leaves (several campaigns of a year) keeps one row; its indicators, scores and campaigns are
 * listed one per line in their cells.
 */
final class CoverageWorkbook {
    static final String DUTIES_SHEET = "主要职责评估情况";
    static final String SUMMARY_SHEET = "汇总";
    static final List<Object> DUTY_HEADER = List.of("单位", "序号", "主要职责", "类型", "是否已评估", "评估指标", "得分", "满分", "活动");
    static final List<Object> SUMMARY_HEADER = List.of("单位", "主要职责数", "已评估", "未评估", "覆盖率（%）");

    private CoverageWorkbook() {
    }

    static byte[] write(DutyCoverage coverage) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Xlsx.write(out, List.of(duties(coverage), summary(coverage)));
        return out.toByteArray();
    }

    static Sheet duties(DutyCoverage coverage) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(DUTY_HEADER);
        for (UnitCoverage u : coverage.units()) {
            for (DutyAssessment d : u.items()) {
                List<AssessedBy> by = d.assessedBy();
                rows.add(List.of(text(u.unitName()), d.number(), text(d.text()), d.type() == null ? "" : d.type().label(),
                        d.assessed() ? "是" : "否",
                        cell(by, b -> b.indicatorName() == null ? b.leafCode() : b.leafCode() + " " + b.indicatorName()),
                        cell(by, AssessedBy::score), cell(by, AssessedBy::max), cell(by, AssessedBy::campaignTitle)));
            }
        }
        return new Sheet(DUTIES_SHEET, rows);
    }

    static Sheet summary(DutyCoverage coverage) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(SUMMARY_HEADER);
        for (UnitCoverage u : coverage.units()) {
            rows.add(List.of(text(u.unitName()), u.duties(), u.assessed(), u.duties() - u.assessed(), rate(u.assessed(), u.duties())));
        }
        rows.add(List.of("合计", coverage.duties(), coverage.assessed(), coverage.duties() - coverage.assessed(),
                rate(coverage.assessed(), coverage.duties())));
        return new Sheet(SUMMARY_SHEET, rows);
    }

    /** A number when one leaf assessed the duty (Excel sums it), the values one per line when several did. */
    private static Object cell(List<AssessedBy> by, Function<AssessedBy, Object> value) {
        if (by.isEmpty()) {
            return "";
        }
        if (by.size() == 1) {
            Object v = value.apply(by.get(0));
            return v == null ? "" : v;
        }
        List<String> lines = new ArrayList<>(by.size());
        for (AssessedBy b : by) {
            Object v = value.apply(b);
            lines.add(v instanceof BigDecimal n ? n.toPlainString() : v == null ? "" : v.toString());
        }
        return String.join("\n", lines);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    /** Percent with one decimal; a unit without duties has nothing to cover: "". */
    private static Object rate(int assessed, int duties) {
        if (duties == 0) {
            return "";
        }
        return BigDecimal.valueOf(assessed * 100L).divide(BigDecimal.valueOf(duties), 1, RoundingMode.HALF_UP);
    }
}
