// Precompresses the built assets (gzip and brotli, maximum level) so the platform serves them without compressing per request.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const root = process.argv[2] || 'dist'
const compressible = /\.(js|css|html|svg|json|txt|map)$/
let raw = 0, br = 0, files = 0

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) { walk(path); continue }
    if (!compressible.test(name)) continue
    const data = readFileSync(path)
    const brotli = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } })
    writeFileSync(path + '.br', brotli)
    writeFileSync(path + '.gz', gzipSync(data, { level: 9 }))
    raw += data.length; br += brotli.length; files++
  }
}
walk(root)
console.log(`compressed ${files} files: ${(raw / 1024).toFixed(0)} KiB raw, ${(br / 1024).toFixed(0)} KiB brotli`)
