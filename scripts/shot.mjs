// `npm run shot -- [archive] [out-dir]`: builds, then photographs each main screen in the harness.
import { spawnSync } from 'node:child_process'

const root = new URL('..', import.meta.url).pathname
const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname
const step = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' })
  if (r.status !== 0) process.exit(r.status ?? 1)
}
step(bin('electron-vite'), ['build'])
step(bin('tsx'), ['e2e/shot.ts', ...process.argv.slice(2)])
