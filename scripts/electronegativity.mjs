// Electronegativity (@doyensec/electronegativity) over src/, offline, as a step of `npm test`.
// Fails on any HIGH or MEDIUM finding that docs/security.md does not explain (its table under
// "## Electronegativity" lists each accepted check and file).
//
// The tool is kept out of package.json: it brings ~350 packages (eslint 7, babel 6) the app does not
// need, so it is installed once into .tmp/tools, pinned. It wants the network twice: translations
// (it falls back to its bundled English) and Electron's release list (the check that needs it,
// AvailableSecurityFixesGlobalCheck, is excluded: electron is pinned and updated by hand). The
// preload scripts/no-network.cjs makes both fail at once, so the run is the same with or without a network.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const VERSION = '1.10.3'
const root = new URL('..', import.meta.url).pathname
const tools = join(root, '.tmp', 'tools')
const cli = join(tools, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js')
const out = join(root, '.tmp', 'electronegativity.csv')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
const electron = pkg.devDependencies.electron.replace(/^[^\d]*/, '')

const installed = () => existsSync(cli) && JSON.parse(readFileSync(join(cli, '..', '..', 'package.json'), 'utf8')).version === VERSION
if (!installed()) {
  console.log(`installing @doyensec/electronegativity@${VERSION} into .tmp/tools (once)`)
  const r = spawnSync('npm', ['install', '--prefix', tools, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--loglevel=error', `@doyensec/electronegativity@${VERSION}`], { stdio: 'inherit', env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } })
  if (r.status !== 0 || !installed()) {
    console.error('✗ could not install Electronegativity from the npm registry')
    process.exit(1)
  }
}

// The tool writes into an existing file without truncating it first.
rmSync(out, { force: true })
const r = spawnSync(process.execPath, ['--require', join(root, 'scripts', 'no-network.cjs'), cli, '-i', join(root, 'src'), '-e', electron, '-x', 'AvailableSecurityFixesGlobalCheck', '-r', '-o', out], {
  cwd: root,
  encoding: 'utf8',
  env: { ...process.env, LANG: 'en-US' }
})
if (r.status !== 0 || !existsSync(out)) {
  console.error(r.stdout, r.stderr)
  console.error('✗ Electronegativity did not finish')
  process.exit(1)
}

// issue, severity, confidence, filename, location, sample, description, url
const findings = readFileSync(out, 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [id, severity, confidence, file, location] = line.match(/("[^"]*"|[^,]*)(,|$)/g).map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''))
    return { id, severity, confidence, file, location }
  })

// Accepted findings: rows of docs/security.md's Electronegativity table, `CHECK_ID` | `file`.
const doc = readFileSync(join(root, 'docs', 'security.md'), 'utf8')
const section = doc.split(/^## /m).find((s) => s.startsWith('Electronegativity')) ?? ''
const accepted = [...section.matchAll(/^\|\s*`([A-Z_]+)`\s*\|\s*`([^`]+)`\s*\|/gm)].map((m) => ({ id: m[1], file: m[2] }))

const serious = findings.filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM')
const unexplained = serious.filter((f) => !accepted.some((a) => a.id === f.id && a.file === f.file))
for (const f of findings) {
  const ok = !unexplained.includes(f)
  console.log(`  ${ok ? '·' : '✗'} ${f.severity.padEnd(13)} ${f.id} ${f.file}:${f.location}${ok && serious.includes(f) ? ' (explained in docs/security.md)' : ''}`)
}
console.log(`${findings.length} findings, ${serious.length} high or medium, ${unexplained.length} not explained in docs/security.md`)
process.exit(unexplained.length ? 1 : 0)
