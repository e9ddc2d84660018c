// How an indicator input reads in Chinese.
export function describeInput(input) {
  if (!input) return ''
  const parts = []
  if (input.value != null) parts.push(`数值 ${input.value}`)
  if (input.occurrences != null) parts.push(`${input.occurrences} 次`)
  if (input.state) parts.push(`状态 ${input.state}`)
  if (input.triggered != null) parts.push(input.triggered ? '触发' : '未触发')
  for (const g of input.grades || []) parts.push(`${g.evaluator || ''} 评定“${g.label}”：${g.justification || ''}`)
  if (input.source) parts.push(`来源 ${input.source}`)
  return parts.join('，')
}

/** The leaves of an indicator tree, with their path. */
export function leaves(indicators, out = []) {
  for (const n of indicators || []) {
    if (n.children?.length) leaves(n.children, out)
    else out.push(n)
  }
  return out
}

/** What a unit enters for a rule: a figure, a count of cases, a named state, or whether a veto applies. */
export function inputKind(rule) {
  switch (rule?.type) {
    case 'DEDUCT_PER_OCCURRENCE':
    case 'BONUS_PER_OCCURRENCE':
      return 'occurrences'
    case 'STATE':
      return 'state'
    case 'VETO':
      return 'triggered'
    case 'GRADE':
      return 'grade'
    default:
      return 'value'
  }
}

export function inputOf(kind, form) {
  switch (kind) {
    case 'occurrences':
      return { occurrences: form.occurrences }
    case 'state':
      return { state: form.state }
    case 'triggered':
      return { triggered: !!form.triggered }
    default:
      return { value: form.value }
  }
}
