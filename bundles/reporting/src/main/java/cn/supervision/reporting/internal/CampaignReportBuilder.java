package cn.supervision.reporting.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.supervision.api.campaign.UnitResult;
import cn.supervision.api.followup.Finding;
import cn.supervision.api.followup.FindingCategory;
import cn.supervision.api.indicator.Evaluation;
import cn.supervision.api.rectification.UnitRectificationStatus;
import cn.supervision.api.registry.Unit;

/**
 * The model of a 监管工作报告 (see {@code DocumentKind.CAMPAIGN_REPORT}): 总体情况 ({@code summary}), 得分分布
 * ({@code grades} and the bar chart {@code chartImage}), 排名 ({@code ranking}), 主要问题 ({@code problems}, by
 * category), 整改情况 ({@code rectification}) and 下一步建议 ({@code suggestions}, derived from the data).
 */
public class CampaignReportBuilder {
    static final String NO_GRADE = "未定等次";
    /** How many of the weakest indicators the suggestions name. */
    static final int WEAKEST = 3;
    /** How many examples a problem category shows. */
    static final int EXAMPLES = 3;
    /** How many unit names a suggestion lists before "等". */
    static final int NAMES = 5;

    private final ChartPainter painter;

    public CampaignReportBuilder(ChartPainter painter) {
        this.painter = painter;
    }

    public static String title(DataGatherer.CampaignData d) {
        String name = d.results().campaign().title().strip();
        return name.endsWith("监管") ? name + "工作报告" : name + "监管工作报告";
    }

    public Map<String, Object> model(DataGatherer.CampaignData d) {
        DataGatherer.Results r = d.results();
        List<UnitResult> rows = r.rows().stream()
                .sorted(Comparator.comparingInt(UnitResult::rank).thenComparing(UnitResult::total, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", title(d));
        m.put("campaignName", r.campaign().title());
        m.put("period", r.campaign().period().label());
        m.put("revision", r.revision());
        m.put("summary", summary(r, rows));
        List<Map<String, Object>> grades = grades(rows);
        m.put("grades", grades);
        m.put("chartImage", painter.dataUri("得分等次分布（" + rows.size() + " 个单位）", grades.stream()
                .map(g -> new ChartPainter.Bar((String) g.get("grade"), (Integer) g.get("count"))).toList()));
        m.put("ranking", ranking(rows, d.units()));
        m.put("problems", problems(d.findings()));
        m.put("rectification", rectification(d.rectification()));
        m.put("suggestions", suggestions(rows, d.rectification()).stream().map(CampaignReportBuilder::text).toList());
        return m;
    }

    static Map<String, Object> summary(DataGatherer.Results r, List<UnitResult> rows) {
        Map<String, Object> s = new LinkedHashMap<>();
        List<UnitResult> scored = rows.stream().filter(u -> u.total() != null).toList();
        s.put("unitCount", rows.size());
        BigDecimal sum = scored.stream().map(UnitResult::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        s.put("average", scored.isEmpty() ? "—" : Texts.score(sum.divide(BigDecimal.valueOf(scored.size()), 2, RoundingMode.HALF_UP)));
        UnitResult high = scored.stream().max(Comparator.comparing(UnitResult::total)).orElse(null);
        UnitResult low = scored.stream().min(Comparator.comparing(UnitResult::total)).orElse(null);
        s.put("highest", high == null ? "—" : Texts.score(high.total()));
        s.put("highestUnit", high == null ? "—" : high.unitName());
        s.put("lowest", low == null ? "—" : Texts.score(low.total()));
        s.put("lowestUnit", low == null ? "—" : low.unitName());
        s.put("publishedAt", r.publishedAt() == null ? "尚未发布" : Texts.date(r.publishedAt()));
        s.put("flagged", (int) rows.stream().filter(UnitResult::flagged).count());
        return s;
    }

    /** Grades from the best to the worst (by the best total in each), with their counts and shares. */
    static List<Map<String, Object>> grades(List<UnitResult> rows) {
        Map<String, BigDecimal> best = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (UnitResult u : rows) {
            String g = grade(u);
            counts.merge(g, 1, Integer::sum);
            BigDecimal t = u.total() == null ? BigDecimal.valueOf(-1) : u.total();
            best.merge(g, t, BigDecimal::max);
        }
        List<String> order = new ArrayList<>(counts.keySet());
        order.sort(Comparator.comparing(best::get, Comparator.reverseOrder()));
        List<Map<String, Object>> out = new ArrayList<>();
        for (String g : order) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("grade", g);
            row.put("count", counts.get(g));
            row.put("share", Texts.share(counts.get(g), rows.size()));
            out.add(row);
        }
        return out;
    }

    static List<Map<String, Object>> ranking(List<UnitResult> rows, Map<Long, Unit> units) {
        List<Map<String, Object>> out = new ArrayList<>(rows.size());
        for (UnitResult u : rows) {
            Map<String, Object> row = new LinkedHashMap<>();
            Unit unit = units.get(u.unitId());
            row.put("rank", u.rank());
            row.put("unitCode", unit == null ? "" : unit.code());
            row.put("unitName", u.unitName());
            row.put("total", Texts.score(u.total()));
            row.put("grade", grade(u));
            out.add(row);
        }
        return out;
    }

    /** Findings by category (in the category order), with their count and up to three examples naming the unit. */
    static List<Map<String, Object>> problems(List<Finding> findings) {
        Map<FindingCategory, List<Finding>> by = new EnumMap<>(FindingCategory.class);
        for (Finding f : findings) {
            by.computeIfAbsent(f.category() == null ? FindingCategory.OTHER : f.category(), k -> new ArrayList<>()).add(f);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        by.forEach((category, list) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("category", category.label());
            row.put("count", list.size());
            row.put("examples", String.join("；", list.stream().limit(EXAMPLES)
                    .map(f -> f.unitName() + "：" + Texts.brief(f.description(), 40)).toList()));
            out.add(row);
        });
        return out;
    }

    static Map<String, Object> rectification(List<UnitRectificationStatus> status) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("notices", status.stream().mapToInt(UnitRectificationStatus::notices).sum());
        m.put("items", status.stream().mapToInt(UnitRectificationStatus::items).sum());
        m.put("itemsClosed", status.stream().mapToInt(UnitRectificationStatus::closedItems).sum());
        m.put("itemsOpen", status.stream().mapToInt(UnitRectificationStatus::openItems).sum());
        m.put("overdue", status.stream().mapToInt(UnitRectificationStatus::overdueItems).sum());
        m.put("escalations", status.stream().mapToInt(UnitRectificationStatus::escalations).sum());
        m.put("units", (int) status.stream().filter(s -> s.notices() > 0).count());
        return m;
    }

    /**
     * What to do next, from the data: the weakest indicators (lowest average share of their maximum across units), the
     * units graded 较差 or 差, vetoed and not-corroborated units, overdue and open rectification items.
     */
    static List<String> suggestions(List<UnitResult> rows, List<UnitRectificationStatus> status) {
        List<String> out = new ArrayList<>();
        for (Weak w : weakest(rows)) {
            out.add("“" + w.name() + "”（" + w.code() + "）平均得分率为 " + w.rate() + "%，在各项指标中偏低，建议围绕该项职责开展专项督导，"
                    + "指导相关单位完善履职措施。");
        }
        List<UnitResult> poor = rows.stream().filter(u -> poor(grade(u))).toList();
        if (!poor.isEmpty()) {
            out.add("评为较差、差等次的 " + poor.size() + " 个单位（" + names(poor) + "）应限期整改，下达整改通知书，"
                    + "并将其列为下一轮监管的重点对象。");
        }
        List<UnitResult> vetoed = rows.stream().filter(u -> u.evaluation() != null && u.evaluation().vetoed()).toList();
        if (!vetoed.isEmpty()) {
            out.add(vetoed.size() + " 个单位（" + names(vetoed) + "）触发一票否决，建议查明原因，依规依纪追究责任。");
        }
        List<UnitResult> flagged = rows.stream().filter(UnitResult::flagged).toList();
        if (!flagged.isEmpty()) {
            out.add(flagged.size() + " 个单位（" + names(flagged) + "）职责履行与印证评价差异较大，建议核实佐证材料，必要时实地核查。");
        }
        int overdue = status.stream().mapToInt(UnitRectificationStatus::overdueItems).sum();
        if (overdue > 0) {
            out.add("尚有 " + overdue + " 项整改事项逾期未完成，建议对相关单位进行约谈或通报，督促整改到位。");
        }
        int open = status.stream().mapToInt(UnitRectificationStatus::openItems).sum();
        if (open > 0) {
            out.add(open + " 项整改事项正在整改中，建议跟踪督办，整改完成后及时回访。");
        }
        if (out.isEmpty()) {
            out.add("各单位履职情况总体良好，建议保持常态化监管，巩固监管成果。");
        }
        return out;
    }

    record Weak(String code, String name, String rate) { }

    /** The indicators (leaves) with the lowest share of their maximum over every unit, below 100%. */
    static List<Weak> weakest(List<UnitResult> rows) {
        Map<String, BigDecimal[]> sums = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (UnitResult u : rows) {
            if (u.evaluation() == null || u.evaluation().indicators() == null) {
                continue;
            }
            for (Evaluation.NodeScore leaf : Leaves.of(u.evaluation().indicators())) {
                if (leaf.score() == null || leaf.max() == null || leaf.max().signum() <= 0) {
                    continue;
                }
                BigDecimal[] s = sums.computeIfAbsent(leaf.code(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                s[0] = s[0].add(leaf.score());
                s[1] = s[1].add(leaf.max());
                names.putIfAbsent(leaf.code(), leaf.name());
            }
        }
        List<Weak> out = new ArrayList<>();
        sums.forEach((code, s) -> {
            BigDecimal rate = s[0].multiply(BigDecimal.valueOf(100)).divide(s[1], 1, RoundingMode.HALF_UP);
            if (rate.compareTo(BigDecimal.valueOf(100)) < 0) {
                out.add(new Weak(code, names.get(code), rate.toPlainString()));
            }
        });
        out.sort(Comparator.comparing((Weak w) -> new BigDecimal(w.rate())).thenComparing(Weak::code));
        return out.subList(0, Math.min(WEAKEST, out.size()));
    }

    static String grade(UnitResult u) {
        return u.grade() == null || u.grade().isBlank() ? NO_GRADE : u.grade();
    }

    static boolean poor(String grade) {
        return Objects.equals(grade, "较差") || Objects.equals(grade, "差") || Objects.equals(grade, "不合格");
    }

    static String names(List<UnitResult> units) {
        String shown = String.join("、", units.stream().limit(NAMES).map(UnitResult::unitName).toList());
        return units.size() > NAMES ? shown + "等" : shown;
    }

    static Map<String, Object> text(String text) {
        return Map.of("text", text);
    }
}
