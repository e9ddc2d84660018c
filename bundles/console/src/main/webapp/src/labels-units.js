// Labels of the units area (jurisdictions, units, mandates, staffing, history).
export { UNIT_KINDS, UNIT_STATUSES } from './labels.js'

export const UNIT_CHANGES = { CREATED: '新增', UPDATED: '修改', STATUS_CHANGED: '状态变更', IMPORTED: 'Excel 导入' }
export const IMPORT_MODES = { UPSERT: '新增并更新（按单位编码）', CREATE_MISSING: '只新增，已有单位不变' }
export const IMPORT_OUTCOMES = { created: '新增', updated: '更新', unchanged: '未变化' }
export const STATUS_TYPES = { ACTIVE: 'success', MERGED: 'warning', ABOLISHED: 'info' }
export const STAFFING_CATEGORIES = [
  { key: 'administrative', label: '行政编制', approved: 'administrativeSlots', actual: 'administrativeStaff' },
  { key: 'institutional', label: '事业编制', approved: 'institutionalSlots', actual: 'institutionalStaff' },
  { key: 'leadership', label: '领导职数', approved: 'leadershipPosts', actual: 'leadershipPostsFilled' }
]
