// The use of results: findings, rectification, warnings, establishment proposals, escalations; everyone's inbox.
export default [
  { path: 'findings', component: () => import('../views/FindingsView.vue'), meta: { title: '问题清单', group: 'results', order: 10, roles: ['office', 'LEADER', 'UNIT_USER'] } },
  { path: 'findings/:id', component: () => import('../views/ledgers/FindingDetailView.vue'), meta: { title: '问题详情', menu: '/findings' } },
  { path: 'rectifications', component: () => import('../views/RectificationsView.vue'), meta: { title: '整改台账', group: 'results', order: 20, roles: ['office', 'LEADER', 'UNIT_USER'] } },
  { path: 'rectifications/:id', component: () => import('../views/ledgers/RectificationDetailView.vue'), meta: { title: '整改通知', menu: '/rectifications' } },
  { path: 'warnings', component: () => import('../views/WarningsView.vue'), meta: { title: '预警台账', group: 'results', order: 30, roles: ['office', 'LEADER', 'UNIT_USER'] } },
  { path: 'escalations', component: () => import('../views/ledgers/EscalationsView.vue'), meta: { title: '约谈与通报批评', group: 'results', order: 40, roles: ['office', 'LEADER'] } },
  { path: 'proposals', component: () => import('../views/ledgers/ProposalsView.vue'), meta: { title: '机构编制建议', group: 'results', order: 50, roles: ['office', 'LEADER'] } },
  { path: 'inbox', component: () => import('../views/ledgers/InboxView.vue'), meta: { title: '消息', group: 'personal', order: 10, roles: ['office', 'LEADER', 'UNIT_USER', 'EVALUATOR', 'DEPARTMENT'] } }
]
