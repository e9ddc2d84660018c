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
 * An evaluation's indicator tree with its per-duty leaves (NodeScore.dutyId set) named after their duty: "职责N" and,
 * when the campaign's duty leaves give it, the duty's type. The nodes are copied, never changed in place.
 */
export function withDuties(nodes, leaves = []) {
  const byDuty = new Map(leaves.map((l) => [`${l.code}`, l]))
  const byId = new Map(leaves.map((l) => [l.dutyId, l]))
  return (nodes || []).map((n) => {
    const copy = { ...n, children: n.children?.length ? withDuties(n.children, leaves) : n.children }
    if (n.dutyId != null) {
      const leaf = byDuty.get(n.code) || byId.get(n.dutyId)
      const number = leaf?.dutyNumber ?? /-(\d+)$/.exec(n.code || '')?.[1]
      const type = leaf?.dutyType ? `（${DUTY_TYPES[leaf.dutyType] || leaf.dutyType}）` : ''
      copy.name = `职责${number ?? ''}${type}${leaf?.dutyText ? '：' + leaf.dutyText : n.name ? '：' + n.name : ''}`
      copy.duty = leaf || { dutyId: n.dutyId }
    }
    return copy
  })
}
