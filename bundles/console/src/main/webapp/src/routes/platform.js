// Platform data (hotline and other partner systems' figures), contribution bundles, the daily passes and the audit log.
export default [
  { path: 'platform-data', component: () => import('../views/platform/PlatformDataView.vue'), meta: { title: '平台数据', group: 'base', order: 30, roles: ['office'] } },
  { path: 'contributions', component: () => import('../views/platform/ContributionsView.vue'), meta: { title: '扩展包', group: 'base', order: 40, roles: ['office'] } },
  { path: 'scheduler-runs', component: () => import('../views/platform/PassRunsView.vue'), meta: { title: '定时任务', group: 'base', order: 50, roles: ['CITY_ADMIN'] } },
  { path: 'audit', component: () => import('../views/platform/AuditView.vue'), meta: { title: '操作日志', group: 'base', order: 60, roles: ['office'] } }
]
