// Labels of the duty layer: main duties as records, power and responsibility lists (权责清单), coverage, overlaps and gaps.
import { session } from './api.js'

export const DUTY_TYPES = {
  LICENSING: '行政许可',
  PENALTY: '行政处罚',
  COERCION: '行政强制',
  LEVY: '行政征收',
  PAYMENT: '行政给付',
  INSPECTION: '行政检查',
  CONFIRMATION: '行政确认',
  AWARD: '行政奖励',
  RULING: '行政裁决',
  OTHER_POWER: '其他行政权力',
  PUBLIC_SERVICE: '公共服务',
  POLICY_PLANNING: '政策规划',
  COORDINATION: '统筹协调',
  INTERNAL_MANAGEMENT: '内部管理'
}
export const DUTY_ROLES = { LEAD: '牵头', ASSIST: '配合' }
export const DUTY_STATUSES = { ACTIVE: '现行', RETIRED: '已取消' }
export const PROPOSAL_KINDS = { OVERLAP: '职责交叉', GAP: '职责空白' }
export const PROPOSAL_STATES = { PROPOSED: '待研判', CONFIRMED: '已确认', DISMISSED: '已排除' }
export const POWER_ITEM_STATUSES = { CURRENT: '现行', SUPERSEDED: '已被新清单替代' }

export const PROPOSAL_STATE_TYPES = { PROPOSED: 'warning', CONFIRMED: 'danger', DISMISSED: 'info' }
export const DUTY_STATUS_TYPES = { ACTIVE: 'success', RETIRED: 'info' }

/** The office of some jurisdiction (not a unit's or a department's account). */
export function isOffice() {
  const u = session.user
  return !!u && !u.unitCode && !u.departmentCode && (u.roles || []).some((r) => r === 'CITY_ADMIN' || r === 'COUNTY_ADMIN')
}

/** A similarity of 0–1 as a percentage. */
export function percent(x) {
  return x == null ? '—' : `${Math.round(Number(x) * 1000) / 10}%`
}

/** A score and its maximum, as the results show them. */
export function scoreText(score, max) {
  return `${score ?? '—'} / ${max ?? '—'}`
}

/**
 * An evaluation's indicator tree with its per-duty leaves (NodeScore.dutyId set) named after their duty, "职责N（type）：
 * text", the type from the campaign's duty leaves when given. The nodes are copied, never changed in place.
 */
export function withDuties(nodes, leaves = []) {
  const byCode = new Map((leaves || []).map((l) => [l.code, l]))
  return (nodes || []).map((n) => {
    const copy = { ...n, children: n.children?.length ? withDuties(n.children, leaves) : n.children }
    if (n.dutyId != null) {
      const leaf = byCode.get(n.code)
      const number = leaf?.dutyNumber ?? /-(\d+)$/.exec(n.code || '')?.[1] ?? ''
      const type = leaf?.dutyType ? `（${DUTY_TYPES[leaf.dutyType] || leaf.dutyType}）` : ''
      const full = leaf?.dutyText || (n.name || '').replace(/^职责\d+[：:]?/, '')
      const text = full.length > 40 ? full.slice(0, 39) + '…' : full
      copy.name = `职责${number}${type}${text ? '：' + text : ''}`
      copy.duty = leaf || null
    }
    return copy
  })
}

/** Whether an evaluation's tree has per-duty leaves (a duty-driven indicator expanded for the unit). */
export function hasDutyNodes(nodes) {
  return (nodes || []).some((n) => n.dutyId != null || hasDutyNodes(n.children))
}
