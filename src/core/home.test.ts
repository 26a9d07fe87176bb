import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ensureHome, resolveHome } from './home'

describe('where the app keeps its files', () => {
  it('EXPORTSCOPE_HOME wins over the shell folder', () => {
    expect(resolveHome({ EXPORTSCOPE_HOME: '/tmp/es-home' }, '/home/u/.config/Exportscope')).toBe('/tmp/es-home')
  })
  it('uses the shell user-data folder otherwise', () => {
    expect(resolveHome({}, '/home/u/.config/Exportscope')).toBe('/home/u/.config/Exportscope')
  })
  it('falls back to the OS convention without a shell', () => {
    expect(resolveHome({ XDG_CONFIG_HOME: '/x/cfg' })).toMatch(/Exportscope$/)
  })
  it('creates the folder owner-only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'es-'))
    const home = ensureHome(join(dir, 'nested', 'home'))
    expect(statSync(home).mode & 0o777).toBe(0o700)
    rmSync(dir, { recursive: true, force: true })
  })
})
