// What the dashboard and the leader's overview draw from a campaign's published results.
const GRADE_ORDER = ['优秀', '良好', '一般', '较差', '差']

export function gradeDistribution(results) {
  const counts = new Map()
  for (const r of results) counts.set(r.grade || '未定级', (counts.get(r.grade || '未定级') || 0) + 1)
  const names = [...counts.keys()].sort((a, b) => (GRADE_ORDER.indexOf(a) + 1 || 99) - (GRADE_ORDER.indexOf(b) + 1 || 99))
  return {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [{ type: 'pie', radius: ['40%', '68%'], data: names.map((n) => ({ name: n, value: counts.get(n) })), label: { formatter: '{b}：{c}' } }]
  }
}

export function ranking(results, count = 10) {
  const top = [...results].sort((a, b) => a.rank - b.rank).slice(0, count).reverse()
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: 100 },
    yAxis: { type: 'category', data: top.map((r) => r.unitName), axisLabel: { width: 120, overflow: 'truncate' } },
    series: [{ type: 'bar', data: top.map((r) => Number(r.total)), itemStyle: { color: '#cf1322' }, label: { show: true, position: 'right' } }]
  }
}

export function gapUnits(results) {
  return results.filter((r) => r.flagged)
}
