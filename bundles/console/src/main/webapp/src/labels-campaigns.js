// Labels and small helpers of the campaigns area (plans, collection, review, results).
export const MEMBER_ROLES = {
  STAFFING_OFFICE: '机构编制部门',
  DISCIPLINE_INSPECTION: '纪检监察',
  INSPECTION_TOUR: '巡察',
  GOVERNMENT_SUPERVISION: '政府督查',
  ORGANISATION: '组织人事',
  FINANCE: '财政',
  AUDIT: '审计',
  EXPERT: '专家学者',
  REPRESENTATIVE: '“两代表一委员”'
}
export const LATE_POLICIES = { MARK_LATE: '照收并标记逾期', REFUSE: '截止后不再接受（退回的仍可补报）' }
export const PERIOD_TYPES = { YEAR: '年度', QUARTER: '季度', MONTH: '月度' }
export const STATE_TYPES = { DRAFT: 'info', COLLECTING: 'warning', SCORING: 'primary', PUBLISHED: 'success' }
export const NEXT_STATES = { DRAFT: ['COLLECTING'], COLLECTING: ['SCORING'], SCORING: ['COLLECTING', 'PUBLISHED'], PUBLISHED: [] }
export const ACTIONS = { COLLECTING: '开始采集', SCORING: '进入评分', PUBLISHED: '发布结果' }
/** What a transition back from scoring is called (SCORING → COLLECTING reopens collection). */
export function actionOf(from, to) {
  return from === 'SCORING' && to === 'COLLECTING' ? '退回采集' : ACTIONS[to]
}
export const DEFAULT_CATEGORIES = {
  ROUTINE: ['CORE', 'AUXILIARY', 'PUBLIC_EVALUATION', 'PLATFORM_DATA'],
  SPECIAL: ['CORE', 'AUXILIARY', 'PEER_REVIEW', 'PUBLIC_EVALUATION', 'PLATFORM_DATA']
}
export const ADJUSTMENT_KINDS = { BONUS: '加分', DEDUCTION: '减分', VETO: '否决' }
export const GRADE_TYPES = { 优秀: 'success', 良好: 'primary', 合格: 'warning', 一般: 'warning', 不合格: 'danger', 较差: 'danger' }

/** The office that plans a campaign administers its jurisdiction. */
export function isOffice(user) {
  return !!user?.roles?.some((r) => r === 'CITY_ADMIN' || r === 'COUNTY_ADMIN')
}

/** Every node of an indicator tree, depth first, with its depth. */
export function flatten(nodes, depth = 0, out = []) {
  for (const n of nodes || []) {
    out.push({ ...n, depth })
    flatten(n.children, depth + 1, out)
  }
  return out
}
