// `npm run bench:ui`: builds the renderer (into ./out, or next to EXPORTSCOPE_RENDERER_DIR), then
// measures the review screen in the harness (bench/ui/index.ts).
import { spawnSync } from 'node:child_process'
import { dirname } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname
const step = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' })
  if (r.status !== 0) process.exit(r.status ?? 1)
}
const rendererDir = process.env.EXPORTSCOPE_RENDERER_DIR
step(bin('electron-vite'), ['build', ...(rendererDir ? ['--outDir', dirname(rendererDir)] : [])])
step(bin('tsx'), ['bench/ui/index.ts', ...process.argv.slice(2)])
