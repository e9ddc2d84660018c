// The duty layer: units' main duties as records and their power and responsibility lists (权责清单), which duties
// supervision assessed (coverage, art. 13), and the overlaps and gaps between units' duties (职责交叉与空白).
export default [
  { path: 'duties', component: () => import('../views/duties/DutiesView.vue'), meta: { title: '职责清单', group: 'base', order: 15, roles: ['office', 'LEADER'] } },
  { path: 'duty-coverage', component: () => import('../views/duties/CoverageView.vue'), meta: { title: '职责覆盖', group: 'supervision', order: 15, roles: ['office', 'LEADER'] } },
  { path: 'duty-analysis', component: () => import('../views/duties/AnalysisView.vue'), meta: { title: '职责交叉与空白', group: 'results', order: 55, roles: ['office', 'LEADER'] } }
]
