// Supervision campaigns: plans, collection, review, results; the unit's self-reports and results; the evaluator's grading.
export default [
  { path: 'campaigns', component: () => import('../views/CampaignsView.vue'), meta: { title: '监管活动', group: 'supervision', order: 10, roles: ['office', 'LEADER'] } },
  { path: 'campaigns/new', component: () => import('../views/campaigns/CampaignWizard.vue'), meta: { title: '新建监管活动', menu: '/campaigns' } },
  { path: 'campaigns/:id(\\d+)', component: () => import('../views/campaigns/CampaignDetail.vue'), meta: { title: '监管活动详情', menu: '/campaigns' } },
  { path: 'campaigns/:id(\\d+)/edit', component: () => import('../views/campaigns/CampaignWizard.vue'), meta: { title: '修改监管活动计划', menu: '/campaigns' } },
  { path: 'campaigns/:id(\\d+)/results', component: () => import('../views/ResultsView.vue'), meta: { title: '评估结果', menu: '/campaigns' } },
  { path: 'tasks', component: () => import('../views/TasksView.vue'), meta: { title: '我的填报', group: 'supervision', order: 30, roles: ['UNIT_USER'] } },
  { path: 'my-results', component: () => import('../views/campaigns/MyResultsView.vue'), meta: { title: '我的结果', group: 'supervision', order: 35, roles: ['UNIT_USER'] } },
  { path: 'grading', component: () => import('../views/GradingView.vue'), meta: { title: '专家评分', group: 'supervision', order: 50, roles: ['EVALUATOR'] } }
]
