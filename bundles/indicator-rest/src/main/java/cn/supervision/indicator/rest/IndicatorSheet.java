package cn.supervision.indicator.rest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.supervision.api.indicator.Aggregation;
import cn.supervision.api.indicator.Category;
import cn.supervision.api.indicator.Indicator;
import cn.supervision.api.indicator.IndicatorScope;
import cn.supervision.api.indicator.RuleSpec;
import cn.supervision.api.indicator.SystemDefinition;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.spreadsheet.Sheet;

/**
 * The layout offices use for indicator systems: 一级指标 / 二级指标 / 三级指标 (… more levels as needed) /
 * 评估要点、评估方式和标准 / 权重, one row per leaf, merged cells allowed. Optional columns 编码, 类别 and
 * 评分规则（JSON） make an export re-importable without loss; without them codes are numbered by position,
 * categories are inferred from the level names (核心职责 → CORE …) and leaves have no rule until one is set.
 * Weights on import are leaf points; a parent's weight is the sum of its children (points systems).
 */
final class IndicatorSheet {
    static final String[] LEVELS = {"一级指标", "二级指标", "三级指标", "四级指标", "五级指标", "六级指标", "七级指标", "八级指标"};
    static final String POINTS = "评估要点、评估方式和标准";
    static final String WEIGHT = "权重";
    static final String CODE = "编码";
    static final String CATEGORY = "类别";
    static final String RULE = "评分规则（JSON）";
    static final String EVIDENCE = "佐证材料";
    private static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_EMPTY)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private IndicatorSheet() {
    }

    static Sheet export(SystemDefinition d) {
        int depth = d.indicators().stream().mapToInt(IndicatorSheet::depth).max().orElse(1);
        List<Object> header = new ArrayList<>();
        for (int i = 0; i < depth; i++) {
            header.add(LEVELS[i]);
        }
        header.addAll(List.of(POINTS, WEIGHT, CODE, CATEGORY, EVIDENCE, RULE));
        List<List<Object>> rows = new ArrayList<>();
        rows.add(header);
        for (Indicator root : d.indicators()) {
            leaves(rows, root, new ArrayList<>(), depth);
        }
        return new Sheet(d.name().length() > 31 ? d.name().substring(0, 31) : d.name(), rows);
    }

    private static int depth(Indicator n) {
        return 1 + n.children().stream().mapToInt(IndicatorSheet::depth).max().orElse(0);
    }

    private static void leaves(List<List<Object>> rows, Indicator n, List<String> path, int depth) {
        List<String> here = new ArrayList<>(path);
        here.add(n.name() + (n.leaf() ? "" : "（" + n.weight().stripTrailingZeros().toPlainString() + "）"));
        if (!n.leaf()) {
            n.children().forEach(c -> leaves(rows, c, here, depth));
            return;
        }
        List<Object> r = new ArrayList<>();
        for (int i = 0; i < depth; i++) {
            r.add(i < here.size() ? here.get(i) : "");
        }
        r.add(n.assessmentPoints() == null ? (n.rule() == null || n.rule().description() == null ? "" : n.rule().description())
                : n.assessmentPoints() + (n.rule() != null && n.rule().description() != null ? "\n" + n.rule().description() : ""));
        r.add(n.weight());
        r.add(n.code());
        r.add(n.category() == null ? "" : n.category().label());
        r.add(n.evidence() == null ? "" : n.evidence());
        try {
            r.add(n.rule() == null ? "" : JSON.writeValueAsString(n.rule()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        rows.add(r);
    }

    /** A draft definition from the sheet; problems name the row and column. */
    static SystemDefinition read(Sheet sheet, String name, int year, Set<cn.supervision.api.registry.UnitKind> kinds) {
        Map<String, Integer> col = new HashMap<>();
        List<Object> header = sheet.rows().isEmpty() ? List.of() : sheet.rows().get(0);
        for (int c = 0; c < header.size(); c++) {
            if (header.get(c) != null) {
                col.putIfAbsent(header.get(c).toString().trim(), c);
            }
        }
        List<FieldError> errors = new ArrayList<>();
        int levels = 0;
        while (levels < LEVELS.length && col.containsKey(LEVELS[levels])) {
            levels++;
        }
        if (levels == 0) {
            errors.add(new FieldError("表头", "缺少“一级指标”列"));
        }
        if (!col.containsKey(WEIGHT)) {
            errors.add(new FieldError("表头", "缺少“权重”列"));
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("Excel 模板不正确：表头应为 一级指标 / 二级指标 / 三级指标 / " + POINTS + " / " + WEIGHT, errors);
        }
        Node root = new Node(null);
        for (int r = 1; r < sheet.rows().size(); r++) {
            final int row = r;
            java.util.function.Function<String, String> cell = h -> col.containsKey(h) ? sheet.text(row, col.get(h)).trim() : "";
            List<String> path = new ArrayList<>();
            for (int l = 0; l < levels; l++) {
                String v = sheet.text(r, col.get(LEVELS[l])).trim();
                if (!v.isEmpty()) {
                    path.add(stripWeight(v));
                }
            }
            if (path.isEmpty()) {
                continue;
            }
            String where = "第 " + (r + 1) + " 行";
            Node n = root;
            for (String p : path) {
                n = n.children.computeIfAbsent(p, Node::new);
            }
            if (n.row > 0) {
                errors.add(new FieldError(where, "指标“" + String.join(" / ", path) + "”与第 " + n.row + " 行重复"));
                continue;
            }
            n.row = r + 1;
            try {
                n.weight = new BigDecimal(cell.apply(WEIGHT).replace("%", "").replace("分", ""));
            } catch (NumberFormatException e) {
                errors.add(new FieldError(where + " " + WEIGHT, "“" + cell.apply(WEIGHT) + "”不是数字"));
            }
            n.points = cell.apply(POINTS);
            n.code = cell.apply(CODE);
            n.evidence = cell.apply(EVIDENCE);
            String categoryText = cell.apply(CATEGORY);
            n.category = Category.fromText(categoryText);
            if (!categoryText.isEmpty() && n.category == null) {
                errors.add(new FieldError(where + " " + CATEGORY, "“" + categoryText + "”不是五类二级指标之一"));
            }
            for (int i = path.size() - 1; i >= 0 && n.category == null; i--) {
                n.category = Category.fromText(path.get(i));
            }
            String rule = cell.apply(RULE);
            if (!rule.isEmpty()) {
                try {
                    n.rule = JSON.readValue(rule, RuleSpec.class);
                } catch (JsonProcessingException e) {
                    errors.add(new FieldError(where + " " + RULE, "不是有效的评分规则 JSON：" + e.getOriginalMessage()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("Excel 内容有 " + errors.size() + " 处错误，未导入", errors);
        }
        if (root.children.isEmpty()) {
            throw SupervisionException.invalid("rows", "Excel 中没有指标");
        }
        List<Indicator> indicators = new ArrayList<>();
        int i = 1;
        for (Node n : root.children.values()) {
            indicators.add(n.toIndicator(String.valueOf(i++), errors));
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("Excel 内容有 " + errors.size() + " 处错误，未导入", errors);
        }
        BigDecimal base = indicators.stream().map(Indicator::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new SystemDefinition(name, year, kinds, Aggregation.POINTS, base, null, null, null, indicators, List.of());
    }

    /** "职责指标（60）" or "职责指标(60分)" → "职责指标": the weight in a group's name is derived, not read. */
    private static String stripWeight(String name) {
        return name.replaceAll("[（(]\\s*[0-9.]+\\s*[分%％]?\\s*[)）]\\s*$", "").trim();
    }

    private static final class Node {
        final String name;
        final Map<String, Node> children = new LinkedHashMap<>();
        int row;
        BigDecimal weight;
        String points;
        String code;
        String evidence;
        Category category;
        RuleSpec rule;

        Node(String name) {
            this.name = name;
        }

        Indicator toIndicator(String position, List<FieldError> errors) {
            String c = code == null || code.isEmpty() ? position : code;
            if (children.isEmpty()) {
                return new Indicator(c, name, blank(points), blank(evidence), weight, category, IndicatorScope.COMMON, rule, null);
            }
            if (row > 0) {
                errors.add(new FieldError("第 " + row + " 行", "“" + name + "”既是末级指标又有下级指标"));
            }
            List<Indicator> kids = new ArrayList<>();
            int i = 1;
            for (Node n : children.values()) {
                kids.add(n.toIndicator(position + "." + i++, errors));
            }
            BigDecimal sum = kids.stream().map(k -> k.weight() == null ? BigDecimal.ZERO : k.weight()).reduce(BigDecimal.ZERO, BigDecimal::add);
            Category common = kids.stream().map(Indicator::category).distinct().count() == 1 ? kids.get(0).category() : null;
            return new Indicator(c, name, null, null, sum, common, IndicatorScope.COMMON, null, kids);
        }

        private static String blank(String s) {
            return s == null || s.isEmpty() ? null : s;
        }
    }
}
