// Reports and follow-up: official documents (公文), special reports to leaders with their instructions (监管专报、批示),
// and the tracked tasks the instructions and meeting decisions become (督办事项).
export default [
  { path: 'documents', component: () => import('../views/reports/DocumentsView.vue'), meta: { title: '公文', group: 'reports', order: 10, roles: ['office', 'LEADER', 'UNIT_USER', 'DEPARTMENT'] } },
  { path: 'special-reports', component: () => import('../views/reports/SpecialReportsView.vue'), meta: { title: '专题报告', group: 'reports', order: 20, roles: ['office', 'LEADER'] } },
  { path: 'special-reports/:id', component: () => import('../views/reports/SpecialReportView.vue'), meta: { title: '专题报告', menu: '/special-reports' } },
  { path: 'supervision-tasks', component: () => import('../views/reports/SupervisionTasksView.vue'), meta: { title: '督办任务', group: 'reports', order: 30, roles: ['office', 'LEADER', 'UNIT_USER', 'DEPARTMENT'] } }
]
