package cn.supervision.reporting.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.supervision.api.campaign.InputRecord;
import cn.supervision.api.campaign.InputSource;
import cn.supervision.api.followup.Finding;
import cn.supervision.api.indicator.Evaluation;
import cn.supervision.api.rectification.Item;
import cn.supervision.api.rectification.Notice;

/**
 * The model of one unit's report (see {@code DocumentKind.UNIT_REPORT}): its total, grade and rank, every scored
 * indicator with the provenance of its input (source, who recorded it and when, the rule and how the score was
 * obtained), then adjustments that applied, its findings and the rectification items of its notices.
 */
public class UnitReportBuilder {

    public static String title(DataGatherer.UnitData d) {
        return d.unit().name() + "监管报告（" + d.results().campaign().title() + "）";
    }

    public Map<String, Object> model(DataGatherer.UnitData d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", title(d));
        m.put("unitCode", d.unit().code());
        m.put("unitName", d.unit().name());
        m.put("campaignName", d.results().campaign().title());
        m.put("period", d.results().campaign().period().label());
        m.put("total", Texts.score(d.row().total()));
        m.put("grade", CampaignReportBuilder.grade(d.row()));
        m.put("rank", d.row().rank());
        m.put("unitCount", d.results().rows().size());
        m.put("publishedAt", d.results().publishedAt() == null ? "尚未发布" : Texts.date(d.results().publishedAt()));
        m.put("indicators", indicators(d.row().evaluation(), d.inputs()));
        m.put("findings", findings(d.findings()));
        m.put("rectification", rectification(d.notices()));
        return m;
    }

    static List<Map<String, Object>> indicators(Evaluation e, Map<String, InputRecord> inputs) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (e == null) {
            return out;
        }
        for (Evaluation.NodeScore leaf : Leaves.of(e.indicators() == null ? List.of() : e.indicators())) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("code", leaf.code());
            row.put("name", leaf.name());
            row.put("weight", Texts.score(leaf.weight()));
            row.put("score", Texts.score(leaf.score()) + " / " + Texts.score(leaf.max()));
            provenance(row, inputs.get(leaf.code()));
            row.put("basis", basis(leaf.standard(), leaf.explanation()));
            out.add(row);
        }
        for (Evaluation.AdjustmentScore a : e.adjustments() == null ? List.<Evaluation.AdjustmentScore>of() : e.adjustments()) {
            if (!a.triggered() && (a.amount() == null || a.amount().signum() == 0)) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("code", a.code());
            row.put("name", a.name() + "（" + adjustment(a) + "）");
            row.put("weight", "—");
            row.put("score", switch (a.kind()) {
                case BONUS -> "+" + Texts.score(a.amount());
                case DEDUCTION -> "-" + Texts.score(a.amount());
                default -> a.triggered() ? "触发" : "未触发";
            });
            provenance(row, inputs.get(a.code()));
            row.put("basis", basis(null, a.explanation()));
            out.add(row);
        }
        return out;
    }

    private static String adjustment(Evaluation.AdjustmentScore a) {
        return switch (a.kind()) {
            case BONUS -> "加分项";
            case DEDUCTION -> "扣分项";
            default -> "否决项";
        };
    }

    /** source (with the input's own source, e.g. the system it came from), recordedBy (and the reviewer), recordedAt. */
    static void provenance(Map<String, Object> row, InputRecord r) {
        if (r == null) {
            row.put("source", "无有效输入");
            row.put("recordedBy", "—");
            row.put("recordedAt", "—");
            return;
        }
        String detail = r.input() == null || Texts.blank(r.input().source()) ? "" : "（" + r.input().source().strip() + "）";
        String explanation = Texts.blank(r.explanation()) ? "" : "：" + Texts.brief(r.explanation(), 80);
        row.put("source", Texts.source(r.source()) + detail + explanation);
        String by = r.enteredBy() == null ? "—" : r.enteredBy();
        if (r.source() == InputSource.SELF_REPORT && r.reviewedBy() != null) {
            by += "（审核：" + r.reviewedBy() + "）";
        }
        row.put("recordedBy", by);
        row.put("recordedAt", Texts.minute(r.enteredAt()) + (r.late() ? "（逾期填报）" : ""));
    }

    static String basis(String standard, String explanation) {
        List<String> parts = new ArrayList<>();
        if (!Texts.blank(standard)) {
            parts.add("评分规则：" + standard.strip());
        }
        if (!Texts.blank(explanation)) {
            parts.add("计分：" + explanation.strip());
        }
        return parts.isEmpty() ? "—" : String.join("；", parts);
    }

    static List<Map<String, Object>> findings(List<Finding> findings) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Finding f : findings) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("title", Texts.brief(f.description(), 120));
            row.put("category", f.category() == null ? "" : f.category().label());
            row.put("severity", f.severity() == null ? "" : f.severity().label());
            row.put("state", Texts.state(f.state()));
            out.add(row);
        }
        return out;
    }

    static List<Map<String, Object>> rectification(List<Notice> notices) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Notice n : notices) {
            for (Item i : n.items()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("item", Texts.brief(i.findingDescription(), 120));
                row.put("notice", n.number() == null ? "" : n.number());
                row.put("state", i.state().label());
                row.put("deadline", Texts.date(i.dueDate() != null ? i.dueDate() : n.deadline()));
                out.add(row);
            }
        }
        return out;
    }
}
