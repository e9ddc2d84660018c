package cn.supervision.report.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.supervision.api.document.DocumentKind;
import cn.supervision.api.followup.Severity;
import cn.supervision.api.report.LinkedFinding;
import cn.supervision.api.report.LinkedScore;
import cn.supervision.api.report.ReportSection;

/**
 * The model of the 监管专报 document ({@link DocumentKind#SPECIAL_REPORT}): {@code issue}, {@code paragraphs} [heading,
 * text], {@code findings} [title, unitName, severity], {@code scores} [unitName, campaignName, total, grade],
 * {@code drafter}, {@code reviewer}, {@code recipients} [name]; the document service adds the office, the date and the
 * number. Values are strings, lists and maps only.
 */
final class DocumentModel {
    static final int FINDING_TITLE = 80;

    private DocumentModel() {
    }

    static Map<String, Object> of(String title, String issue, List<ReportSection> sections, Links links, String drafter,
                                  String reviewer, List<String> recipients) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", title);
        model.put("issue", issue == null ? "" : issue);
        List<Map<String, Object>> paragraphs = new ArrayList<>();
        for (ReportSection s : sections) {
            paragraphs.add(row("heading", s.heading() == null ? "" : s.heading(), "text", s.text()));
        }
        model.put("paragraphs", paragraphs);
        List<Map<String, Object>> findings = new ArrayList<>();
        for (LinkedFinding f : links.findings()) {
            findings.add(row("title", clip(f.description()), "unitName", f.unitName(), "severity", severity(f.severity())));
        }
        model.put("findings", findings);
        List<Map<String, Object>> scores = new ArrayList<>();
        for (LinkedScore s : links.scores()) {
            scores.add(row("unitName", s.unitName(), "campaignName", s.campaignName(),
                    "total", s.total() == null ? "" : s.total().stripTrailingZeros().toPlainString(), "grade", s.grade() == null ? "" : s.grade()));
        }
        model.put("scores", scores);
        model.put("drafter", drafter == null ? "" : drafter);
        model.put("reviewer", reviewer == null ? "" : reviewer);
        List<Map<String, Object>> names = new ArrayList<>();
        recipients.forEach(r -> names.add(row("name", r)));
        model.put("recipients", names);
        return model;
    }

    private static String clip(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > FINDING_TITLE ? text.substring(0, FINDING_TITLE) + "…" : text;
    }

    private static String severity(String name) {
        if (name == null) {
            return "";
        }
        try {
            return Severity.valueOf(name).label();
        } catch (IllegalArgumentException e) {
            return name;
        }
    }

    private static Map<String, Object> row(Object... pairs) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put((String) pairs[i], pairs[i + 1] == null ? "" : pairs[i + 1]);
        }
        return row;
    }
}
