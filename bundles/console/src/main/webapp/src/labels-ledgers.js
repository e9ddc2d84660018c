// Labels and role helpers of the use of results (问题清单, 整改, 预警, 处理意见, 问责, 消息).
import { session } from './api.js'

export const SOURCE_KINDS = { CAMPAIGN_RESULT: '监管结果', WARNING: '预警', INSTRUCTION: '领导批示', INSPECTION: '巡察检查', MANUAL: '人工登记' }
export const MANUAL_SOURCE_KINDS = { MANUAL: '人工登记', INSTRUCTION: '领导批示', INSPECTION: '巡察检查' }
export const VISIT_RESULTS = { RECTIFIED: '整改到位', NOT_RECTIFIED: '整改不到位' }
export const ESCALATION_KINDS = { ADMONITORY_TALK: '约谈', CIRCULATED_CRITICISM: '通报批评' }
export const ESCALATION_STATES = { PROPOSED: '建议实施', RECORDED: '已实施', DISMISSED: '不予实施' }
export const ACCOUNTABILITY_KINDS = { OFFICE_MEASURE: '监督问责', PROPOSAL_TO_PARTY_COMMITTEE: '问责建议（报党委）' }
export const ACCOUNTABILITY_STATUSES = { PROPOSED: '已提出', DECIDED: '已决定', CLOSED: '已办结' }
export const PROPOSAL_STATES = { DRAFT: '草稿', SUBMITTED: '已提交审定', RETURNED: '已退回', APPROVED: '已审定', APPLIED: '已执行' }
export const CHANGE_KINDS = { MOVE_DUTY: '调整职责（划转）', CLARIFY_DUTY: '厘清职责边界', ADD_INTERNAL_BODY: '增设内设机构', REMOVE_INTERNAL_BODY: '撤销内设机构', SET_STAFFING: '调整核定编制', INTAKE_PLAN: '用编进人计划' }
export const SLOT_KINDS = { ADMINISTRATIVE: '行政编制', INSTITUTIONAL: '事业编制' }
export const WARNING_RULES = {
  VETO: '一票否决事项', OVER_STAFFING: '超编超职数配备', DISCIPLINE_FINDING: '违反机构编制纪律', LOW_VIEW: '履职评价偏低',
  FALLING_SCORE: '得分较上期明显下降', HOTLINE_ON_TIME: '12345 按时办结率低于目标', OVERDUE_SELF_REPORT: '自评材料逾期未报',
  MISSING_EVIDENCE: '自评缺少佐证材料', OVERDUE_RECTIFICATION: '整改事项逾期', DUTY_NOT_ASSESSED: '主要职责多年未评估'
}
export const RECTIFICATION_EVENTS = {
  ISSUED: '下发整改通知', PLAN: '报送整改方案', PROGRESS: '报告整改进展', EVIDENCE: '上传佐证材料', CLAIM: '申请销号', ACCEPT: '销号',
  RETURN: '退回', MARK_OVERDUE: '逾期', ALL_ACCEPTED: '全部销号，安排回访', VISIT_PASS: '回访：整改到位', VISIT_FAIL: '回访：整改不到位',
  ESCALATION: '约谈或通报批评', ESCALATION_PROPOSED: '建议约谈', ESCALATION_RECORDED: '确认实施', ESCALATION_DISMISSED: '不予实施'
}
export const NOTICE_STATE_TYPES = { ISSUED: 'warning', OVERDUE: 'danger', AWAITING_VISIT: 'primary', VISIT_FAILED: 'danger', CLOSED: 'success' }
export const ITEM_STATE_TYPES = { NOTIFIED: 'info', PLANNED: 'primary', IN_PROGRESS: 'warning', RETURNED: 'danger', OVERDUE: 'danger', CLAIMED: 'primary', ACCEPTED: 'success', VISIT_FAILED: 'danger', CLOSED: 'success' }

/** A city or county office account (not a unit's nor a department's). */
export function isOffice() {
  const u = session.user
  return !!u && !u.unitCode && !u.departmentCode && (u.roles || []).some((r) => r === 'CITY_ADMIN' || r === 'COUNTY_ADMIN')
}

/** The office of this jurisdiction itself (the one that manages its findings, notices, warnings, proposals). */
export function isOwnOffice(jurisdictionCode) {
  return isOffice() && session.user.jurisdictionCode === jurisdictionCode
}

/** A unit's reporting account. */
export function isUnitUser() {
  return !!session.user?.unitCode && (session.user.roles || []).includes('UNIT_USER')
}

export function today() {
  const d = new Date()
  const pad = (n) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

export function fileSize(n) {
  if (n == null) return ''
  return n >= 1048576 ? (n / 1048576).toFixed(1) + ' MB' : Math.max(1, Math.round(n / 1024)) + ' KB'
}
