import { describe, expect, it } from 'vitest'
import { builtInProviders } from './built-ins'
import { createExportView } from './export-view'
import { ProviderRegistry } from './registry'
import { memoryArchive } from './testing/memory-archive'
import { buildExport } from '../generate'
import type { ProviderDescriptor } from './types'

const stub = (id: string): ProviderDescriptor => ({ id, name: id, recognize: () => ({ confidence: 0, reason: '' }), parse: async function* () {} })

describe('the provider registry', () => {
  it('lists the built-ins once, in their one explicit order', () => {
    expect(builtInProviders().list().map((p) => p.id)).toEqual(['amazon-alexa', 'google-assistant', 'generic-audio'])
  })

  it('rejects a second provider with a taken id, and ids that are not kebab-case', () => {
    const registry = new ProviderRegistry([stub('amazon-alexa')])
    expect(() => registry.register(stub('amazon-alexa'))).toThrow(/already registered/)
    expect(() => registry.register(stub('Amazon Alexa'))).toThrow(/kebab-case/)
    expect(registry.list()).toHaveLength(1)
  })

  it('recognises from paths alone: no entry is opened', async () => {
    for (const provider of ['amazon', 'google'] as const) {
      const { tree } = await buildExport({ provider, own: 2, foreign: 1, kind: 'none', clips: { sampleRate: 8000, maxSeconds: 0.2 } })
      const archive = await memoryArchive(tree)
      let opened = 0
      const view = createExportView({ ...archive, openEntry: async (e, r) => (opened++, archive.openEntry(e, r)) })
      const scores = Object.fromEntries(builtInProviders().list().map((p) => [p.id, p.recognize(view).confidence]))
      expect(opened).toBe(0)
      expect(scores).toEqual(provider === 'amazon' ? { 'amazon-alexa': 0.95, 'google-assistant': 0, 'generic-audio': 0.5 } : { 'amazon-alexa': 0, 'google-assistant': 0.95, 'generic-audio': 0.5 })
    }
  })
})
