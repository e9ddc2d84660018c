package cn.supervision.api.document;

import java.util.List;

/**
 * The documents the platform generates, each from a template (built in, or replaced by a jurisdiction's contribution
 * bundle under {@code SUPERVISION-INF/templates/<kind in lower case with dashes>.html}, e.g.
 * {@code templates/rectification-notice.html}). A template is a logic-less Mustache XHTML file; it must name every one
 * of {@link #requiredFields()} and it can use only the model's fields.
 *
 * <p>Every model carries the fields the document service adds: {@code issuingOffice} (e.g. 东营市机构编制委员会办公室),
 * {@code jurisdictionName}, {@code date} (2026年11月30日), {@code title}, {@code seal} (the seal placeholder's text), and
 * for numbered kinds {@code documentNumber} (e.g. 东编办发〔2026〕12号). The builders supply the rest, as listed per kind (a list is an array of objects with
 * the fields in brackets; {@code chartImage} is a {@code data:image/png;base64,…} URI).
 */
public enum DocumentKind {
    /**
     * 监管工作报告 (annual or campaign report) of one jurisdiction: {@code campaignName}, {@code period},
     * {@code summary} [unitCount, average, highest, lowest, publishedAt], {@code grades} [grade, count, share],
     * {@code chartImage}, {@code ranking} [rank, unitCode, unitName, total, grade], {@code problems} [category, count,
     * examples], {@code rectification} [notices, items, itemsClosed, itemsOpen, overdue], {@code suggestions} [text].
     */
    CAMPAIGN_REPORT("监管工作报告", false, List.of("title", "campaignName", "summary", "chartImage", "ranking")),
    /**
     * One unit's report: {@code unitCode}, {@code unitName}, {@code campaignName}, {@code total}, {@code grade},
     * {@code rank}, {@code indicators} [code, name, weight, score, source, recordedBy, recordedAt, basis],
     * {@code findings} [title, severity, state], {@code rectification} [item, state, deadline].
     */
    UNIT_REPORT("单位监管报告", false, List.of("title", "unitName", "total", "indicators")),
    /**
     * 整改通知书 (red header): {@code addressee} (the unit's name), {@code paragraphs} [text], {@code items} [no, title,
     * requirement, deadline], {@code deadline}, {@code contact}.
     */
    RECTIFICATION_NOTICE("整改通知书", true, List.of("documentNumber", "issuingOffice", "addressee", "items")),
    /** 通报 (criticism notice, red header): {@code addressees}, {@code paragraphs} [text], {@code units} [unitName, problem]. */
    CRITICISM_NOTICE("通报", true, List.of("documentNumber", "issuingOffice", "addressees", "paragraphs")),
    /**
     * 监管专报 (special report, art. 22, red header): {@code issue} (期号), {@code paragraphs} [heading, text] (the
     * problem, its evidence, analysis, proposed handling), {@code findings} [title, unitName, severity],
     * {@code scores} [unitName, campaignName, total, grade], {@code drafter}, {@code reviewer}, {@code recipients} [name].
     */
    SPECIAL_REPORT("监管专报", true, List.of("documentNumber", "issuingOffice", "title", "paragraphs")),
    /**
     * 联席会议纪要 (joint meeting minutes): {@code meetingDate}, {@code location}, {@code host}, {@code attendees}
     * [name, department], {@code agenda} [title, link], {@code minutes} [text], {@code decisions} [text, owner,
     * deadline].
     */
    MEETING_MINUTES("联席会议纪要", true, List.of("documentNumber", "issuingOffice", "meetingDate", "attendees", "decisions"));

    private final String label;
    private final boolean redHeader;
    private final List<String> requiredFields;

    DocumentKind(String label, boolean redHeader, List<String> requiredFields) {
        this.label = label;
        this.redHeader = redHeader;
        this.requiredFields = requiredFields;
    }

    public String label() {
        return label;
    }

    /** An official document (GB/T 9704 layout: red header, document number, seal placeholder), numbered per year. */
    public boolean redHeader() {
        return redHeader;
    }

    /** The model fields a template of this kind must use. */
    public List<String> requiredFields() {
        return requiredFields;
    }

    /** The template's file name inside {@code SUPERVISION-INF/templates/}: {@code rectification-notice.html}. */
    public String templateFile() {
        return name().toLowerCase().replace('_', '-') + ".html";
    }
}
