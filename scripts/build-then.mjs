// `node scripts/build-then.mjs <script.ts> [args…]`: builds the app, then runs a TypeScript script
// that drives the built renderer in the harness (`npm run shot`, `npm run bench:ui`). With
// EXPORTSCOPE_RENDERER_DIR=/x/renderer it builds into /x instead of ./out (parallel work).
import { spawnSync } from 'node:child_process'
import { dirname } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname
const step = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' })
  if (r.status !== 0) process.exit(r.status ?? 1)
}
const [script, ...args] = process.argv.slice(2)
if (!script) {
  console.error('usage: node scripts/build-then.mjs <script.ts> [args…]')
  process.exit(2)
}
const rendererDir = process.env.EXPORTSCOPE_RENDERER_DIR
step(bin('electron-vite'), ['build', ...(rendererDir ? ['--outDir', dirname(rendererDir)] : [])])
step(bin('tsx'), [script, ...args])
