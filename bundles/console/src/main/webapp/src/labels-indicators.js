// Chinese labels of the indicator systems' codes (“核心+”监管指标体系), and the plain-language text of a scoring rule.

export const SYSTEM_STATUSES = { DRAFT: '草稿', PUBLISHED: '已发布', RETIRED: '已停用' }
export const STATUS_TYPES = { DRAFT: 'info', PUBLISHED: 'success', RETIRED: 'danger' }
export const AGGREGATIONS = { POINTS: '分值累加', PERCENT: '百分比权重' }
export const DIMENSIONS = { DUTY: '职责指标', CORROBORATION: '印证指标' }
/** The second-level indicator (category) under its first-level one (dimension). */
export const CATEGORY_DIMENSION = { CORE: 'DUTY', AUXILIARY: 'DUTY', PEER_REVIEW: 'CORROBORATION', PUBLIC_EVALUATION: 'CORROBORATION', PLATFORM_DATA: 'CORROBORATION' }
export const SCOPES = { COMMON: '共性指标', UNIT_SPECIFIC: '个性指标' }
export const ADJUSTMENT_KINDS = { BONUS: '加分项', DEDUCTION: '扣分项', VETO: '否决项' }
export const VETO_EFFECTS = { ZERO_TOTAL: '一票否决（总分计 0）', BAR_TOP_GRADE: '一票否优（不得评为最高等次）' }
export const RULE_TYPES = {
  DEDUCT_PER_OCCURRENCE: '按起数扣分',
  BONUS_PER_OCCURRENCE: '按起数加分',
  BANDS: '区间计分',
  LINEAR: '线性计分',
  RATIO: '比例计分',
  GRADE: '定性等次评定',
  STATE: '状态计分',
  VETO: '否决',
  CUSTOM: '自定义规则'
}
export const SEVERITIES = { ERROR: '错误', WARNING: '警告' }
export const COMBINES = { MEAN: '平均', TRIMMED_MEAN: '去掉最高最低后平均' }

/** A rule's kind in the words of its item: an adjustment that deducts counts its cases as deductions. */
export function ruleName(rule, adjustmentKind) {
  if (!rule) return ''
  if (adjustmentKind === 'DEDUCTION' && rule.type === 'BONUS_PER_OCCURRENCE') return '按起数扣分'
  return RULE_TYPES[rule.type] || rule.type
}

/** The fields a version diff names, by kind of node. */
export const DIFF_FIELDS = {
  name: '名称',
  year: '年度',
  unitKinds: '适用单位类型',
  aggregation: '计分方式',
  baseMax: '基础分满分',
  specificMax: '个性指标满分',
  bonusCap: '加分上限',
  deductionCap: '扣分上限',
  parent: '上级指标',
  weight: '权重/分值',
  category: '类别',
  scope: '共性/个性',
  assessmentPoints: '评估要点',
  evidence: '佐证材料',
  rule: '评分规则',
  kind: '类型',
  description: '说明',
  cap: '上限',
  vetoEffect: '否决效果'
}

/** The diff's name of the system-level node. */
export const SYSTEM_NODE = '(体系)'

/** What kind of input a rule reads in the rule tester. */
export function inputKind(rule) {
  switch (rule?.type) {
    case 'DEDUCT_PER_OCCURRENCE':
    case 'BONUS_PER_OCCURRENCE':
      return 'occurrences'
    case 'BANDS':
    case 'LINEAR':
    case 'RATIO':
    case 'CUSTOM':
      return 'value'
    case 'GRADE':
      return 'grades'
    case 'STATE':
      return 'state'
    case 'VETO':
      return 'triggered'
    default:
      return null
  }
}

export function qualitative(rule) {
  return rule?.type === 'GRADE'
}

function num(v) {
  return v == null ? '' : String(Number(v))
}

function band(b) {
  const lo = b.lower == null ? null : `${b.lowerInclusive ? '≥' : '＞'}${num(b.lower)}`
  const hi = b.upper == null ? null : `${b.upperInclusive ? '≤' : '＜'}${num(b.upper)}`
  return [lo, hi].filter(Boolean).join(' 且 ') || '任意值'
}

/** The rule's parameters in a line of Chinese (the office's own standard text is shown beside it). */
export function ruleParams(rule) {
  if (!rule) return ''
  switch (rule.type) {
    case 'DEDUCT_PER_OCCURRENCE':
      return rule.tiers?.length
        ? rule.tiers.map((t) => `${t.minCases}起及以上扣${num(t.deduction)}分`).join('；')
        : `每起扣${num(rule.points)}分，扣完为止`
    case 'BONUS_PER_OCCURRENCE':
      return `每起${num(rule.points)}分${rule.cap != null ? `，最多${num(rule.cap)}分` : ''}`
    case 'BANDS':
      return (rule.bands || []).map((b) => `${band(b)}：${rule.mode === 'DEDUCTION' ? '扣' : '得'}${num(b.value)}分`).join('；')
    case 'LINEAR':
      return `${num(rule.fromValue)}→${num(rule.fromScore)}分，${num(rule.toValue)}→${num(rule.toScore)}分，其间按比例`
    case 'RATIO':
      return `实际值÷目标值 ${num(rule.target)} × 满分${rule.cap != null ? `，最多${num(rule.cap)}分` : ''}`
    case 'GRADE':
    case 'STATE':
      return (rule.levels || []).map((l) => `${l.label}${num(l.score)}分`).join('、')
        + (rule.type === 'GRADE' ? `（${COMBINES[rule.combine] || '平均'}）` : '')
    case 'VETO':
      return '触发即生效'
    case 'CUSTOM':
      return `规则 ${rule.ruleId || '（未指定）'}` + (Object.keys(rule.params || {}).length
        ? '，参数 ' + Object.entries(rule.params).map(([k, v]) => `${k}=${v}`).join('，') : '')
    default:
      return ''
  }
}

/** A version's short name: 名称（年度，第 n 版，状态）. */
export function versionName(s) {
  if (!s) return ''
  return `${s.definition?.name || ''}（${s.definition?.year || ''}年，第${s.version}版，${SYSTEM_STATUSES[s.status] || s.status}）`
}
