package cn.supervision.api.followup;

/** What kind of problem a finding (问题) is. */
public enum FindingCategory {
    DUTY_NOT_PERFORMED("职责履行不到位"),
    DUTY_OVERLAP_GAP("职责交叉或空白"),
    PROCESS_MECHANISM("流程机制问题"),
    STAFFING("编制使用问题"),
    DISCIPLINE("机构编制纪律问题"),
    OTHER("其他问题");

    private final String label;

    FindingCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
