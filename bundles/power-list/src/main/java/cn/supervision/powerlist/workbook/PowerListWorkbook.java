package cn.supervision.powerlist.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.supervision.api.duty.PowerItem;
import cn.supervision.api.duty.PowerItemDraft;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.DutyType;
import cn.supervision.spreadsheet.Sheet;
import cn.supervision.spreadsheet.SpreadsheetException;
import cn.supervision.spreadsheet.Xlsx;

/**
 * The power-list workbook (权责清单): a header row with the columns below, one item per row. The header is checked
 * before any row: an unknown column (a misspelt one would silently lose its data) or a missing required one is a 400
 * naming it. Export and template use the same columns, so an exported list can be edited and imported again.
 */
public final class PowerListWorkbook {
    public static final String CODE = "事项编码";
    public static final String NAME = "事项名称";
    public static final String TYPE = "事项类型";
    public static final String BASIS = "设定依据";
    public static final String SUBJECT = "实施主体";
    public static final String RESPONSIBILITIES = "责任事项";
    public static final String ACCOUNTABILITY = "追责情形";
    public static final String DUTY_NUMBER = "对应职责序号";
    public static final List<String> COLUMNS = List.of(CODE, NAME, TYPE, BASIS, SUBJECT, RESPONSIBILITIES, ACCOUNTABILITY, DUTY_NUMBER);
    public static final List<String> REQUIRED = List.of(CODE, NAME, TYPE);
    /** Rows one workbook may carry (the service's own limit per import). */
    public static final int MAX_ROWS = 5_000;
    /** At most 9 digits: a longer "number" is no duty's and would not fit an int. */
    private static final Pattern ONE_NUMBER = Pattern.compile("^[^0-9]*?(\\d{1,9})(?:\\.0+)?[^0-9]*$");

    private PowerListWorkbook() {
    }

    /**
     * The rows of the first sheet of an uploaded workbook: 400 for bytes that are not a readable workbook, a wrong
     * header, unreadable cells or too many rows; 413 when it exceeds {@code maxBytes}.
     */
    public static List<PowerItemDraft> read(InputStream workbook, int maxBytes) throws IOException {
        List<Sheet> sheets;
        try {
            sheets = Xlsx.readUpload(workbook, maxBytes);
        } catch (SpreadsheetException e) {
            if (e.tooLarge()) {
                throw new SupervisionException(ProblemKind.TOO_LARGE, "请求体过大", e.getMessage(), null);
            }
            throw SupervisionException.invalid("file", "文件不是可读取的 Excel 工作簿（.xlsx）：" + e.getMessage());
        }
        if (sheets.isEmpty()) {
            throw SupervisionException.invalid("file", "工作簿中没有工作表");
        }
        return read(sheets.get(0));
    }

    /** The rows of one sheet, each with its Excel row number; blank rows are skipped. */
    public static List<PowerItemDraft> read(Sheet sheet) {
        Map<String, Integer> columns = header(sheet);
        List<FieldError> errors = new ArrayList<>();
        List<PowerItemDraft> drafts = new ArrayList<>();
        for (int r = 1; r < sheet.rows().size(); r++) {
            int row = r;
            java.util.function.Function<String, String> cell =
                    h -> columns.containsKey(h) ? sheet.text(row, columns.get(h)).trim() : "";
            if (COLUMNS.stream().allMatch(h -> cell.apply(h).isEmpty())) {
                continue;
            }
            Integer duty = null;
            String number = cell.apply(DUTY_NUMBER);
            if (!number.isEmpty()) {
                Matcher m = ONE_NUMBER.matcher(number);
                if (m.matches()) {
                    duty = Integer.valueOf(m.group(1));
                } else {
                    errors.add(new FieldError("第" + (r + 1) + "行", DUTY_NUMBER + "“" + number + "”应为一个主要职责的序号（如 3）"));
                }
            }
            drafts.add(new PowerItemDraft(r + 1, cell.apply(CODE), cell.apply(NAME), cell.apply(TYPE), cell.apply(BASIS),
                    cell.apply(SUBJECT), cell.apply(RESPONSIBILITIES), cell.apply(ACCOUNTABILITY), duty));
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("Excel 内容有 " + errors.size() + " 处错误，未导入任何事项", errors);
        }
        if (drafts.isEmpty()) {
            throw SupervisionException.invalid("rows", "Excel 中没有权责事项");
        }
        if (drafts.size() > MAX_ROWS) {
            throw SupervisionException.invalid("rows", "权责清单有 " + drafts.size() + " 个事项，超过每次导入 " + MAX_ROWS + " 个的上限");
        }
        return drafts;
    }

    /** Column positions by header; 400 naming every unknown, repeated or missing column. */
    private static Map<String, Integer> header(Sheet sheet) {
        Map<String, Integer> columns = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        List<Object> header = sheet.rows().isEmpty() ? List.of() : sheet.rows().get(0);
        for (int c = 0; c < header.size(); c++) {
            String h = header.get(c) == null ? "" : header.get(c).toString().replaceAll("\\s+", "");
            if (h.isEmpty()) {
                continue;
            }
            String where = "表头第" + (c + 1) + "列";
            if (!COLUMNS.contains(h)) {
                errors.add(new FieldError(where, "“" + h + "”不是权责清单的列（应为：" + String.join("、", COLUMNS) + "）"));
            } else if (columns.putIfAbsent(h, c) != null) {
                errors.add(new FieldError(where, "列“" + h + "”重复"));
            }
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                errors.add(new FieldError("表头", "缺少必需的列“" + required + "”"));
            }
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("Excel 表头不正确：第 1 行应为表头（" + String.join("、", COLUMNS) + "），其中"
                    + String.join("、", REQUIRED) + "为必需列；未导入任何事项", errors);
        }
        return columns;
    }

    /** The items as a sheet with the import columns. */
    public static Sheet export(String sheetName, List<PowerItem> items) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(new ArrayList<>(COLUMNS));
        for (PowerItem i : items) {
            rows.add(Arrays.<Object>asList(i.code(), i.name(), i.type() == null ? "" : i.type().label(), nz(i.basis()), nz(i.subject()),
                    nz(i.responsibilities()), nz(i.accountability()), i.dutyNumber() == null ? "" : i.dutyNumber()));
        }
        return new Sheet(sheetName, rows);
    }

    /** The blank list (header only), with a second sheet explaining each column. */
    public static List<Sheet> template() {
        List<List<Object>> help = new ArrayList<>();
        help.add(List.of("列", "填写说明"));
        help.add(List.of(CODE, "必填；清单内不得重复"));
        help.add(List.of(NAME, "必填"));
        help.add(List.of(TYPE, "必填，可填：" + String.join("、", Arrays.stream(DutyType.values())
                .filter(DutyType::powerItemType).map(DutyType::label).toList())));
        help.add(List.of(BASIS, "法律、法规、规章等设定依据"));
        help.add(List.of(SUBJECT, "可空；填本单位名称或简称，可加内设机构，如“某某局（执法支队）”；不得填其他单位"));
        help.add(List.of(RESPONSIBILITIES, "受理、审查、决定、监管等环节的责任"));
        help.add(List.of(ACCOUNTABILITY, "应当追究责任的情形"));
        help.add(List.of(DUTY_NUMBER, "可空；本单位三定规定中该事项所履行的主要职责的序号，如 3"));
        return List.of(new Sheet("权责清单", List.of(new ArrayList<>(COLUMNS))), new Sheet("填写说明", help));
    }

    public static void write(OutputStream target, List<Sheet> sheets) throws IOException {
        Xlsx.write(target, sheets);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
