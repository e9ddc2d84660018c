// Chinese labels of the platform's codes.
import { AREA_ROUTES } from './routes.js'

export const ROLES = {
  CITY_ADMIN: '市级编办管理员',
  COUNTY_ADMIN: '县级编办管理员',
  UNIT_USER: '单位填报人员',
  EVALUATOR: '评估专家',
  LEADER: '领导',
  PARTNER_SYSTEM: '对接系统',
  DEPARTMENT: '协作部门'
}

export const CAMPAIGN_STATES = { DRAFT: '草稿', COLLECTING: '数据采集中', SCORING: '评分中', PUBLISHED: '已发布' }
export const CAMPAIGN_KINDS = { ROUTINE: '常规监管', SPECIAL: '专项监管' }
export const UNIT_KINDS = { PARTY_ORGAN: '党委机构', GOVERNMENT_DEPARTMENT: '政府部门', PUBLIC_INSTITUTION: '事业单位', OTHER: '其他' }
export const UNIT_STATUSES = { ACTIVE: '存续', MERGED: '已合并', ABOLISHED: '已撤销' }
export const CATEGORIES = { CORE: '核心职责', AUXILIARY: '辅助职责', PEER_REVIEW: '部门互评', PUBLIC_EVALUATION: '社会评议', PLATFORM_DATA: '平台数据' }
export const INPUT_SOURCES = { SELF_REPORT: '单位自评', OFFICE: '编办录入', EVALUATOR: '专家评分', PEER_REVIEW: '部门互评', PUBLIC_EVALUATION: '社会评议', PLATFORM_DATA: '平台数据' }
export const REVIEW = { SUBMITTED: '待审核', ACCEPTED: '已采纳', RETURNED: '已退回' }
export const WARNING_LEVELS = { RED: '红色', YELLOW: '黄色', BLUE: '蓝色' }
export const WARNING_STATES = { TO_DISPATCH: '待下发', DISPATCHED: '已下发', VERIFYING: '核查中', CLOSED: '已销号', CONVERTED: '已转为问题' }
export const FINDING_STATES = { OPEN: '待整改', IN_RECTIFICATION: '整改中', RECTIFIED: '已整改', WITHDRAWN: '已撤回' }
export const FINDING_CATEGORIES = { DUTY_NOT_PERFORMED: '职责履行不到位', DUTY_OVERLAP_GAP: '职责交叉或空白', PROCESS_MECHANISM: '流程机制问题', STAFFING: '编制使用问题', DISCIPLINE: '机构编制纪律问题', OTHER: '其他问题' }
export const NOTICE_STATES = { ISSUED: '整改中', OVERDUE: '已逾期', AWAITING_VISIT: '待回访', VISIT_FAILED: '回访未通过', CLOSED: '已办结' }
export const ITEM_STATES = { NOTIFIED: '待报整改方案', PLANNED: '已报整改方案', IN_PROGRESS: '整改中', RETURNED: '已退回', OVERDUE: '已逾期', CLAIMED: '已申请销号', ACCEPTED: '已销号待回访', VISIT_FAILED: '回访整改不到位', CLOSED: '整改到位' }
export const SEVERITIES = { GENERAL: '一般', SERIOUS: '较重', GRAVE: '严重' }

export function label(map, code) {
  return code == null ? '' : map[code] || code
}

export function period(p) {
  if (!p) return ''
  if (p.type === 'QUARTER') return `${p.year}年第${p.number}季度`
  if (p.type === 'MONTH') return `${p.year}年${p.number}月`
  return `${p.year}年度`
}

export function dateTime(iso) {
  if (!iso) return ''
  const d = new Date(iso)
  const pad = (n) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** The menu's groups, in order. */
export const MENU_GROUPS = [
  { key: 'home', title: '首页' },
  { key: 'base', title: '基础数据' },
  { key: 'supervision', title: '监督评估' },
  { key: 'results', title: '结果运用' },
  { key: 'reports', title: '报告与协同' },
  // last: a user's home page is their first item, never the inbox every role has
  { key: 'personal', title: '个人' }
]

/** Whether a route's `roles` (see routes/README.md) admit the user. */
export function admits(roles, user) {
  const held = new Set(user?.roles || [])
  return (roles || []).some((r) => (r === 'office' ? held.has('CITY_ADMIN') || held.has('COUNTY_ADMIN') : held.has(r)))
}

/**
 * Which menus a user gets, grouped: what the API lets them do, nothing more (the API refuses the rest anyway).
 * Each group: { key, title, items: [{ path, title }] }; groups without items are left out.
 */
export function menusFor(user, routes = AREA_ROUTES) {
  const items = routes.filter((r) => r.meta?.group && admits(r.meta.roles, user))
  return MENU_GROUPS.map((g) => ({
    ...g,
    items: items.filter((r) => r.meta.group === g.key)
      .sort((a, b) => (a.meta.order ?? 0) - (b.meta.order ?? 0))
      .map((r) => ({ path: '/' + r.path, title: r.meta.title }))
  })).filter((g) => g.items.length > 0)
}

export function homeOf(user) {
  return menusFor(user)[0]?.items[0]?.path || '/welcome'
}
