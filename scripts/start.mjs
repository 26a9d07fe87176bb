// `npm start`, `npm run dev`, `npm run dist`: get Electron's binary when it is missing (one line says
// what is fetched, from where, into which cache), then build and open the app, or run electron-vite's
// dev server with it, or package it. When the download fails: one line with the reason and what to do.
//
//   node scripts/start.mjs app [electron args…]    build, then open the app (npm start)
//   node scripts/start.mjs dev [electron-vite args…]  electron-vite dev, told where the binary is (npm run dev)
//   node scripts/start.mjs dist [electron-builder args…]  build, then package it (npm run dist)
import { spawn, spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

import electronBinary from './electron-binary.cjs'
import { obtainElectron } from './electron-fetch.mjs'

// fileURLToPath, not .pathname: a clone in a folder with a space must still work.
const root = fileURLToPath(new URL('..', import.meta.url))
// Each tool's own JS entry run by this Node: no .cmd shims to find on Windows.
const tool = {
  'electron-vite': join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'),
  'electron-builder': join(root, 'node_modules', 'electron-builder', 'cli.js')
}
const [mode, ...args] = process.argv.slice(2)
if (!['app', 'dev', 'dist'].includes(mode ?? '')) {
  console.error('usage: node scripts/start.mjs app|dev|dist [args…]')
  process.exit(2)
}

// Electron's installer is ES modules loaded with require(), which Node does by default from 20.19 / 22.12.
const [major, minor] = process.versions.node.split('.').map(Number)
if (major < 20 || (major === 20 && minor < 19) || major === 21 || (major === 22 && minor < 12)) {
  console.error(`Exportscope needs Node 22.12 or later (or 20.19+); this is Node ${process.versions.node}. See docs/electron.md.`)
  process.exit(1)
}

let electronPath
try {
  electronPath = (await obtainElectron()).path
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err))
  process.exit(1)
}

/** Runs a step to its end; a failed step ends the script with its exit code (its own output said why). */
function step(cmd, stepArgs, env = process.env) {
  const r = spawnSync(cmd, stepArgs, { cwd: root, stdio: 'inherit', env })
  if (r.error) {
    console.error(`${cmd}: ${r.error.message}`)
    process.exit(1)
  }
  if (r.status !== 0) process.exit(r.status ?? 1)
}

/** Runs the last step and leaves with its exit code; Ctrl+C reaches it through the terminal's process group. */
function hand(cmd, handArgs, env = process.env) {
  const child = spawn(cmd, handArgs, { cwd: root, stdio: 'inherit', env })
  child.on('error', (err) => {
    console.error(`Could not launch ${cmd}: ${err.message}`)
    process.exit(1)
  })
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}

if (mode === 'dev') {
  // electron-vite dev finds the binary through ELECTRON_EXEC_PATH (it reads path.txt otherwise).
  hand(process.execPath, [tool['electron-vite'], 'dev', ...args], { ...process.env, ELECTRON_EXEC_PATH: electronPath })
} else if (mode === 'dist') {
  step(process.execPath, [tool['electron-vite'], 'build'])
  // Package the binary we already have for this OS instead of downloading it a second time; with
  // arguments (another OS, another arch) electron-builder fetches what it needs itself.
  const ownDist = !process.env.ELECTRON_OVERRIDE_DIST_PATH && args.length === 0
  const distArgs = ownDist ? [`-c.electronDist=${join(electronBinary.defaultPkgDir, 'dist')}`] : args
  hand(process.execPath, [tool['electron-builder'], '--config', 'electron-builder.yml', ...distArgs])
} else {
  step(process.execPath, [tool['electron-vite'], 'build'])
  hand(electronPath, ['.', ...args])
}
