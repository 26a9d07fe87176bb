// `npm start`: build, then open the desktop app; where Electron's binary is missing, say so in one line.
import { spawn, spawnSync } from 'node:child_process'
import { findElectron } from './electron-binary.cjs'

const root = new URL('..', import.meta.url).pathname
const electron = findElectron()
if ('reason' in electron) {
  console.error(
    "Exportscope cannot open its window here: Electron's binary is not installed (this machine cannot download it). See the app with `npm run shot`, or use the CLI: `./bin/exportscope scan <export>`."
  )
  process.exit(1)
}
const electronPath = electron.path

const build = spawnSync(process.execPath, [new URL('../node_modules/electron-vite/bin/electron-vite.js', import.meta.url).pathname, 'build'], {
  cwd: root,
  stdio: 'inherit'
})
if (build.status !== 0) process.exit(build.status ?? 1)
const child = spawn(electronPath, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' })
child.on('exit', (code) => process.exit(code ?? 0))
