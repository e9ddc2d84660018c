package cn.supervision.registry.rest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.StaffingInUse;
import cn.supervision.spreadsheet.Sheet;

/**
 * The staffing-in-use workbook (实有人员): one unit per row, found by its code in the jurisdiction. Errors name the
 * Excel row and column; the domain's {@code rows[i].field} errors are mapped back the same way.
 */
final class StaffingSheet {
    static final String CODE = "单位编码";
    static final String NAME = "单位名称";
    static final String ADMIN = "行政实有";
    static final String INST = "事业实有";
    static final String EXTRA = "编外人员";
    static final String LEADERS = "领导职数实配";
    static final String AS_OF = "统计日期";
    static final List<String> HEADERS = List.of(CODE, ADMIN, INST, EXTRA, LEADERS, AS_OF);
    static final List<String> EXPORT_HEADERS = List.of(CODE, NAME, ADMIN, INST, EXTRA, LEADERS, AS_OF,
            "行政编制", "事业编制", "领导职数", "行政超编", "事业超编", "领导职数超配");
    private static final Map<String, String> FIELD_TO_HEADER = Map.of("unitId", CODE, "administrativeStaff", ADMIN,
            "institutionalStaff", INST, "extraStaff", EXTRA, "leadershipPostsFilled", LEADERS, "asOf", AS_OF);
    private static final Pattern DATE = Pattern.compile("^(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?$");
    /** Excel stores dates as days since 1899-12-30 when the cell is formatted as a date. */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private StaffingSheet() {
    }

    record Parsed(List<StaffingInUse> rows, int[] excelRows) { }

    static Sheet template() {
        return new Sheet("实有人员", List.of(new ArrayList<>(HEADERS), List.of("SFJ", 20, 0, 2, 4, "2026-06-30")));
    }

    static Sheet export(String sheetName, List<StaffingView> rows) {
        List<List<Object>> out = new ArrayList<>();
        out.add(new ArrayList<>(EXPORT_HEADERS));
        for (StaffingView v : rows) {
            out.add(List.of(v.unitCode(), v.unitName(), v.administrativeStaff(), v.institutionalStaff(), v.extraStaff(),
                    v.leadershipPostsFilled(), v.asOf().toString(), v.approved().administrativeSlots(),
                    v.approved().institutionalSlots(), v.approved().leadershipPosts(), v.administrativeDifference(),
                    v.institutionalDifference(), v.leadershipDifference()));
        }
        return new Sheet(sheetName, out);
    }

    /** Reads every row; an unknown unit code, a number or a date that cannot be read is named by row and column. */
    static Parsed read(Sheet sheet, Map<String, Long> unitIdsByCode) {
        Map<String, Integer> columns = new HashMap<>();
        if (!sheet.rows().isEmpty()) {
            List<Object> header = sheet.rows().get(0);
            for (int c = 0; c < header.size(); c++) {
                if (header.get(c) != null) {
                    columns.putIfAbsent(header.get(c).toString().trim(), c);
                }
            }
        }
        List<FieldError> errors = new ArrayList<>();
        for (String h : HEADERS) {
            if (!columns.containsKey(h)) {
                errors.add(new FieldError("表头", "缺少必需的列“" + h + "”"));
            }
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("Excel 模板不正确：第 1 行应为表头（" + String.join("、", HEADERS) + "）", errors);
        }
        List<StaffingInUse> rows = new ArrayList<>();
        List<Integer> excelRows = new ArrayList<>();
        for (int r = 1; r < sheet.rows().size(); r++) {
            final int row = r;
            java.util.function.Function<String, String> cell = h -> sheet.text(row, columns.get(h)).trim();
            if (HEADERS.stream().allMatch(h -> cell.apply(h).isEmpty())) {
                continue;
            }
            String where = "第 " + (r + 1) + " 行 ";
            String code = cell.apply(CODE);
            Long unitId = unitIdsByCode.get(code);
            if (code.isEmpty()) {
                errors.add(new FieldError(where + CODE, "必须填写单位编码"));
            } else if (unitId == null) {
                errors.add(new FieldError(where + CODE, "单位编码 " + code + " 在本行政区划中不存在"));
            }
            int adm = number(cell.apply(ADMIN), where + ADMIN, errors);
            int inst = number(cell.apply(INST), where + INST, errors);
            int extra = number(cell.apply(EXTRA), where + EXTRA, errors);
            int leaders = number(cell.apply(LEADERS), where + LEADERS, errors);
            LocalDate asOf = date(cell.apply(AS_OF), where + AS_OF, errors);
            rows.add(new StaffingInUse(unitId == null ? -1 : unitId, asOf, adm, inst, extra, leaders, null, null));
            excelRows.add(r + 1);
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("Excel 内容有 " + errors.size() + " 处错误，未登记任何一行", errors);
        }
        if (rows.isEmpty()) {
            throw SupervisionException.invalid("rows", "Excel 中没有实有人员数据");
        }
        return new Parsed(rows, excelRows.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Rewrites {@code rows[i].field} into the row and column a person sees in Excel. */
    static List<FieldError> locate(List<FieldError> errors, int[] rowNumbers) {
        Pattern p = Pattern.compile("^rows\\[(\\d+)]\\.?([A-Za-z]*)$");
        List<FieldError> out = new ArrayList<>();
        for (FieldError e : errors) {
            Matcher m = p.matcher(e.field());
            if (m.matches()) {
                int i = Integer.parseInt(m.group(1));
                int row = i < rowNumbers.length ? rowNumbers[i] : i + 2;
                out.add(new FieldError("第 " + row + " 行 " + FIELD_TO_HEADER.getOrDefault(m.group(2), m.group(2)), e.message()));
            } else {
                out.add(e);
            }
        }
        return out;
    }

    private static int number(String text, String field, List<FieldError> errors) {
        if (text.isEmpty()) {
            errors.add(new FieldError(field, "必须填写（没有则填 0）"));
            return 0;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "“" + text + "”不是整数"));
            return 0;
        }
    }

    static LocalDate date(String text, String field, List<FieldError> errors) {
        if (text.isEmpty()) {
            errors.add(new FieldError(field, "必须填写统计日期（如 2026-06-30）"));
            return null;
        }
        try {
            if (text.matches("\\d{5}(\\.0+)?")) {
                return EXCEL_EPOCH.plusDays(Long.parseLong(text.replaceAll("\\..*", "")));
            }
            Matcher m = DATE.matcher(text);
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
        } catch (java.time.DateTimeException e) {
            // fall through to the uniform message
        }
        errors.add(new FieldError(field, "“" + text + "”不是有效日期（如 2026-06-30）"));
        return null;
    }
}
