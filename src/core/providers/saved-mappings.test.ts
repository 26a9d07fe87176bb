import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseMappingFile } from './mapping-file'
import { loadSavedMappings, mappingsPath, saveMapping } from './saved-mappings'

let home: string
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'es-map-'))
})
afterEach(async () => {
  await rm(home, { recursive: true, force: true })
})

describe('saved column mappings', () => {
  it('start empty', async () => {
    expect(await loadSavedMappings(home)).toEqual({ mappings: [], problem: null })
  })
  it('are saved in the CLI mapping-file format and reused', async () => {
    await saveMapping(home, { signature: 'zeit|gerät|text', columns: { time: 'Zeit', deviceName: 'Gerät' } })
    const text = await readFile(mappingsPath(home), 'utf8')
    expect(parseMappingFile(text)).toEqual([{ signature: 'zeit|gerät|text', columns: { time: 'Zeit', deviceName: 'Gerät' } }])
    expect((await loadSavedMappings(home)).mappings).toHaveLength(1)
  })
  it('replace the mapping of the same header and keep others', async () => {
    await saveMapping(home, { signature: 'a|b', columns: { time: 'a' } })
    await saveMapping(home, { file: 'x/history.csv', columns: { time: 'when' } })
    const all = await saveMapping(home, { signature: 'a|b', columns: { time: 'b', transcript: 'a' } })
    expect(all).toEqual([
      { file: 'x/history.csv', columns: { time: 'when' } },
      { signature: 'a|b', columns: { time: 'b', transcript: 'a' } }
    ])
  })
  it('report a damaged file instead of failing the open', async () => {
    await writeFile(mappingsPath(home), '{ not json')
    const r = await loadSavedMappings(home)
    expect(r.mappings).toEqual([])
    expect(r.problem).toMatch(/mappings\.json could not be used: The mapping file is not JSON/)
  })
})
