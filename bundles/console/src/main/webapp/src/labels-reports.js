// Chinese labels of the reports area: documents (公文), special reports (监管专报) and tracked tasks (督办事项).

export const DOCUMENT_KINDS = {
  CAMPAIGN_REPORT: '监管工作报告',
  UNIT_REPORT: '单位监管报告',
  RECTIFICATION_NOTICE: '整改通知书',
  CRITICISM_NOTICE: '通报',
  SPECIAL_REPORT: '监管专报',
  MEETING_MINUTES: '联席会议纪要'
}
export const DOCUMENT_FORMATS = { PDF: 'PDF（存档、阅读）', DOCX: 'Word（修改后印发）' }
export const REPORT_STATES = { DRAFT: '草稿', IN_REVIEW: '审核中', RETURNED: '已退回修改', APPROVED: '已审核', SENT: '已报送领导', INSTRUCTED: '已批示', CLOSED: '已办结' }
export const REPORT_STATE_TYPES = { DRAFT: 'info', IN_REVIEW: 'warning', RETURNED: 'danger', APPROVED: 'primary', SENT: 'primary', INSTRUCTED: 'success', CLOSED: 'info' }
export const REPORT_ACTIONS = {
  CREATED: '起草', UPDATED: '修改', SUBMITTED: '提交审核', APPROVED: '审核通过', RETURNED: '退回修改', SENT: '报送领导', READ: '领导签阅',
  INSTRUCTED: '领导批示', PAPER_INSTRUCTION: '录入纸质批示', SCAN_UPLOADED: '上传批示扫描件', TASKS_ASSIGNED: '交办督办事项',
  DOCUMENT: '生成文书', CLOSED: '办结'
}
export const INSTRUCTION_CHANNELS = { PLATFORM: '平台批示', PAPER: '纸质批示' }
export const OWNER_KINDS = { UNIT: '单位', DEPARTMENT: '协作部门', OFFICE: '机构编制部门' }
export const TASK_STATES = { OPEN: '办理中', DONE: '已办结', CANCELLED: '已撤销' }
export const TASK_STATE_TYPES = { OPEN: 'warning', DONE: 'success', CANCELLED: 'info' }
export const TASK_ORIGINS = { INSTRUCTION: '领导批示', MEETING_DECISION: '联席会议决定' }
export const TASK_ACTIONS = {
  CREATED: '交办', PROGRESS: '报告进展', REDATED: '调整期限', OVERDUE: '逾期提醒', REMINDED: '逾期提醒', CLOSED: '办结', CANCELLED: '撤销', REOPENED: '重新办理'
}
export const TEMPLATE_SOURCES = { builtin: '平台内置', derived: '按行政区划名称生成' }

/** A document's subject (campaign:12, campaign:12/unit:CZJ, notice:5, special-report:3 …) in words. */
export function subjectText(subject) {
  if (!subject) return ''
  const words = { campaign: '监管活动', unit: '单位', notice: '整改通知', 'special-report': '专报', meeting: '会议', criticism: '通报' }
  return subject.split('/').map((part) => {
    const at = part.indexOf(':')
    if (at < 0) return part
    const kind = part.slice(0, at)
    return `${words[kind] || kind} ${part.slice(at + 1)}`
  }).join(' / ')
}

/** Today in the platform's time zone, as yyyy-mm-dd. */
export function today() {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date())
}
