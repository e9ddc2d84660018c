// Supervision campaigns: plans, collection, review, results; the unit's self-reports; the evaluator's grading.
export default [
  { path: 'campaigns', component: () => import('../views/CampaignsView.vue'), meta: { title: '监管活动', group: 'supervision', order: 10, roles: ['office', 'LEADER'] } },
  { path: 'campaigns/:id/results', component: () => import('../views/ResultsView.vue'), meta: { title: '评估结果', menu: '/campaigns' } },
  { path: 'tasks', component: () => import('../views/TasksView.vue'), meta: { title: '我的填报', group: 'supervision', order: 30, roles: ['UNIT_USER'] } },
  { path: 'grading', component: () => import('../views/GradingView.vue'), meta: { title: '专家评分', group: 'supervision', order: 50, roles: ['EVALUATOR'] } }
]
