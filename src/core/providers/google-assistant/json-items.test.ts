import fc from 'fast-check'
import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { readJsonArray, type JsonEvent } from './activity-json'
import { JsonItemSplitter, type SplitEvent } from './json-items'

/** Feeds `text` in pieces cut at `cuts` and returns the items (or the too-large words), and whether the splitter gave up. */
function split(text: string, cuts: number[], max?: number): { items: unknown[]; failed: boolean } {
  const s = new JsonItemSplitter(max)
  const out: SplitEvent[] = []
  let at = 0
  for (const cut of [...cuts, text.length]) {
    s.push(text.slice(at, cut), out)
    at = cut
  }
  s.end()
  return { items: out.map((e) => (e.type === 'item' ? e.value : e)), failed: s.failed }
}

/** Feeds `text` in chunks of `size` chars; returns the splitter (its work counters) and the events. */
function inChunks(text: string, size: number, max?: number): { s: JsonItemSplitter; out: SplitEvent[] } {
  const s = new JsonItemSplitter(max)
  const out: SplitEvent[] = []
  for (let at = 0; at < text.length; at += size) s.push(text.slice(at, at + size), out)
  s.end()
  return { s, out }
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

  it('skips an item larger than its bound, naming the byte it starts at, and reads on after it', () => {
    const text = `[{"a":"é"},{"big":"${'x'.repeat(200)}\\\\"}, {"b":2}]`
    const big = text.indexOf('{"big"')
    // 'é' is two bytes in UTF-8: the offset is in bytes, not chars.
    const want = [{ a: 'é' }, { type: 'too-large', byteOffset: big + 1, chars: 212 }, { b: 2 }]
    for (const cuts of [[], [5], [big], [big + 1], [big + 50, big + 150], [text.length - 12]]) expect(split(text, cuts, 100)).toEqual({ items: want, failed: false })
    // A top-level string and a number past the bound, too.
    expect(split(`["${'y'.repeat(150)}", ${'9'.repeat(120)}, 1]`, [70], 100)).toEqual({ items: [{ type: 'too-large', byteOffset: 1, chars: 152 }, { type: 'too-large', byteOffset: 155, chars: 120 }, 1], failed: false })
  })

  it('holds at most the bound of a too-large item, whatever the chunking', () => {
    const s = new JsonItemSplitter(1000)
    const out: SplitEvent[] = []
    s.push('[{"s":"', out)
    for (let i = 0; i < 100; i++) s.push('z'.repeat(500), out)
    // Nothing of the item is copied once it passed the bound.
    expect(s.work.copied).toBe(0)
    s.push('"}]', out)
    s.end()
    expect(out).toEqual([{ type: 'too-large', byteOffset: 1, chars: 50_008 }])
  })

  it('looks at each char once and copies each once, however the large items are cut (linear, not quadratic)', () => {
    // Three items of 2 MB with escapes and nesting, in chunks of 1 kB: the earlier splitter rejoined
    // and rescanned the unfinished item for every chunk, about 2,000 times the item's size.
    const item = { t: 'q\\"uote\\\\'.repeat(50_000) + 'x'.repeat(1_400_000), n: [{ a: '}]' }] }
    const text = JSON.stringify([item, item, item])
    for (const size of [1024, 65_536, 7]) {
      const { s, out } = inChunks(text, size)
      expect(out).toEqual([item, item, item].map((value) => ({ type: 'item', value })))
      expect(s.work.copied).toBeLessThanOrEqual(text.length)
      // Backslash runs before a quote are counted a second time; nothing else is.
      expect(s.work.scanned).toBeLessThanOrEqual(text.length * 1.5)
      expect(s.work.scanned).toBeGreaterThanOrEqual(text.length - 2)
    }
  })

  it('counts the bytes before each item on from the last one: a chunk of many small items is measured about once (linear), the offsets exact', () => {
    // 20,000 items of one non-ASCII char each, then one past the bound: the bytes before each item
    // were once measured from the chunk's start, so a chunk cost the square of its item count.
    const small = Array.from({ length: 20_000 }, (_, k) => `{"k":"${k % 2 ? 'ü' : '€'}"}`)
    const big = `{"big":"${'x'.repeat(300)}"}`
    const text = `[${[...small, big, '{"after":"😀"}'].join(',')}]`
    const at = Buffer.byteLength(text.slice(0, text.indexOf('{"big"')))
    for (const size of [7, 4096, text.length]) {
      const { s, out } = inChunks(text, size, 200)
      expect(out).toHaveLength(20_002)
      expect(out[20_000]).toEqual({ type: 'too-large', byteOffset: at, chars: big.length })
      expect(out[20_001]).toEqual({ type: 'item', value: { after: '😀' } })
      expect(s.work.measured).toBeLessThanOrEqual(text.length * 2)
    }
  })

  it('keeps an escaped quote escaped when the chunk ends inside its backslash run', () => {
    const text = '["a\\\\\\"b", "c\\\\", {"d":"\\\\\\\\"}]'
    const want = JSON.parse(text) as unknown[]
    for (const cuts of everyCut(text)) expect(split(text, cuts)).toEqual({ items: want, failed: false })
    for (let a = 0; a < text.length; a++) for (let b = a; b < text.length; b += 3) expect(split(text, [a, b]).items).toEqual(want)
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
