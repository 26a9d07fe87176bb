// `npx tsx bench/audio/cache-first-put.ts`: the peaks cache's first put of a window into a full cache
// (31,000 files of 8.1 KB under .tmp/, made here and removed after), which measures the folder's
// total: its wall time and the event loop's longest block (a 2 ms timer's lateness). Asserts nothing.
import { mkdirSync, writeFileSync, rmSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { loadavg } from 'node:os'
import { PeaksCache } from '../../src/core/audio/cache'
const dir = '.tmp/cache-31k'
rmSync(dir, { recursive: true, force: true })
mkdirSync(dir, { recursive: true })
for (let i = 0; i < 31000; i++) writeFileSync(`${dir}/${createHash('sha256').update('' + i).digest('hex').slice(0, 40)}.peaks`, Buffer.alloc(8100))
async function main() {
  for (let k = 0; k < 3; k++) {
    const cache = new PeaksCache(dir)
    let last = performance.now(), worst = 0
    const tick = setInterval(() => { const now = performance.now(); worst = Math.max(worst, now - last - 2); last = now }, 2)
    const t = performance.now()
    await cache.put({ fingerprint: 'f', path: `x${k}.wav`, size: 1, crc32: 1, buckets: 2000 }, { status: 'error', error: 'x' })
    clearInterval(tick)
    console.log(`first put into 31,000 files: ${(performance.now() - t).toFixed(0)} ms wall, longest loop block ${worst.toFixed(0)} ms, load ${loadavg()[0]!.toFixed(1)}`)
  }
  rmSync(dir, { recursive: true, force: true })
}
void main()
