package cn.supervision.api.warning;

/** The rules of the warning ledger; thresholds and switches are configuration ({@code etc/cn.supervision.warning.cfg}). */
public enum WarningRule {
    /** A triggered veto (一票否决) in a published campaign result. */
    VETO(WarningLevel.RED, "一票否决事项"),
    /** Staff in use above the approved administrative or institutional slots, or leadership posts filled above the approved. */
    OVER_STAFFING(WarningLevel.RED, "超编超职数配备"),
    /** An open finding of the DISCIPLINE category (机构编制纪律). */
    DISCIPLINE_FINDING(WarningLevel.RED, "违反机构编制纪律"),
    /** The duty or corroboration view of a published result below the threshold. */
    LOW_VIEW(WarningLevel.YELLOW, "履职评价偏低"),
    /** A total falling by more than the configured points against the previous period of the same routine lineage. */
    FALLING_SCORE(WarningLevel.YELLOW, "得分较上期明显下降"),
    /** The 12345 on-time rate (a platform-data metric) over the last month or quarter below the target. */
    HOTLINE_ON_TIME(WarningLevel.YELLOW, "12345 按时办结率低于目标"),
    /** A target unit of a collecting campaign with leaves still unreported after the collection deadline. */
    OVERDUE_SELF_REPORT(WarningLevel.BLUE, "自评材料逾期未报"),
    /** A self-report without any evidence file. */
    MISSING_EVIDENCE(WarningLevel.BLUE, "自评缺少佐证材料"),
    /** A rectification item the rectification deadline pass has marked OVERDUE. */
    OVERDUE_RECTIFICATION(WarningLevel.BLUE, "整改事项逾期"),
    /** Active main duties of a unit that no campaign assessed in the configured number of years (art. 13: all main duties). */
    DUTY_NOT_ASSESSED(WarningLevel.BLUE, "主要职责多年未评估");

    private final WarningLevel level;
    private final String label;

    WarningRule(WarningLevel level, String label) {
        this.level = level;
        this.label = label;
    }

    public WarningLevel level() {
        return level;
    }

    public String label() {
        return label;
    }
}
