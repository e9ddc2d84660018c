// Cooperation with the departments (referrals, shares), joint meetings and the comprehensive assessment link.
export default [
  { path: 'cooperation', component: () => import('../views/cooperation/CooperationView.vue'), meta: { title: '协作部门', group: 'reports', order: 40, roles: ['office'] } },
  { path: 'cooperation-inbox', component: () => import('../views/cooperation/InboxView.vue'), meta: { title: '协作事项', group: 'home', order: 30, roles: ['DEPARTMENT'] } },
  { path: 'meetings', component: () => import('../views/cooperation/MeetingsView.vue'), meta: { title: '联席会议', group: 'reports', order: 50, roles: ['office', 'LEADER', 'DEPARTMENT'] } },
  { path: 'meetings/:id', component: () => import('../views/cooperation/MeetingView.vue'), meta: { title: '联席会议详情', menu: '/meetings' } },
  { path: 'assessment', component: () => import('../views/cooperation/AssessmentView.vue'), meta: { title: '综合考核', group: 'results', order: 60, roles: ['office', 'LEADER'] } }
]
