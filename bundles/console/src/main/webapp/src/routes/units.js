// Jurisdictions and units: the directory, mandates, staffing, history; create, edit, status changes, Excel import and export.
export default [
  { path: 'units', component: () => import('../views/UnitsView.vue'), meta: { title: '单位名录', group: 'base', order: 10, roles: ['office', 'LEADER'] } },
  { path: 'units/new', component: () => import('../views/units/UnitFormView.vue'), meta: { title: '新增单位', menu: '/units' } },
  { path: 'units/import', component: () => import('../views/units/UnitImportView.vue'), meta: { title: '导入单位', menu: '/units' } },
  { path: 'units/:id(\\d+)', component: () => import('../views/units/UnitDetailView.vue'), meta: { title: '单位详情', menu: '/units' } },
  { path: 'units/:id(\\d+)/edit', component: () => import('../views/units/UnitFormView.vue'), meta: { title: '修改单位', menu: '/units' } }
]
