import { describe, expect, it, vi } from 'vitest'

const load = vi.fn(async () => (text: string) => ({ language: text ? 'en' : 'und', isReliable: () => true }))
vi.mock('../analysis/text/language', () => ({ loadLanguageDetector: load }))

describe('warming up while the app waits for an export', () => {
  it('loads the language detector once, after the call that asked returned', async () => {
    const { warmUp } = await import('./warm')
    warmUp()
    expect(load).not.toHaveBeenCalled()
    await new Promise((r) => setTimeout(r, 10))
    expect(load).toHaveBeenCalledTimes(1)
    warmUp()
    await new Promise((r) => setTimeout(r, 10))
    expect(load).toHaveBeenCalledTimes(1)
  })
})
