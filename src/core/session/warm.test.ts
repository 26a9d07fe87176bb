import { describe, expect, it, vi } from 'vitest'

const load = vi.fn(async () => (text: string) => ({ language: text ? 'en' : 'und', isReliable: () => true }))
vi.mock('../analysis/text/language', () => ({ loadLanguageDetector: load }))
const imported = vi.fn()
vi.mock('../providers/saved-mappings', () => {
  imported()
  return { loadSavedMappings: async () => ({ mappings: [], problem: null }) }
})

describe('warming up while the app waits for an export', () => {
  it('loads the language detector and the saved mappings\' module once, after the call that asked returned', async () => {
    const { warmUp, warmedUp } = await import('./warm')
    warmUp()
    expect(load).not.toHaveBeenCalled()
    expect(imported).not.toHaveBeenCalled()
    await warmedUp()
    expect(load).toHaveBeenCalledTimes(1)
    expect(imported).toHaveBeenCalledTimes(1)
    warmUp()
    await warmedUp()
    await new Promise((r) => setTimeout(r, 10))
    expect(load).toHaveBeenCalledTimes(1)
  })
})
