import fc from 'fast-check'
import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { readJsonArray, type JsonEvent } from './activity-json'
import { JsonItemSplitter } from './json-items'

/** Feeds `text` in pieces cut at `cuts` and returns the items, and whether the splitter gave up. */
function split(text: string, cuts: number[]): { items: unknown[]; failed: boolean } {
  const s = new JsonItemSplitter()
  const items: unknown[] = []
  let at = 0
  for (const cut of [...cuts, text.length]) {
    s.push(text.slice(at, cut), items)
    at = cut
  }
  s.end()
  return { items, failed: s.failed }
}

const everyCut = (text: string) => Array.from({ length: text.length + 1 }, (_, i) => [i])

async function events(text: string, chunk: number): Promise<JsonEvent[]> {
  const pieces = (t: string) => Readable.from(Array.from({ length: Math.ceil(t.length / chunk) }, (_, i) => Buffer.from(t.slice(i * chunk, (i + 1) * chunk))))
  const out: JsonEvent[] = []
  for await (const e of readJsonArray(pieces(text), async () => pieces(text))) out.push(e)
  return out
}

describe('JsonItemSplitter', () => {
  const tricky = `\ufeff[ {"a":"x\\"}]\\\\","b":[1,{"c":"]}"}]} , "s\\\\" ,-1.5e3,true,null,[] ,{"u":"\u00fc\u20ac\ud83d\ude00"}\n]\n`

  it('reads the same items as JSON.parse wherever the text is cut', () => {
    const want = JSON.parse(tricky.slice(1)) as unknown[]
    for (const cuts of everyCut(tricky)) expect(split(tricky, cuts)).toEqual({ items: want, failed: false })
  })

  it('reads any JSON array of values like JSON.parse, in any chunking', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue()), fc.array(fc.nat(), { maxLength: 6 }), (values, rawCuts) => {
        const text = JSON.stringify(values, null, rawCuts.length % 2 ? 2 : undefined)
        const cuts = [...new Set(rawCuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b)
        expect(split(text, cuts)).toEqual({ items: JSON.parse(text), failed: false })
      })
    )
  })

  it('gives up, keeping the items before, on what is not an array of JSON values', () => {
    expect(split('{"a":1}', [])).toEqual({ items: [], failed: true })
    expect(split('[{"a":1} {"b":2}]', [])).toEqual({ items: [{ a: 1 }], failed: true })
    expect(split('[{"a":1},{"b":2]', [])).toEqual({ items: [{ a: 1 }], failed: true })
    expect(split('[{"a":1},]', [])).toEqual({ items: [{ a: 1 }], failed: true })
    expect(split('[{"a":1}] x', [])).toEqual({ items: [{ a: 1 }], failed: true })
    expect(split('[{"a":1},{"b":', [5])).toEqual({ items: [{ a: 1 }], failed: true })
    expect(split('', [])).toEqual({ items: [], failed: true })
  })

  it('stops at an item larger than its bound instead of holding it', () => {
    const s = new JsonItemSplitter(100)
    const items: unknown[] = []
    s.push(`[{"a":1},{"big":"${'x'.repeat(200)}`, items)
    expect(items).toEqual([{ a: 1 }])
    expect(s.failed).toBe(true)
  })
})

describe('readJsonArray', () => {
  it('hands a broken file to the strict parser, which names the line and keeps every item before it', async () => {
    const text = '[\n{"a":1},\n{"b":2},\n{"c":3 "d":4},\n{"e":5}\n]'
    for (const chunk of [3, 7, 1000]) {
      const got = await events(text, chunk)
      expect(got.filter((e) => e.type === 'item').map((e) => (e as { value: unknown }).value)).toEqual([{ a: 1 }, { b: 2 }])
      expect(got.at(-1)).toMatchObject({ type: 'error', line: 4 })
    }
  })

  it('reads a well-formed file without the strict pass, index by index', async () => {
    const got = await events(JSON.stringify([{ a: 'é' }, { b: [1, 2] }, 3]), 2)
    expect(got).toEqual([
      { type: 'item', index: 0, value: { a: 'é' } },
      { type: 'item', index: 1, value: { b: [1, 2] } },
      { type: 'item', index: 2, value: 3 }
    ])
  })
})
