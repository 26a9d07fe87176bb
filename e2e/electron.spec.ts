import { test, expect, _electron as electron } from '@playwright/test'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

import { findElectron } from '../scripts/electron-binary.mjs'

// These machines cannot download Electron: then the spec reports itself skipped, with the reason.
const binary = findElectron()

test.describe('the real Electron shell', () => {
  test.skip('reason' in binary, 'reason' in binary ? binary.reason : '')

  test('starts with the title and a secure window', async () => {
    const app = await electron.launch({
      executablePath: (binary as { path: string }).path,
      args: [resolve(__dirname, '..'), '--no-sandbox'],
      env: { ...process.env, EXPORTSCOPE_HOME: mkdtempSync(join(tmpdir(), 'exportscope-e-')) }
    })
    const window = await app.firstWindow()
    await expect(window).toHaveTitle('Exportscope')
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const w = BrowserWindow.getAllWindows()[0]!
      const p = w.webContents.getLastWebPreferences()!
      return { contextIsolation: p.contextIsolation, sandbox: p.sandbox, nodeIntegration: p.nodeIntegration, webSecurity: p.webSecurity }
    })
    expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true })
    expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined')
    const info = await window.evaluate(() => window.exportscope.appInfo({}))
    expect(info).toMatchObject({ ok: true, value: { shell: 'electron' } })
    await app.close()
  })
})
