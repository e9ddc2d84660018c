import { createRouter, createWebHistory } from 'vue-router'
import { loadSession, session, whenUnauthorized } from './api.js'
import { homeOf, menusFor } from './labels.js'
import { AREA_ROUTES } from './routes.js'
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
        ...AREA_ROUTES
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
  const allowed = menusFor(session.user).flatMap((g) => g.items).map((m) => m.path)
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
