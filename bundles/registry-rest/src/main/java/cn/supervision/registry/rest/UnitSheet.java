package cn.supervision.registry.rest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.Duty;
import cn.supervision.api.registry.Mandate;
import cn.supervision.api.registry.Staffing;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitDraft;
import cn.supervision.api.registry.UnitKind;
import cn.supervision.spreadsheet.Sheet;

/**
 * The unit spreadsheet template (单位信息导入模板). One unit per row; duties one per line, numbered
 * "1." or "1、" or "（1）" (unnumbered lines are numbered in order), the type as a leading "[行政许可]" or
 * "【行政许可】"; links of duties to other units' duties one per line of 职责关联, "第1条 牵头 NYNCJ 第2条";
 * internal bodies separated by line breaks or 、，; . The 状态 column is written on export and ignored on import:
 * status changes need a reason. Duty ids are not in the sheet: the registry matches rows by text, then by number.
 */
final class UnitSheet {
    static final String CODE = "单位编码";
    static final String NAME = "单位名称";
    static final String SHORT_NAME = "简称";
    static final String KIND = "单位类别";
    static final String PARENT = "上级单位编码";
    static final String STATUS = "状态";
    static final String DUTIES = "主要职责";
    static final String LINKS = "职责关联";
    static final String BODIES = "内设机构";
    static final String ADMIN_SLOTS = "行政编制";
    static final String INST_SLOTS = "事业编制";
    static final String LEADER_POSTS = "领导职数";
    static final List<String> HEADERS = List.of(CODE, NAME, SHORT_NAME, KIND, PARENT, STATUS, DUTIES, LINKS, BODIES,
            ADMIN_SLOTS, INST_SLOTS, LEADER_POSTS);
    static final List<String> REQUIRED = List.of(CODE, NAME, KIND);
    private static final Map<String, String> FIELD_TO_HEADER = Map.of("code", CODE, "name", NAME, "shortName", SHORT_NAME,
            "kind", KIND, "parentUnitCode", PARENT, "parentUnitId", PARENT);
    private static final Pattern BODY_SEPARATORS = Pattern.compile("[\\n\\r、，,；;]+");

    private UnitSheet() {
    }

    static Sheet export(String sheetName, List<Unit> units) {
        Map<Long, String> codes = new HashMap<>();
        units.forEach(u -> codes.put(u.id(), u.code()));
        List<List<Object>> rows = new ArrayList<>();
        rows.add(new ArrayList<>(HEADERS));
        for (Unit u : units) {
            List<Object> r = new ArrayList<>();
            r.add(u.code());
            r.add(u.name());
            r.add(u.shortName() == null ? "" : u.shortName());
            r.add(u.kind().label());
            r.add(u.parentUnitId() == null ? "" : codes.getOrDefault(u.parentUnitId(), ""));
            r.add(u.status().label());
            r.add(DutyCells.format(u.mandate().duties()));
            r.add(DutyCells.formatLinks(u.mandate().duties()));
            r.add(String.join("、", u.mandate().internalBodies()));
            r.add(u.mandate().staffing().administrativeSlots());
            r.add(u.mandate().staffing().institutionalSlots());
            r.add(u.mandate().staffing().leadershipPosts());
            rows.add(r);
        }
        return new Sheet(sheetName, rows);
    }

    static Sheet template() {
        return new Sheet("单位信息", List.of(new ArrayList<>(HEADERS), List.of("SFJ", "东营市示例局", "示例局", "政府部门", "", "",
                "1. [政策规划] 贯彻执行国家和省有关法律法规。\n2. [行政许可] 负责本行业经营许可的审批。", "", "办公室、政策法规科", 20, 0, 4)));
    }

    /** The drafts read from a sheet, and for each the Excel row number it came from. */
    record Parsed(List<UnitDraft> drafts, int[] excelRows) { }

    /** Reads the drafts; a wrong template or unreadable cells give 400 naming row and column. */
    static Parsed read(Sheet sheet) {
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
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                errors.add(new FieldError("表头", "缺少必需的列“" + required + "”"));
            }
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("Excel 模板不正确：第 1 行应为表头（" + String.join("、", HEADERS)
                    + "），其中" + String.join("、", REQUIRED) + "为必需列", errors);
        }
        List<UnitDraft> drafts = new ArrayList<>();
        List<Integer> excelRows = new ArrayList<>();
        for (int r = 1; r < sheet.rows().size(); r++) {
            final int row = r;
            java.util.function.Function<String, String> cell =
                    h -> columns.containsKey(h) ? sheet.text(row, columns.get(h)).trim() : "";
            if (HEADERS.stream().allMatch(h -> cell.apply(h).isEmpty())) {
                continue;
            }
            String where = "第 " + (r + 1) + " 行";
            UnitKind kind = null;
            if (!cell.apply(KIND).isEmpty()) {
                kind = UnitKind.fromLabel(cell.apply(KIND));
                if (kind == null) {
                    errors.add(new FieldError(where + " " + KIND, "“" + cell.apply(KIND) + "”不是有效的单位类别（党委机构、政府部门、事业单位、其他）"));
                }
            }
            int admin = number(cell.apply(ADMIN_SLOTS), where + " " + ADMIN_SLOTS, errors);
            int inst = number(cell.apply(INST_SLOTS), where + " " + INST_SLOTS, errors);
            int leaders = number(cell.apply(LEADER_POSTS), where + " " + LEADER_POSTS, errors);
            List<Duty> duties = DutyCells.withLinks(DutyCells.duties(cell.apply(DUTIES), where + " " + DUTIES, errors), cell.apply(LINKS),
                    where + " " + LINKS, errors);
            Mandate mandate = new Mandate(duties, bodies(cell.apply(BODIES)), new Staffing(admin, inst, leaders));
            drafts.add(new UnitDraft(cell.apply(CODE), cell.apply(NAME), cell.apply(SHORT_NAME), kind, null,
                    cell.apply(PARENT).isEmpty() ? null : cell.apply(PARENT), mandate));
            excelRows.add(r + 1);
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("Excel 内容有 " + errors.size() + " 处错误，未导入任何单位", errors);
        }
        if (drafts.isEmpty()) {
            throw SupervisionException.invalid("rows", "Excel 中没有单位数据");
        }
        return new Parsed(drafts, excelRows.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Rewrites the domain's {@code rows[i].field} paths into the row and column a person sees in Excel. */
    static List<FieldError> locate(List<FieldError> errors, int[] rowNumbers) {
        List<FieldError> out = new ArrayList<>();
        Pattern p = Pattern.compile("^rows\\[(\\d+)]\\.?([A-Za-z]*)(.*)$");
        for (FieldError e : errors) {
            Matcher m = p.matcher(e.field());
            if (m.matches()) {
                int i = Integer.parseInt(m.group(1));
                int row = i < rowNumbers.length ? rowNumbers[i] : i + 2;
                String column = FIELD_TO_HEADER.getOrDefault(m.group(2), m.group(2).equals("mandate") ? columnOf(m.group(3)) : m.group(2));
                out.add(new FieldError("第 " + row + " 行 " + column, e.message()));
            } else {
                out.add(e);
            }
        }
        return out;
    }

    private static String columnOf(String mandatePath) {
        if (mandatePath.matches("^\\.duties\\[\\d+]\\.links.*")) {
            return LINKS;
        }
        if (mandatePath.startsWith(".duties")) {
            return DUTIES;
        }
        if (mandatePath.startsWith(".internalBodies")) {
            return BODIES;
        }
        if (mandatePath.contains("administrativeSlots")) {
            return ADMIN_SLOTS;
        }
        if (mandatePath.contains("institutionalSlots")) {
            return INST_SLOTS;
        }
        return LEADER_POSTS;
    }

    private static int number(String text, String field, List<FieldError> errors) {
        if (text.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "“" + text + "”不是整数"));
            return 0;
        }
    }

    static List<String> bodies(String text) {
        List<String> out = new ArrayList<>();
        for (String b : BODY_SEPARATORS.split(text)) {
            if (!b.isBlank()) {
                out.add(b.trim());
            }
        }
        return out;
    }
}
