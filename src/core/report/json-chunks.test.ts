import { describe, expect, it } from 'vitest'
import { reportJsonChunks } from './json-chunks'
import type { ScanReport } from './types'

const recording = (i: number) => ({
  id: `r${i}`,
  provider: 'amazon-alexa',
  time: '2023-01-01T00:00:00.000Z',
  deviceId: null,
  audioPath: i % 2 ? `Alexa/Audio/${i}.wav` : null,
  part: null,
  archiveTime: null,
  durationMs: null,
  transcript: i % 3 ? 'say "hi"\nnow' : null,
  language: null,
  verdict: i % 5 ? 'own' : 'suspect',
  reasons: i % 5 ? [] : ['other-language'],
  signals: i % 7 ? [] : ['audio-missing']
})

const report = (n: number) =>
  ({
    schema: 'exportscope.scan/1',
    archive: { path: '/x/export.zip', format: 'zip', bytes: 1, entries: 1, sha256: null, parts: [] },
    providers: [],
    account: { ids: ['A1'], names: [], emails: [] },
    devices: [],
    recordings: Array.from({ length: n }, (_, i) => recording(i)),
    findings: [],
    summary: { recordings: n },
    problems: [{ kind: 'x', path: null, message: 'm' }]
  }) as unknown as ScanReport

describe('reportJsonChunks', () => {
  it('writes exactly what JSON.stringify(report, null, 2) does, in pieces', () => {
    for (const n of [0, 1, 2, 499, 500, 501, 1234]) {
      const chunks = [...reportJsonChunks(report(n))]
      expect(chunks.join('')).toBe(`${JSON.stringify(report(n), null, 2)}\n`)
      if (n > 500) expect(chunks.length).toBeGreaterThan(2)
    }
  })

  it('asks a lazy sequence for a batch at a time and writes the same text as the whole array', () => {
    const whole = report(2345)
    const rows = whole.recordings
    const asked: Array<[number, number]> = []
    const lazy = { length: rows.length, slice: (s: number, e: number) => (asked.push([s, e]), rows.slice(s, e)) }
    const text = [...reportJsonChunks({ ...whole, recordings: [] }, lazy)].join('')
    expect(text).toBe(`${JSON.stringify(whole, null, 2)}\n`)
    expect(asked.length).toBeGreaterThan(2)
    expect(Math.max(...asked.map(([s, e]) => e - s))).toBeLessThan(rows.length)
  })
})
