// A JSON request that makes the server work for a while (generating a document), shown in a TransferProgress state as
// 'waiting' with its seconds, then 'done' or 'failed' like the transfers of ../../transfer.js.
import { request } from '../../api.js'

export async function working(state, label, method, path, { body, query } = {}) {
  Object.assign(state, { phase: 'waiting', percent: null, loaded: 0, total: null, seconds: 0, label, error: null })
  const began = Date.now()
  const timer = setInterval(() => { state.seconds = Math.round((Date.now() - began) / 1000) }, 500)
  try {
    const answer = await request(method, path, { body, query })
    Object.assign(state, { phase: 'done', percent: 100, seconds: Math.round((Date.now() - began) / 1000) })
    return answer
  } catch (e) {
    Object.assign(state, { phase: 'failed', error: e })
    throw e
  } finally {
    clearInterval(timer)
  }
}

/** The caller is a city or county office (not a unit, department or leader). */
export function isOffice(user) {
  return (user?.roles || []).some((r) => r === 'CITY_ADMIN' || r === 'COUNTY_ADMIN') && !user?.unitCode && !user?.departmentCode
}
