package cn.supervision.api.security;

/**
 * What a caller wants to do to records of one jurisdiction. {@link Access} decides every one of them; services
 * name the operation and never re-derive the rule. The label completes the sentence "无权…".
 */
public enum Operation {
    /** Jurisdictions, units and their history. */
    READ_REGISTRY("查看单位信息"),
    /** Create and change units, import workbooks. */
    ADMINISTER_REGISTRY("修改单位信息"),
    /** Indicator systems (a unit needs to read the one it is scored by). */
    READ_SYSTEMS("查看指标体系"),
    /** Draft, publish, copy and retire indicator systems. */
    MANAGE_SYSTEMS("维护指标体系"),
    /** A campaign's plan, state and questionnaires' existence. */
    READ_CAMPAIGN("查看监管活动"),
    /** Who is in a campaign's working group (names of evaluators): not for units and partners. */
    READ_WORKING_GROUP("查看监管工作组"),
    /** Plan, transitions, working group, review of self-reports, corrections: each office runs only its own. */
    MANAGE_CAMPAIGN("管理监管活动"),
    /** Scores and ranks. A superior office (and partners) read them once published. */
    READ_RESULTS("查看监管结果"),
    /** Inputs, evidence and coverage. A superior office reads them only once published. */
    READ_INPUTS("查看监管输入和佐证材料"),
    /** OFFICE figures, channel inputs (peer review, public evaluation, platform data), adjustments. */
    WRITE_OFFICE_INPUT("录入监管数据"),
    /** A unit's own self-report and its evidence. */
    WRITE_SELF_REPORT("填报自评"),
    /** An evaluator's grade (working-group assignment is checked by the campaign). */
    WRITE_GRADE("评定等次"),
    /** Contribution bundles and their event history. */
    READ_CONTRIBUTIONS("查看贡献包"),
    /** Upload, update and uninstall contribution bundles: the city for any county, a county for itself. */
    INSTALL_CONTRIBUTION("安装贡献包"),
    /** Metrics, batches, aggregates and feeds. */
    READ_PLATFORM_DATA("查看平台数据"),
    /** Batches from the office or its partner systems. */
    SUBMIT_PLATFORM_DATA("提交平台数据"),
    /** Metrics and mapping tables. */
    MANAGE_PLATFORM_DATA("维护平台数据指标和映射"),
    /** Questionnaires: definitions, progress, masked responses. */
    READ_SURVEY("查看问卷"),
    /** A unit user answering a peer review for its own unit. */
    ANSWER_PEER_REVIEW("填写部门互评"),
    /** Design, open, close, tokens, outliers, application, revealing personal data. */
    MANAGE_SURVEY("管理问卷"),
    /** The audit trail. */
    READ_AUDIT("查看审计日志"),
    /** Why a platform component is down (exception text: for the office, not for the public health check). */
    READ_HEALTH("查看运行状态详情"),
    /**
     * Findings, rectification notices and their items, follow-up visits, escalations and accountability records. A
     * superior office reads a subordinate's only once notified to the unit (Target.published = notified), and a unit
     * reads its own once notified.
     */
    READ_FOLLOWUP("查看问题清单和整改情况"),
    /** Record findings, issue notices, accept or return items, visit, escalate, record accountability. */
    MANAGE_FOLLOWUP("管理问题清单、整改和问责"),
    /** A unit answering its own rectification notice: plan, progress, evidence, completion claim. */
    ANSWER_RECTIFICATION("填报整改情况"),
    /**
     * Per-unit counts of notified rectification (notices, items closed, overdue, escalations): what READ_FOLLOWUP
     * allows, and partner systems in scope too (SOAP), without the findings' text.
     */
    READ_RECTIFICATION_STATUS("查看整改情况汇总"),
    /** The warning ledger (预警). A unit reads its own warnings once dispatched to it (Target.published = dispatched). */
    READ_WARNINGS("查看预警"),
    /** Dispatch, verify, close warnings, turn them into findings; configure rules. */
    MANAGE_WARNINGS("处置预警"),
    /** Establishment proposals (处理意见): read by the office and leaders in scope. */
    READ_PROPOSALS("查看机构编制处理意见"),
    /** Draft, review, approve and apply establishment proposals of the office's own jurisdiction. */
    MANAGE_PROPOSALS("起草和审定机构编制处理意见"),
    /**
     * Run the daily passes now (deadlines, reminders, warning rules across every jurisdiction) and read their run
     * history: the root jurisdiction's office only (its target is the root), besides the platform and shell operators.
     */
    RUN_DAILY_PASSES("运行每日规则任务");

    private final String label;

    Operation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
