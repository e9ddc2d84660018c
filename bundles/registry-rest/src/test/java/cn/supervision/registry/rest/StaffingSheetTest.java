package cn.supervision.registry.rest;

import cn.supervision.api.problem.ProblemKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.StaffingInUse;
import cn.supervision.spreadsheet.Sheet;

class StaffingSheetTest {
    static final Map<String, Long> UNITS = Map.of("LJ-CZ", 7L, "LJ-JY", 8L);

    static Sheet sheet(List<Object>... rows) {
        List<List<Object>> all = new ArrayList<>();
        all.add(new ArrayList<>(StaffingSheet.HEADERS));
        all.addAll(List.of(rows));
        return new Sheet("实有人员", all);
    }

    @Test
    void readsRowsByUnitCodeWithTheUsualDateForms() {
        StaffingSheet.Parsed p = StaffingSheet.read(sheet(
                List.of("LJ-CZ", "43", "5", "2", "7", "2026-06-30"),
                List.of("", "", "", "", "", ""),
                List.of("LJ-JY", "20", "0", "1", "4", "2026年6月30日"),
                List.of("LJ-CZ", "43", "5", "2", "7", "46203")), UNITS);
        assertEquals(List.of(new StaffingInUse(7, LocalDate.of(2026, 6, 30), 43, 5, 2, 7, null, null),
                new StaffingInUse(8, LocalDate.of(2026, 6, 30), 20, 0, 1, 4, null, null),
                new StaffingInUse(7, LocalDate.of(2026, 6, 30), 43, 5, 2, 7, null, null)), p.rows());
        assertEquals(List.of(2, 4, 5), java.util.Arrays.stream(p.excelRows()).boxed().toList(), "the blank row is skipped");
    }

    @Test
    void everyUnreadableCellIsNamedByRowAndColumn() {
        SupervisionException e = assertThrows(SupervisionException.class, () -> StaffingSheet.read(sheet(
                List.of("LJ-XX", "4x", "5", "", "7", "2026-13-01"),
                List.of("LJ-CZ", "1", "1", "1", "1", "")), UNITS));
        assertEquals(ProblemKind.INVALID, e.kind());
        assertEquals(List.of("第 2 行 单位编码", "第 2 行 行政实有", "第 2 行 编外人员", "第 2 行 统计日期", "第 3 行 统计日期"),
                e.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void aWrongHeaderIsRefusedAsAWholeAndDomainErrorsAreLocated() {
        SupervisionException e = assertThrows(SupervisionException.class,
                () -> StaffingSheet.read(new Sheet("x", List.of(List.of("单位编码", "行政实有"))), UNITS));
        assertEquals(4, e.errors().size());
        assertEquals(List.of(new FieldError("第 5 行 领导职数实配", "不能为负数"), new FieldError("rows", "x")),
                StaffingSheet.locate(List.of(new FieldError("rows[1].leadershipPostsFilled", "不能为负数"),
                        new FieldError("rows", "x")), new int[] {2, 5}));
    }
}
