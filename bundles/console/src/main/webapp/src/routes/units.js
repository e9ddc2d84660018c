// Jurisdictions and units: the directory, mandates, staffing, history.
export default [
  { path: 'units', component: () => import('../views/UnitsView.vue'), meta: { title: '单位名录', group: 'base', order: 10, roles: ['office', 'LEADER'] } }
]
