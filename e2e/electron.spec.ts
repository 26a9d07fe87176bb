import { test, expect, _electron as electron } from '@playwright/test'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

import { findElectron } from '../scripts/electron-binary.cjs'
import { bridgeExtras } from '../src/shared/ipc/bridge'
import { CALL_NAMES } from '../src/shared/ipc/names'

// Needs Electron's binary, which `npm start` downloads on first use; until then (or when that download
// failed) the spec reports itself skipped, naming which of the two it is.
const binary = findElectron()

test.describe('the real Electron shell', () => {
  test.skip('reason' in binary, 'reason' in binary ? binary.reason : '')

  test('starts with the title, a bridge of the contract only, and no way out', async () => {
    const app = await electron.launch({
      executablePath: (binary as { path: string }).path,
      args: [resolve(__dirname, '..'), '--no-sandbox'],
      env: { ...process.env, EXPORTSCOPE_HOME: mkdtempSync(join(tmpdir(), 'exportscope-e-')) }
    })
    const page = await app.firstWindow()
    await expect(page).toHaveTitle('Exportscope')
    const globals = await page.evaluate(() => ({
      require: typeof (globalThis as Record<string, unknown>).require,
      process: typeof (globalThis as Record<string, unknown>).process,
      bridge: Object.keys(window.exportscope).sort(),
      opened: window.open('https://example.com/') === null
    }))
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', bridge: [...CALL_NAMES, ...bridgeExtras].sort(), opened: true })
    const info = await page.evaluate(() => window.exportscope.appInfo({}))
    expect(info).toMatchObject({ ok: true, value: { shell: 'electron' } })
    await page.evaluate(() => (location.href = 'https://example.com/'))
    await expect(page).toHaveURL(/^app:\/\/exportscope\//)
    await app.close()
  })
})
