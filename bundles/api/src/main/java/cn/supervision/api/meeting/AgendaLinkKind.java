package cn.supervision.api.meeting;

/**
 * What an agenda item refers to. FINDING, CAMPAIGN, DOCUMENT and SPECIAL_REPORT ids are checked against their services
 * (same jurisdiction as the meeting); a SPECIAL_REPORT id is kept as given while the special-report service is not
 * running; NONE is a topic without a record behind it.
 */
public enum AgendaLinkKind {
    NONE("议题", null),
    FINDING("问题", "/v1/findings/"),
    CAMPAIGN("监管活动", "/v1/campaigns/"),
    SPECIAL_REPORT("监管专报", "/v1/special-reports/"),
    DOCUMENT("文书", "/v1/documents/");

    private final String label;
    private final String path;

    AgendaLinkKind(String label, String path) {
        this.label = label;
        this.path = path;
    }

    public String label() {
        return label;
    }

    /** The API path of the record with that id, or null for NONE. */
    public String path(Long id) {
        return path == null || id == null ? null : path + id;
    }
}
