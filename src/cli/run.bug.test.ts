import { describe, expect, it, vi } from 'vitest'
import { runCli } from './run'

vi.mock('../core/archive', async (original) => ({
  ...(await original<typeof import('../core/archive')>()),
  openArchive: async () => {
    throw new TypeError('Cannot read properties of undefined')
  }
}))

describe('a bug in the engine', () => {
  it('exits 1 and keeps the stack for the bug report', async () => {
    const err: string[] = []
    const code = await runCli(['scan', 'any.zip'], { stdout: { write: () => true }, stderr: { write: (s: string) => err.push(s) }, env: {} })
    expect(code).toBe(1)
    expect(err.join('')).toMatch(/^exportscope: internal error.*\nTypeError: Cannot read properties of undefined\n\s+at /)
  })
})
