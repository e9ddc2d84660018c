// The platform's REST API, with the console session: the HttpOnly cookie travels by itself, the CSRF token (kept in memory
// only, never in storage) goes with every write; a 401 sends the user back to the login page.
import { reactive } from 'vue'

export const BASE = '/services/api'

export const session = reactive({ user: null, csrf: null, expired: false })

let onUnauthorized = () => {}
export function whenUnauthorized(handler) {
  onUnauthorized = handler
}

/** The session is gone (a 401): forget it and go to the login page, saying why. */
export function sessionEnded() {
  session.user = null
  session.csrf = null
  session.expired = true
  onUnauthorized()
}

/** An API problem body (RFC 7807): status, title, detail and per-field errors. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `请求失败（${status}）`)
    this.status = status
    this.title = problem?.title || '请求失败'
    this.detail = problem?.detail || ''
    this.errors = Array.isArray(problem?.errors) ? problem.errors : []
  }

  /** The message for one field (exact name or nested under it, e.g. plan.title or rows[0].x), or null. */
  field(name) {
    const hit = this.errors.find((e) => e.field === name || e.field?.startsWith(name + '.') || e.field?.startsWith(name + '['))
    return hit ? hit.message : null
  }
}

const WRITES = new Set(['POST', 'PUT', 'DELETE', 'PATCH'])

export async function request(method, path, { body, query, raw, contentType, withTotal, accept } = {}) {
  const url = new URL(BASE + path, window.location.origin)
  for (const [k, v] of Object.entries(query || {})) {
    if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, v)
  }
  const headers = { 'X-Requested-With': 'XMLHttpRequest', Accept: accept || 'application/json, application/problem+json' }
  if (WRITES.has(method) && session.csrf) headers['X-CSRF-Token'] = session.csrf
  let payload
  if (body instanceof Blob || body instanceof ArrayBuffer) {
    payload = body
    headers['Content-Type'] = contentType || 'application/octet-stream'
  } else if (body !== undefined) {
    payload = JSON.stringify(body)
    headers['Content-Type'] = 'application/json'
  }
  let response
  try {
    response = await fetch(url, { method, headers, body: payload, credentials: 'same-origin' })
  } catch (e) {
    throw new ApiError(0, { title: '网络错误', detail: '无法连接平台，请检查网络后重试' })
  }
  if (response.status === 401 && path !== '/v1/session') sessionEnded()
  if (!response.ok) {
    let problem = null
    try {
      problem = await response.json()
    } catch (e) {
      problem = null
    }
    throw new ApiError(response.status, problem)
  }
  if (raw) return response
  if (response.status === 204) return null
  const text = await response.text()
  const data = text ? JSON.parse(text) : null
  if (!withTotal) return data
  const total = response.headers.get('X-Total-Count')
  return { items: data, total: total === null ? (Array.isArray(data) ? data.length : 0) : Number(total) }
}

export const api = {
  get: (path, query) => request('GET', path, { query }),
  post: (path, body, query) => request('POST', path, { body, query }),
  put: (path, body) => request('PUT', path, { body }),
  del: (path) => request('DELETE', path),
  upload: (path, file, query) => request('POST', path, { body: file, query, contentType: file.type || 'application/octet-stream' }),
  /** Every page of a paged listing (X-Total-Count), for tables that sort and filter in the browser. */
  async all(path, query = {}) {
    const limit = 500
    let offset = 0
    const items = []
    for (;;) {
      const page = await request('GET', path, { query: { ...query, offset, limit }, withTotal: true })
      items.push(...page.items)
      offset += page.items.length
      if (page.items.length === 0 || offset >= page.total) return items
    }
  }
}

export async function loadSession() {
  try {
    const me = await request('GET', '/v1/session')
    session.user = me?.authenticated ? me : null
    session.csrf = me?.authenticated ? me.csrfToken || null : null
  } catch (e) {
    session.user = null
    session.csrf = null
  }
  return session.user
}

export async function login(username, password) {
  const me = await request('POST', '/v1/session', { body: { username, password } })
  session.user = me
  session.csrf = me.csrfToken
  session.expired = false
  return me
}

export async function logout() {
  try {
    await request('DELETE', '/v1/session')
  } finally {
    session.user = null
    session.csrf = null
  }
}
