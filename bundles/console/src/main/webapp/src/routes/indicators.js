// Indicator systems (“核心+”监管指标体系): versions, the indicator tree with its rules, validation, diffs, the rule tester.
// Offices administer them in their scope; leaders read them (Access: READ_SYSTEMS / MANAGE_SYSTEMS).
export default [
  { path: 'indicators', component: () => import('../views/indicators/IndicatorSystemsView.vue'), meta: { title: '指标体系', group: 'base', order: 20, roles: ['office', 'LEADER'] } },
  { path: 'indicators/diff', component: () => import('../views/indicators/IndicatorDiffView.vue'), meta: { title: '版本比较', menu: '/indicators' } },
  { path: 'indicators/:id', component: () => import('../views/indicators/IndicatorSystemView.vue'), meta: { title: '指标体系详情', menu: '/indicators' } }
]
