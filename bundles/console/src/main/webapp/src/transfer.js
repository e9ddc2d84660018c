// Long work with the platform, shown as it goes: downloads (exports, generated documents) read as a stream with their
// progress, uploads (imports, evidence, bundles) sent with the browser's upload progress. Both carry the session's
// CSRF token like every other write, and turn a refusal into the API's problem body (ApiError).
import { reactive } from 'vue'
import { ApiError, BASE, request, session, sessionEnded } from './api.js'

/**
 * A transfer's state for TransferProgress.vue: phase 'idle' | 'waiting' (the server is working: generating, importing)
 * | 'receiving' | 'sending' | 'done' | 'failed'; percent when the size is known; elapsed seconds.
 */
export function transferState() {
  return reactive({ phase: 'idle', percent: null, loaded: 0, total: null, seconds: 0, label: '', error: null })
}

function start(state, label) {
  Object.assign(state, { phase: 'waiting', percent: null, loaded: 0, total: null, seconds: 0, label, error: null })
  const began = Date.now()
  const timer = setInterval(() => { state.seconds = Math.round((Date.now() - began) / 1000) }, 500)
  return () => clearInterval(timer)
}

function fileNameOf(response, fallback) {
  const disposition = response.headers.get('Content-Disposition') || ''
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition)
  if (star) return decodeURIComponent(star[1])
  const plain = /filename="?([^";]+)"?/i.exec(disposition)
  return plain ? plain[1] : fallback
}

/** Saves a blob under a name, as the browser's download. */
export function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/**
 * GETs (or POSTs, with a JSON body) a file and saves it, the progress in state; the name comes from the answer's
 * Content-Disposition, else fallbackName. Resolves with { name, size }; a refusal rejects with the ApiError (also in state.error).
 */
export async function download(state, path, { query, fallbackName = 'download', method = 'GET', body, label = '正在生成' } = {}) {
  const stop = start(state, label)
  try {
    // a file, not JSON: the API answers 406 (or picks a JSON method of the same path) when only JSON is acceptable
    const response = await request(method, path, { query, body, raw: true, accept: '*/*' })
    state.phase = 'receiving'
    const total = Number(response.headers.get('Content-Length')) || null
    state.total = total
    const reader = response.body.getReader()
    const chunks = []
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      chunks.push(value)
      state.loaded += value.length
      if (total) state.percent = Math.min(100, Math.round((state.loaded * 100) / total))
    }
    const blob = new Blob(chunks, { type: response.headers.get('Content-Type') || 'application/octet-stream' })
    const name = fileNameOf(response, fallbackName)
    saveBlob(blob, name)
    Object.assign(state, { phase: 'done', percent: 100 })
    return { name, size: blob.size }
  } catch (e) {
    Object.assign(state, { phase: 'failed', error: e })
    throw e
  } finally {
    stop()
  }
}

/**
 * POSTs (or PUTs) a file's bytes with the upload's progress in state, then waits for the server's answer (an import's
 * report, say) with the phase 'waiting'. Resolves with the parsed JSON answer; a refusal rejects with the ApiError.
 */
export function upload(state, path, file, { query, method = 'POST', label = '正在上传' } = {}) {
  const stop = start(state, label)
  state.phase = 'sending'
  state.total = file.size
  const url = new URL(BASE + path, window.location.origin)
  for (const [k, v] of Object.entries(query || {})) {
    if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, v)
  }
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open(method, url)
    xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest')
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json')
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream')
    if (session.csrf) xhr.setRequestHeader('X-CSRF-Token', session.csrf)
    xhr.upload.onprogress = (e) => {
      state.loaded = e.loaded
      if (e.lengthComputable) state.percent = Math.round((e.loaded * 100) / e.total)
    }
    xhr.upload.onload = () => {
      state.phase = 'waiting'
      state.label = '平台正在处理'
    }
    const fail = (error) => {
      stop()
      Object.assign(state, { phase: 'failed', error })
      reject(error)
    }
    xhr.onerror = () => fail(new ApiError(0, { title: '网络错误', detail: '无法连接平台，请检查网络后重试' }))
    xhr.onload = () => {
      let data = null
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null
      } catch (e) {
        data = null
      }
      if (xhr.status === 401) sessionEnded()
      if (xhr.status < 200 || xhr.status >= 300) {
        // the answer's body stays on the error too: a refused batch's 422 carries its per-row report, not a problem
        fail(Object.assign(new ApiError(xhr.status, data), { body: data }))
        return
      }
      stop()
      Object.assign(state, { phase: 'done', percent: 100 })
      resolve(data)
    }
    xhr.send(file)
  })
}
