import { createRouter, createWebHistory } from 'vue-router'
import { loadSession, session, whenUnauthorized } from './api.js'
import { homeOf, menusFor } from './labels.js'
import LoginView from './views/LoginView.vue'
import LayoutView from './views/LayoutView.vue'

// pages load on demand: the login page alone is what a first visit downloads
export const router = createRouter({
  history: createWebHistory('/console/'),
  routes: [
    { path: '/login', component: LoginView, meta: { public: true } },
    {
      path: '/',
      component: LayoutView,
      children: [
        // the user's home page is decided in the guard below, once the session is known (a redirect here would run before it)
        { path: '', component: () => import('./views/WelcomeView.vue'), meta: { home: true } },
        { path: 'welcome', component: () => import('./views/WelcomeView.vue'), meta: { title: '首页' } },
        { path: 'dashboard', component: () => import('./views/DashboardView.vue'), meta: { title: '工作台' } },
        { path: 'overview', component: () => import('./views/OverviewView.vue'), meta: { title: '结果总览' } },
        { path: 'units', component: () => import('./views/UnitsView.vue'), meta: { title: '单位名录' } },
        { path: 'campaigns', component: () => import('./views/CampaignsView.vue'), meta: { title: '监管活动' } },
        { path: 'campaigns/:id/results', component: () => import('./views/ResultsView.vue'), meta: { title: '评估结果', menu: '/campaigns' } },
        { path: 'tasks', component: () => import('./views/TasksView.vue'), meta: { title: '我的填报' } },
        { path: 'grading', component: () => import('./views/GradingView.vue'), meta: { title: '专家评分' } },
        { path: 'findings', component: () => import('./views/FindingsView.vue'), meta: { title: '问题清单' } },
        { path: 'rectifications', component: () => import('./views/RectificationsView.vue'), meta: { title: '整改台账' } },
        { path: 'warnings', component: () => import('./views/WarningsView.vue'), meta: { title: '预警台账' } }
      ]
    },
    { path: '/:pathMatch(.*)*', redirect: '/' }
  ]
})

let checked = false
router.beforeEach(async (to) => {
  if (!checked) {
    checked = true
    await loadSession()
  }
  if (to.meta.public) {
    return session.user ? homeOf(session.user) : true
  }
  if (!session.user) {
    return { path: '/login', query: to.meta.home ? {} : { redirect: to.fullPath } }
  }
  if (to.meta.home) {
    return homeOf(session.user)
  }
  // a page outside the user's menus goes to their home page (the API would refuse its data anyway)
  const allowed = menusFor(session.user).map((m) => m.path)
  const menu = to.meta.menu || to.path
  if (to.meta.title && to.path !== '/welcome' && !allowed.includes(menu)) {
    return homeOf(session.user)
  }
  return true
})

router.afterEach((to) => {
  document.title = (to.meta.title ? to.meta.title + ' - ' : '') + '机构编制监督平台'
})

whenUnauthorized(() => {
  const current = router.currentRoute.value
  if (!current.meta.public) {
    router.replace({ path: '/login', query: { redirect: current.fullPath, expired: '1' } })
  }
})
