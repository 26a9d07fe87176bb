// `node scripts/build-then.mjs [--bundled] <script.ts> [args…]`: builds the app, then runs a
// TypeScript script that drives the built renderer in the harness (`npm run shot`, `npm run bench:ui`).
// With EXPORTSCOPE_RENDERER_DIR=/x/renderer it builds into /x instead of ./out (parallel work).
// `--bundled` bundles the script with the engine it imports into the built main folder (as
// <name>.bench.cjs beside out/main/index.js, where the engine finds its worker and tables) and runs
// that with node, so the engine runs as one bundle as in the app rather than file by file under tsx.
import { spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname
const step = (cmd, args, env) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: env ?? process.env })
  if (r.status !== 0) process.exit(r.status ?? 1)
}
const argv = process.argv.slice(2)
const bundled = argv[0] === '--bundled'
const [script, ...args] = bundled ? argv.slice(1) : argv
if (!script) {
  console.error('usage: node scripts/build-then.mjs [--bundled] <script.ts> [args…]')
  process.exit(2)
}
const rendererDir = process.env.EXPORTSCOPE_RENDERER_DIR
step(bin('electron-vite'), ['build', ...(rendererDir ? ['--outDir', dirname(rendererDir)] : [])])
if (bundled) {
  const outDir = rendererDir ? dirname(rendererDir) : join(root, 'out')
  const file = join(outDir, 'main', `${basename(script).replace(/\.ts$/, '')}.bench.cjs`)
  // The bundle goes again after its run: left in out/main, the built CLI's tests would find a file the build never makes.
  try {
    step(bin('esbuild'), [script, '--bundle', '--platform=node', '--format=cjs', '--packages=external', `--outfile=${file}`, '--log-level=warning'])
    const r = spawnSync(process.execPath, [file, ...args], { cwd: root, stdio: 'inherit', env: { ...process.env, EXPORTSCOPE_RENDERER_DIR: rendererDir ?? join(outDir, 'renderer') } })
    process.exitCode = r.status ?? 1
  } finally {
    rmSync(file, { force: true })
  }
} else step(bin('tsx'), [script, ...args])
