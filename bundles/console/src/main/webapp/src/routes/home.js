// The first pages of the office and of leaders.
export default [
  { path: 'dashboard', component: () => import('../views/DashboardView.vue'), meta: { title: '工作台', group: 'home', order: 10, roles: ['office'] } },
  { path: 'overview', component: () => import('../views/OverviewView.vue'), meta: { title: '结果总览', group: 'home', order: 20, roles: ['LEADER'] } }
]
