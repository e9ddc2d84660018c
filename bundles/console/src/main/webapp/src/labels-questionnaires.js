// Chinese labels of the questionnaire codes (部门互评、社会评议).
export const QUESTIONNAIRE_KINDS = { PEER_REVIEW: '部门互评', PUBLIC_EVALUATION: '社会评议' }
export const QUESTIONNAIRE_STATES = { DRAFT: '草稿', OPEN: '发放中', CLOSED: '已结束' }
export const QUESTIONNAIRE_STATE_TYPES = { DRAFT: 'info', OPEN: 'success', CLOSED: 'warning' }
export const QUESTION_TYPES = { SATISFACTION: '满意度（五级）', RATING: '评分（1–5 星）', TEXT: '文字（意见建议）' }
export const QUESTION_SCALES = {
  SATISFACTION: '非常满意 5、满意 4、基本满意 3、不满意 2、非常不满意 1',
  RATING: '1 至 5 星',
  TEXT: '不计分'
}
export const SATISFACTION_LEVELS = [
  { level: 5, label: '非常满意' },
  { level: 4, label: '满意' },
  { level: 3, label: '基本满意' },
  { level: 2, label: '不满意' },
  { level: 1, label: '非常不满意' }
]
export const CONVERSIONS = {
  SATISFACTION_RATE: '满意率（非常满意+满意）÷ 有效回答 × 100',
  MEAN_SCORE: '平均分（等级 × 20 的平均值）'
}
export const CHANNELS = { PEER: '部门互评', TOKEN: '一次性填写码', OPEN_LINK: '公开链接' }
export const OUTLIER_DECISIONS = { PENDING: '待处理', ACCEPTED: '已采信', EXCLUDED: '已剔除' }
export const OUTLIER_DECISION_TYPES = { PENDING: 'danger', ACCEPTED: 'success', EXCLUDED: 'info' }

/** The level of an answer in words. */
export function answerText(question, answer) {
  if (!answer) return '未答'
  if (question?.type === 'TEXT') return answer.text || ''
  if (question?.type === 'SATISFACTION') return SATISFACTION_LEVELS.find((l) => l.level === answer.level)?.label || String(answer.level)
  return `${answer.level} 星`
}

/** The public answering page of a shared link (the tokens' links come from the API). */
export function openLinkUrl(key) {
  return `${window.location.origin}/services/api/v1/questionnaires/public/page?l=${encodeURIComponent(key)}`
}
