// Chinese labels of the platform-data, contribution-bundle, scheduler and audit codes.
export const AGGREGATIONS = { SUM: '合计', MEAN: '平均', MIN: '最小值', MAX: '最大值', COUNT: '行数（计件）' }
export const BATCH_STATUSES = { APPLIED: '已入库', DUPLICATE: '重复提交（未重复入库）', REJECTED: '整批退回' }
export const FEED_OUTCOMES = { RUNNING: '运行中', SUCCEEDED: '成功', DUPLICATE: '重复（未重复入库）', FAILED: '失败' }
export const FEED_OUTCOME_TYPES = { RUNNING: 'info', SUCCEEDED: 'success', DUPLICATE: 'warning', FAILED: 'danger' }
export const CHANNELS = { REST: '接口', SOAP: 'SOAP 接口', FEED: '定时拉取', SHELL: '命令行', rest: '上传', deploy: '部署目录', boot: '随平台启动', shell: '命令行' }
export const CONTRIBUTION_STATES = { ACTIVE: '已启用', REJECTED: '已拒绝', SUPERSEDED: '已被新版本取代', UNINSTALLED: '已卸载' }
export const CONTRIBUTION_STATE_TYPES = { ACTIVE: 'success', REJECTED: 'danger', SUPERSEDED: 'info', UNINSTALLED: 'info' }
export const CONTRIBUTION_EVENTS = { INSTALLED: '安装', UPDATED: '更新', REFUSED: '拒绝', UNINSTALLED: '卸载' }
export const CONTRIBUTION_EVENT_TYPES = { INSTALLED: 'success', UPDATED: 'primary', REFUSED: 'danger', UNINSTALLED: 'info' }
export const PASSES = { 'campaign-deadlines': '监管活动期限检查', 'task-deadlines': '任务期限与催报', 'rectification-deadlines': '整改期限检查', 'warning-rules': '预警规则检查' }
export const AUDIT_ACTIONS = { WRITE: '写操作', LOGIN_SUCCEEDED: '登录成功', LOGIN_FAILED: '登录失败' }
export const AUDIT_OUTCOMES = { SUCCEEDED: '成功', REFUSED: '被拒绝', FAILED: '出错' }
export const HTTP_METHODS = { POST: '新增', PUT: '修改', PATCH: '修改', DELETE: '删除', GET: '查询' }

/** The outcome of an HTTP status, as the audit log files it. */
export function auditOutcome(status) {
  if (status >= 200 && status < 400) return 'SUCCEEDED'
  if (status >= 400 && status < 500) return 'REFUSED'
  return 'FAILED'
}

/** Milliseconds as a short Chinese duration. */
export function duration(ms) {
  if (ms == null) return ''
  if (ms < 1000) return `${ms} 毫秒`
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} 秒`
  return `${Math.floor(ms / 60_000)} 分 ${Math.round((ms % 60_000) / 1000)} 秒`
}

/** What the first part of an audited resource path is about. */
export const RESOURCE_AREAS = {
  accountability: '问责', assessment: '考核', audit: '审计日志', campaigns: '监管活动', contributions: '贡献包', cooperation: '部门协作',
  'criticism-notices': '通报', documents: '公文', findings: '问题清单', inbox: '消息', 'indicator-systems': '指标体系',
  jurisdictions: '行政区划与单位', meetings: '联席会议', 'platform-data': '平台数据', proposals: '建议', questionnaires: '问卷',
  rectifications: '整改', scheduler: '定时任务', 'special-reports': '监管专报', tasks: '任务', units: '单位', warnings: '预警', session: '登录会话'
}

/** The area of an audited resource (a path template such as /v1/campaigns/{id}/inputs, or a SOAP operation or shell command). */
export function resourceArea(resource) {
  const m = /^\/?v1\/([^/]+)/.exec(resource || '')
  return m ? RESOURCE_AREAS[m[1]] || m[1] : ''
}
