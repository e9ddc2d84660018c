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
    RUN_DAILY_PASSES("运行每日规则任务"),
    /**
     * Generated documents (reports, notices, special reports, minutes) and their versions. Published = issued (sent to
     * the unit or department it concerns): a superior office, the unit (Target.unitCode) and the department
     * (Target.departmentCode) read a document only once issued.
     */
    READ_DOCUMENTS("查看文书"),
    /** Generate documents of the office's own jurisdiction (each generation is a new numbered version). */
    GENERATE_DOCUMENTS("生成文书"),
    /**
     * Special reports (监管专报), their review and the leaders' instructions (批示). Offices read them in scope; a leader
     * reads those of its own jurisdiction (the report service further limits a leader to the reports sent to him).
     */
    READ_SPECIAL_REPORTS("查看监管专报和领导批示"),
    /** Draft, review (by an office member other than the drafter), send to leaders, record a paper instruction. */
    MANAGE_SPECIAL_REPORTS("起草、审核和报送监管专报"),
    /** A leader of the jurisdiction records an instruction on a report sent to him. */
    INSTRUCT("作出批示"),
    /**
     * Tracked tasks (督办事项) coming from instructions and joint-meeting decisions: offices and leaders in scope, the
     * owner unit (Target.unitCode) and the owner department (Target.departmentCode).
     */
    READ_TASKS("查看督办事项"),
    /** The owner unit or department (and the own office) reports progress on a task. */
    REPORT_TASK_PROGRESS("报告督办事项进展"),
    /** Assign, re-date, close and reopen tasks of the office's own jurisdiction. */
    MANAGE_TASKS("交办和办结督办事项"),
    /**
     * Cooperating departments, shared results (情况通报) and referred leads (线索移送): offices and leaders in scope; a
     * department reads only what was addressed to it (Target.departmentCode).
     */
    READ_COOPERATION("查看情况通报和线索移送"),
    /** Maintain the departments, share results, refer leads: the office's own jurisdiction. */
    MANAGE_COOPERATION("通报情况和移送线索"),
    /** The addressed department acknowledges receipt of a referral and gives its feedback. */
    ANSWER_REFERRAL("签收和反馈移送线索"),
    /** The comprehensive-assessment mapping rules (reading the mapped view is READ_RESULTS). */
    MANAGE_ASSESSMENT("维护综合考核折算规则"),
    /** Joint meetings (联席会议): members, meetings, minutes, decisions; member departments of the jurisdiction read them. */
    READ_MEETINGS("查看联席会议"),
    /** Convene joint meetings, record attendance, minutes and decisions: the office's own jurisdiction. */
    MANAGE_MEETINGS("组织联席会议"),
    /** Duty coverage and the overlap and gap proposals of the duty analysis: offices and leaders in scope. */
    READ_DUTY_ANALYSIS("查看职责覆盖和职责交叉空白分析"),
    /** Run the duty analysis and confirm or dismiss its proposals: the office's own jurisdiction. */
    MANAGE_DUTY_ANALYSIS("开展职责交叉空白分析"),
    /**
     * Take and list backups of the whole database (every jurisdiction's records): the root jurisdiction's office only
     * (its target is the root), besides the platform and shell operators.
     */
    ADMINISTER_BACKUPS("备份数据库");

    private final String label;

    Operation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
