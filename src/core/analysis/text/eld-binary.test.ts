import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tableBytes, tableFromBytes } from './eld-binary'
import { eldFolder, loadCompactEld, ngramLookup, parseNgramTable, readTable, TABLE_FILE, tableSource } from './eld-table'
import { voiceCommands } from './testing/voice-commands'

const folder = eldFolder()
const fromText = parseNgramTable(readFileSync(join(folder, TABLE_FILE), 'utf8'))
const source = tableSource(folder)
const ARRAYS = ['keyBytes', 'keyAt', 'keyLength', 'slots', 'start', 'lang', 'score'] as const

describe("eld's table in its binary form", () => {
  it('reads back as the very table parsed from the text, array for array', () => {
    const back = tableFromBytes(tableBytes(fromText, source), source)
    expect(back).not.toBeNull()
    expect(back!.type).toBe(fromText.type)
    expect(back!.languages).toEqual(fromText.languages)
    expect(back!.size).toBe(fromText.size)
    for (const a of ARRAYS) {
      expect(back![a].constructor).toBe(fromText[a].constructor)
      expect(Buffer.from(back![a].buffer, back![a].byteOffset, back![a].byteLength).equals(Buffer.from(fromText[a].buffer, fromText[a].byteOffset, fromText[a].byteLength)), a).toBe(true)
    }
    const [a, b] = [ngramLookup(fromText), ngramLookup(back!)]
    for (const key of ['the', ' de', 'sch', "'s ", 'no such n-gram']) expect(b[key]).toEqual(a[key])
  })

  it('reads from bytes that do not start at an aligned place (a copy is made)', () => {
    const bytes = tableBytes(fromText, source)
    const shifted = new Uint8Array(bytes.length + 3).subarray(3)
    shifted.set(bytes)
    expect(tableFromBytes(shifted, source)?.size).toBe(fromText.size)
  })

  it('is not used when made from another eld, or when damaged', () => {
    const bytes = tableBytes(fromText, source)
    expect(tableFromBytes(bytes, { ...source, eldVersion: '0.0.1' })).toBeNull()
    expect(tableFromBytes(bytes, { ...source, sourceBytes: source.sourceBytes + 1 })).toBeNull()
    expect(tableFromBytes(bytes.subarray(0, bytes.length >> 1), source)).toBeNull()
    expect(tableFromBytes(new Uint8Array(100), source)).toBeNull()
    expect(tableFromBytes(Buffer.from('exportscope-eld-table/1\n{not json\n'), source)).toBeNull()
    const noEmptySlot = tableBytes({ ...fromText, slots: new Int32Array(fromText.slots.length).fill(1) }, source)
    expect(tableFromBytes(noEmptySlot, source)).toBeNull()
  })

  it('is what the detector loads where the build wrote it, and a stale one gives way to the text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eld-binary-'))
    const good = join(dir, 'good.bin')
    const stale = join(dir, 'stale.bin')
    writeFileSync(good, tableBytes(fromText, source))
    writeFileSync(stale, tableBytes({ ...fromText, size: 3 }, { ...source, eldVersion: 'other' }))
    expect(readTable(folder, [join(dir, 'missing.bin'), good]).slots.byteOffset).toBeGreaterThan(0)
    expect(readTable(folder, [stale]).size).toBe(fromText.size)
    const [binary, text] = [await loadCompactEld(folder, [good]), await loadCompactEld(folder, [])]
    const differing = voiceCommands().filter((c) => {
      const [x, y] = [binary(c.text), text(c.text)]
      return x.language !== y.language || x.isReliable() !== y.isReliable()
    })
    expect(differing).toEqual([])
  })
})
