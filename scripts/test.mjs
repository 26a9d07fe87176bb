// `npm test`: type checks, unit tests, the build, tests of the built CLI, and the e2e specs, then one
// plain line that sums every suite: "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const tmp = join(root, '.tmp')
mkdirSync(tmp, { recursive: true })
const bin = (name) => join(root, 'node_modules', '.bin', name)
const chromium = process.env.EXPORTSCOPE_CHROMIUM ?? '/usr/bin/chromium'
const isCI = process.env.CI === 'true'
const totals = { passed: 0, failed: 0, skipped: 0 }
const failedSteps = []

function run(label, cmd, args, env = {}) {
  const started = Date.now()
  console.log(`\n▶ ${label}`)
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  const ok = r.status === 0
  console.log(`${ok ? '✓' : '✗'} ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
  if (!ok) failedSteps.push(label)
  return ok
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

function addVitest(file, label) {
  const report = readJson(file)
  if (!report) return false
  totals.passed += report.numPassedTests
  totals.failed += report.numFailedTests
  totals.skipped += report.numPendingTests + (report.numTodoTests ?? 0)
  // A suite that failed to load has no tests to count; count it so the line cannot read all-green.
  totals.failed += (report.testResults ?? []).filter((s) => s.status === 'failed' && (s.assertionResults ?? []).length === 0).length
  console.log(`  ${label}: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests} skipped`)
  return true
}

function addPlaywright(file) {
  const report = readJson(file)
  if (!report) return false
  const s = report.stats
  totals.passed += s.expected + (s.flaky ?? 0)
  totals.failed += s.unexpected
  totals.skipped += s.skipped
  totals.failed += (report.errors ?? []).length
  // A skipped spec says why (the Electron spec while Electron's binary is not downloaded).
  const walk = (suite) => [...(suite.specs ?? []), ...(suite.suites ?? []).flatMap(walk)]
  for (const spec of (report.suites ?? []).flatMap(walk)) {
    for (const t of spec.tests) {
      const why = (t.annotations ?? []).find((a) => a.type === 'skip')?.description
      if (t.status === 'skipped') console.log(`  skipped: ${spec.title}${why ? ` — ${why}` : ''}`)
    }
  }
  return true
}

function countPlaywrightSpecs() {
  const r = spawnSync(bin('playwright'), ['test', '--list', '--reporter=json'], { cwd: root, encoding: 'utf8' })
  try {
    const walk = (suite) => (suite.specs ?? []).reduce((n, s) => n + s.tests.length, 0) + (suite.suites ?? []).reduce((n, c) => n + walk(c), 0)
    return JSON.parse(r.stdout).suites.reduce((n, s) => n + walk(s), 0)
  } catch {
    return 0
  }
}

run('type check (node: shared, core, main, preload, cli, bench)', bin('tsc'), ['-p', 'tsconfig.node.json', '--noEmit'])
run('type check (e2e: harness and specs, with the DOM)', bin('tsc'), ['-p', 'tsconfig.e2e.json', '--noEmit'])
run('type check (web: renderer, shared)', bin('tsc'), ['-p', 'tsconfig.web.json', '--noEmit'])

const unitJson = join(tmp, 'vitest-unit.json')
rmSync(unitJson, { force: true })
const unitOk = run('unit and integration tests (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${unitJson}`])
if (!addVitest(unitJson, 'vitest') && !unitOk) totals.failed += 1

// Electron's security checklist as a linter sees it; offline, and every finding kept is explained in docs/security.md.
run('Electronegativity over src (offline; findings explained in docs/security.md)', process.execPath, [join(root, 'scripts', 'electronegativity.mjs')])

const built = run('build (electron-vite: main, preload, renderer, cli)', bin('electron-vite'), ['build'])

if (built) {
  const builtJson = join(tmp, 'vitest-built.json')
  rmSync(builtJson, { force: true })
  const builtOk = run('tests of the built CLI (vitest)', bin('vitest'), ['run', '--config', 'vitest.built.config.mts', '--reporter=default', '--reporter=json', `--outputFile=${builtJson}`])
  if (!addVitest(builtJson, 'built') && !builtOk) totals.failed += 1

  // After the built-CLI tests: the stand-in launch builds out/ again, which must not race them.
  const startJson = join(tmp, 'vitest-start.json')
  rmSync(startJson, { force: true })
  const startOk = run('npm start itself (download failing, loopback mirror, stand-in binary)', bin('vitest'), ['run', '--config', 'vitest.start.config.mts', '--reporter=default', '--reporter=json', `--outputFile=${startJson}`])
  if (!addVitest(startJson, 'npm start') && !startOk) totals.failed += 1

  if (!existsSync(chromium)) {
    const specs = countPlaywrightSpecs()
    if (isCI) {
      console.log(`\n✗ e2e: no browser at ${chromium}; under CI a missing browser is a failure. .ci/run installs Debian's chromium.`)
      failedSteps.push('e2e (no browser)')
      totals.failed += Math.max(1, specs)
    } else {
      console.log(`\n⚠ e2e skipped: no browser at ${chromium}. Get one with 'sudo apt-get install -y chromium' (never 'playwright install').`)
      totals.skipped += specs
    }
  } else {
    const e2eJson = join(tmp, 'playwright.json')
    rmSync(e2eJson, { force: true })
    const e2eOk = run('end-to-end specs (Playwright + Debian Chromium, real core services)', bin('playwright'), ['test', '--reporter=list,json'], {
      PLAYWRIGHT_JSON_OUTPUT_FILE: e2eJson,
      PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson
    })
    if (!addPlaywright(e2eJson) && !e2eOk) totals.failed += 1
  }
} else {
  totals.failed += 1
}

if (failedSteps.length) {
  console.log(`\nFailed steps: ${failedSteps.join('; ')}`)
  totals.failed = Math.max(totals.failed, failedSteps.length)
}
const skipped = totals.skipped ? `, ${totals.skipped} skipped` : ''
console.log(`\n${totals.passed} passed, ${totals.failed} failed${skipped}`)
process.exit(failedSteps.length || totals.failed ? 1 : 0)
