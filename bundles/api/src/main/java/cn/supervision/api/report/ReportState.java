package cn.supervision.api.report;

/**
 * Where a special report (监管专报) stands: drafted by an office member, reviewed by another office member of the same
 * jurisdiction (returned for revision or approved), sent to named leaders, instructed (批示) by at least one of them,
 * and closed by the office once every task coming from its instructions is done.
 */
public enum ReportState {
    DRAFT("草稿"),
    IN_REVIEW("审核中"),
    RETURNED("已退回修改"),
    APPROVED("已审核"),
    SENT("已报送领导"),
    INSTRUCTED("已批示"),
    CLOSED("已办结");

    private final String label;

    ReportState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
