// Chinese labels of the cooperation, joint meeting and comprehensive assessment codes.
export const DEPARTMENT_KINDS = {
  DISCIPLINE_INSPECTION: '纪检监察机关',
  INSPECTION_TOUR: '巡察机构',
  GOVERNMENT_SUPERVISION: '政府督查部门',
  ORGANISATION: '组织部门',
  HUMAN_RESOURCES: '人力资源社会保障部门',
  FINANCE: '财政部门',
  AUDIT: '审计部门',
  OTHER: '其他部门'
}
export const REFERRAL_STATES = { SENT: '已移送', ACKNOWLEDGED: '已签收', ACCEPTED: '已受理', NOT_ACCEPTED: '不予受理', CONCLUDED: '已反馈处理结果' }
export const REFERRAL_STATE_TYPES = { SENT: 'info', ACKNOWLEDGED: 'primary', ACCEPTED: 'warning', NOT_ACCEPTED: 'info', CONCLUDED: 'success' }
export const FEEDBACK_KINDS = { ACCEPTED: '立案/受理', NOT_ACCEPTED: '不予受理', RESULT: '处理结果' }
export const MEETING_STATES = { SCHEDULED: '已安排', HELD: '已召开', MINUTES_ISSUED: '纪要已印发', CANCELLED: '已取消' }
export const MEETING_STATE_TYPES = { SCHEDULED: 'primary', HELD: 'warning', MINUTES_ISSUED: 'success', CANCELLED: 'info' }
export const AGENDA_KINDS = { NONE: '议题', FINDING: '问题', CAMPAIGN: '监管活动', SPECIAL_REPORT: '监管专报', DOCUMENT: '文书' }
export const OWNER_KINDS = { OFFICE: '机构编制部门', UNIT: '单位', DEPARTMENT: '协作部门' }
export const TASK_STATUSES = { OPEN: '办理中', OVERDUE: '已逾期', DONE: '已办结', CANCELLED: '已撤销' }
export const MAPPING_METHODS = { LINEAR: '按总分折算', GRADE: '按等次折算' }
export const ROUNDINGS = { HALF_UP: '四舍五入', HALF_EVEN: '银行家舍入', DOWN: '舍去', UP: '进一' }
export const ITEM_KINDS = { BONUS: '加分', DEDUCTION: '扣分' }
export const ASSESSMENT_ITEM_STATES = { PROPOSED: '待确认', CONFIRMED: '已确认', DROPPED: '已舍弃', SUPERSEDED: '已失效' }
export const ASSESSMENT_ITEM_TYPES = { PROPOSED: 'warning', CONFIRMED: 'success', DROPPED: 'info', SUPERSEDED: 'info' }
export const EXPORT_FORMATS = { REST: '接口', SOAP: 'SOAP 接口', XLSX: 'Excel' }

/** A date (yyyy-MM-dd) as today in Beijing time, offset by days. */
export function beijingDate(days = 0) {
  const d = new Date(Date.now() + 8 * 3600_000 + days * 86400_000)
  return d.toISOString().slice(0, 10)
}

/** A LocalDateTime of the API (2026-12-03T09:30[:00]) as 2026-12-03 09:30. */
export function localDateTime(text) {
  return text ? String(text).replace('T', ' ').slice(0, 16) : ''
}

export function fileSize(n) {
  if (n == null) return ''
  return n >= 1048576 ? (n / 1048576).toFixed(1) + ' MB' : Math.max(1, Math.round(n / 1024)) + ' KB'
}

/** The message of exactly this field of a problem (not of its rows, which show their own), or null. */
export function exactField(err, name) {
  return err?.errors?.find((e) => e.field === name)?.message || null
}

/** The field names of a list's rows (contacts[0].name, …), for ProblemAlert's shown-fields. */
export function rowFields(prefix, count, names) {
  const out = []
  for (let i = 0; i < count; i++) for (const n of names) out.push(`${prefix}[${i}].${n}`)
  return out
}
