import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openArchive } from '../archive'
import { generateExport } from '../generate'
import { readExport } from '.'
import { mappingFileFor, parseMappingFile } from './mapping-file'
import { factsOfReading, factsOfTruth } from './testing/read-built'

let dir = ''
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'exportscope-read-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const clips = { sampleRate: 8000, maxSeconds: 0.4 }

describe('readExport on real ZIPs through the archive engine', () => {
  it('reads an Amazon export with nested category ZIPs exactly as generated', async () => {
    const made = await generateExport({ provider: 'amazon', own: 7, foreign: 3, kind: 'combined', seed: 'zip', clips, amazon: { macDebris: true, audioWithoutRows: 1 } }, join(dir, 'amazon.zip'))
    const archive = await openArchive(made.paths[0]!, {})
    try {
      const reading = await readExport(archive)
      expect(reading.recordings).toHaveLength(made.truth.counts.recordings)
      expect(factsOfReading(reading)).toEqual(factsOfTruth(made.truth))
      expect(reading.devices.filter((d) => d.registered)).toHaveLength(made.truth.counts.registeredDevices)
      expect(reading.problems).toEqual([])
    } finally {
      await archive.close()
    }
  })

  it('reads a lone Takeout named like a first part as one ZIP: the same recording ids as under a plain name, by file or folder', async () => {
    const options = { provider: 'google', own: 3, foreign: 2, kind: 'unrecognized-speaker', seed: 'lone', clips } as const
    await mkdir(join(dir, 'lone'))
    const plain = await generateExport(options, join(dir, 'lone-plain.zip'))
    const lone = await generateExport(options, join(dir, 'lone', 'takeout-20240301T101010Z-001.zip'))
    const idsOf = async (path: string) => {
      const archive = await openArchive(path, {})
      try {
        expect(archive.format).toBe('zip')
        return (await readExport(archive)).recordings.map((r) => [r.id, r.audio?.part ?? null]).sort()
      } finally {
        await archive.close()
      }
    }
    const want = await idsOf(plain.paths[0]!)
    expect(want).toHaveLength(5)
    expect(await idsOf(lone.paths[0]!)).toEqual(want)
    expect(await idsOf(join(dir, 'lone'))).toEqual(want)
  })

  it('reads a German Takeout split in two parts, opened from its first part', async () => {
    const made = await generateExport({ provider: 'google', own: 4, foreign: 2, kind: 'second-account', seed: 'parts', clips, google: { locale: 'de', parts: 2 } }, join(dir, 'takeout-20240301T101010Z-001.zip'))
    expect(made.paths.map((p) => p.slice(dir.length + 1))).toEqual(['takeout-20240301T101010Z-001.zip', 'takeout-20240301T101010Z-002.zip'])
    const archive = await openArchive(made.paths[0]!, {})
    try {
      const reading = await readExport(archive)
      expect(factsOfReading(reading)).toEqual(factsOfTruth(made.truth))
      expect(reading.accounts.map((a) => a.role)).toEqual(['owner', 'other'])
    } finally {
      await archive.close()
    }
  })

  it('stops when cancelled', async () => {
    const made = await generateExport({ provider: 'amazon', own: 3, foreign: 0, kind: 'none', seed: 'cancel', clips }, join(dir, 'cancel.zip'))
    const archive = await openArchive(made.paths[0]!, {})
    try {
      const controller = new AbortController()
      controller.abort()
      await expect(readExport(archive, { signal: controller.signal })).rejects.toThrow()
    } finally {
      await archive.close()
    }
  })
})

describe('column mapping files', () => {
  it('round-trips: the template for an unmapped CSV, filled in, parses back', () => {
    const template = mappingFileFor([{ file: 'Alexa/x.csv', part: null, header: ['Wann', 'Was'], signature: 'wann|was', delimiter: ',', guessed: {} }])
    expect(template).toEqual({ schema: 'exportscope.mapping/1', mappings: [{ signature: 'wann|was', columns: { time: '' } }] })
    const filled = { ...template, mappings: [{ signature: 'wann|was', columns: { time: 'Wann', transcript: 'Was' } }] }
    expect(parseMappingFile(JSON.stringify(filled))).toEqual(filled.mappings)
  })

  it('refuses a file that is not JSON or names no time column, saying why', () => {
    expect(() => parseMappingFile('{')).toThrow(/not JSON/)
    expect(() => parseMappingFile(JSON.stringify({ schema: 'exportscope.mapping/1', mappings: [{ signature: 'a|b', columns: { transcript: 'b' } }] }))).toThrow(/time column/)
    expect(() => parseMappingFile(JSON.stringify({ schema: 'exportscope.mapping/1', mappings: [{ columns: { time: 'a' } }] }))).toThrow(/file or a header signature/)
  })
})

describe('readExport ids', () => {
  it('gives a recording whose id is taken the next free suffix, so marks land on one recording', async () => {
    const { memoryArchive } = await import('./testing/memory-archive')
    const { ProviderRegistry } = await import('./registry')
    const recording = (id: string) => ({ id, provider: 'same', time: null, archiveTime: null, deviceId: null, accountId: null, audio: null, durationMs: null, transcript: null, response: null, language: null, signals: [], source: { file: 'x', part: null, line: null, fields: {} } })
    const registry = new ProviderRegistry()
    registry.register({
      id: 'same',
      name: 'Same ids',
      recognize: () => ({ confidence: 1, reason: 'test' }),
      async *parse() {
        for (const id of ['a', 'a', 'a~2', 'a', 'b']) yield { type: 'recording', recording: recording(id) }
      }
    })
    const archive = await memoryArchive({ parts: [], mtime: new Date(0) }, [{ path: 'x', content: 'x' }])
    const reading = await readExport(archive, { providers: registry })
    expect(reading.recordings.map((r) => r.id)).toEqual(['a', 'a~2', 'a~2~2', 'a~3', 'b'])
  })
})
