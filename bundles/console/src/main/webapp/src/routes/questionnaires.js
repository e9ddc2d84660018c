// Questionnaires: the office designs public evaluations and peer reviews, issues tokens, follows the answers; units answer
// their peer reviews.
export default [
  { path: 'questionnaires', component: () => import('../views/questionnaires/QuestionnairesView.vue'), meta: { title: '问卷调查', group: 'supervision', order: 20, roles: ['office'] } },
  { path: 'questionnaires/new', component: () => import('../views/questionnaires/QuestionnaireDesignView.vue'), meta: { title: '新建问卷', menu: '/questionnaires' } },
  { path: 'questionnaires/:id/design', component: () => import('../views/questionnaires/QuestionnaireDesignView.vue'), meta: { title: '修改问卷', menu: '/questionnaires' } },
  { path: 'questionnaires/:id', component: () => import('../views/questionnaires/QuestionnaireDetailView.vue'), meta: { title: '问卷详情', menu: '/questionnaires' } },
  { path: 'peer-reviews', component: () => import('../views/questionnaires/PeerReviewsView.vue'), meta: { title: '部门互评', group: 'supervision', order: 40, roles: ['UNIT_USER'] } }
]
