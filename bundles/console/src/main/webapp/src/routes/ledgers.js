// The use of results: findings, rectification and warnings ledgers.
export default [
  { path: 'findings', component: () => import('../views/FindingsView.vue'), meta: { title: '问题清单', group: 'results', order: 10, roles: ['office', 'LEADER', 'UNIT_USER'] } },
  { path: 'rectifications', component: () => import('../views/RectificationsView.vue'), meta: { title: '整改台账', group: 'results', order: 20, roles: ['office', 'LEADER', 'UNIT_USER'] } },
  { path: 'warnings', component: () => import('../views/WarningsView.vue'), meta: { title: '预警台账', group: 'results', order: 30, roles: ['office', 'LEADER', 'UNIT_USER'] } }
]
