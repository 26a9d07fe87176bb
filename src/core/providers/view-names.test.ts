// The export view keeps no lower-cased copy of a plain path: its readers compare against the path,
// lower-casing A-Z as they go (normLength, normCodeAt, normHas, the NormIndex, the audio lookup).
// These pin that every such answer is the one the normalised name itself gives, on any mix of
// names: German umlauts (composed and decomposed), Turkish capital dotted I (two characters once
// lower-cased), the Kelvin sign, no-break spaces, backslashes, nested archives' '!/', and names
// that differ only in case.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AudioLookup } from './audio-lookup'
import { createExportView, normalizeName, type ExportView } from './export-view'
import { hashOf, NormIndex } from './norm-index'
import { memoryArchive } from './testing/memory-archive'

// (With the characters either side of A-Z and a-z: '@', '[', '`', '{'.)
const PIECES = ['a', 'A', 'b', 'Z', 'z', '@', '[', '`', '{', '1', '.', '_', '-', ' ', '!', '\u00e4', '\u00c4', 'a\u0308', 'A\u0308', '\u00df', '\u0130', 'i', 'I', '\u0131', '\u212a', 'k', '\u00a0', '\\']
const FOLDERS = ['Alexa', 'alexa', 'ALEXA', 'Audio', 'audio', 'M\u00fcnchen', 'Mu\u0308nchen', '\u0130stanbul', 'istanbul', 'x.zip!', 'Takeout', '']
const nameArb = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 6 }).map((p) => p.join(''))
const pathArb = fc.tuple(fc.array(fc.constantFrom(...FOLDERS), { maxLength: 3 }), nameArb, fc.constantFrom('.wav', '.WAV', '.Wav', '.mp3', '.csv', '')).map(([folders, name, ext]) => [...folders, name + ext].join('/'))

const viewOf = async (paths: string[]): Promise<ExportView> => createExportView(await memoryArchive({ parts: [], mtime: new Date(0) }, paths.map((path) => ({ path, content: 'x' }))))

/** The normalised name as the view defines it, the long way. */
const normalised = (path: string): string => normalizeName(path).replace(/!\//g, '/')

describe('the export view\'s names, compared without making them', () => {
  it('answers norm, its length, its characters and what it starts with at any place as the normalised name does', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(pathArb, { minLength: 1, maxLength: 12 }), async (paths) => {
        const view = await viewOf(paths)
        const norms = view.entries.map((e) => normalised(e.path))
        // Texts to look for: pieces of every name, in other case too, and ones that are not there.
        const texts = new Set<string>(['', 'alexa/', 'audio', 'takeout', '\u00e4', 'a\u0308', 'i\u0307', 'k', '\u212a'])
        for (const n of norms) for (let i = 0; i <= n.length; i += 2) texts.add(n.slice(0, i)).add(n.slice(i)).add(n.slice(i).toUpperCase())
        view.entries.forEach((e, k) => {
          const norm = norms[k]!
          expect(e.norm).toBe(norm)
          expect(e.normLength).toBe(norm.length)
          expect(e.normSource.replace(/[A-Z]/g, (c) => c.toLowerCase())).toBe(norm)
          expect(e.plain).toBe(e.path.toLowerCase() === norm && /^[\x20-\x7e]*$/.test(e.path))
          expect(Array.from(norm, (_, i) => e.normCodeAt(i))).toEqual(Array.from(norm, (_, i) => norm.charCodeAt(i)))
          // (One comparison of two lists per entry: an expect per text took seconds.)
          const asks = [...texts].flatMap((text) => [0, e.cut + 1, norm.length - text.length, norm.length - text.length - 1].map((at) => [text, at] as const))
          expect(asks.map(([text, at]) => e.normHas(text, at))).toEqual(asks.map(([text, at]) => at >= 0 && norm.startsWith(text, at)))
          expect(e.base).toBe(norm.slice(norm.lastIndexOf('/') + 1) || norm.split('/').filter(Boolean).pop())
          expect(view.normHash(e)).toBe(hashOf(norm, ''))
        })
        // Found by name as a Map of the normalised names finds them (the last of a name wins).
        const index = new NormIndex(view.entries, (e) => view.normHash(e))
        const map = new Map<string, number>()
        norms.forEach((n, place) => map.set(n, place))
        expect(index.unique).toBe(map.size === norms.length)
        for (const [n, place] of map) {
          expect(index.find(n, '')).toBe(place)
          const cut = n.lastIndexOf('/') + 1
          expect(index.find(n.slice(0, cut), n.slice(cut))).toBe(place)
        }
        view.entries.forEach((e) => expect(index.placeOf(e, view.normHash(e))).toBe(map.get(e.norm)))
        expect(index.find('no such', 'name')).toBe(-1)
      }),
      { numRuns: 200 }
    )
  })

  it('finds audio by name in every case of its spelling, from the row\'s bytes and its text alike, as a Map of normalised names would', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.tuple(fc.constantFrom('Audio', 'audio', 'AUDIO', 'Aud\u0130o', 'Au\u0308dio', 'Ca\u0308fe\u0301'), fc.constantFrom('a', 'A', 'Z[', 'z[', '\u0130', '\u00e4', 'a\u0308', 'k', '\u212a', 'x_1')), { minLength: 1, maxLength: 10, selector: ([f, n]) => `${f}/${n}` }), fc.array(fc.nat(), { maxLength: 20 }), async (pairs, asks) => {
        const clips = pairs.map(([folder, name]) => `Alexa/${folder}/${name}.wav`)
        const view = await viewOf(['Alexa/Alexa.VoiceHistory.csv', ...clips])
        const csv = view.entries[0]!
        const byNorm = new Map<string, string>()
        for (const e of view.audio) byNorm.set(e.norm, e.path)
        const [bytesFirst, textOnly] = [new AudioLookup(view), new AudioLookup(view)]
        // In order (the bytes' path) first, then at random, with the names' case turned.
        const order = [...clips.keys(), ...asks.map((k) => k % clips.length)]
        for (const [n, k] of order.entries()) {
          const [folder, name] = pairs[k]!
          const asked = n % 2 === 0 ? `${folder}/${name}.wav` : `${folder}/${name}.wav`.toUpperCase()
          const expected = byNorm.get(normalised(`Alexa/${asked}`)) ?? null
          const text = textOnly.find(asked, csv)?.path ?? null
          if (expected !== null) expect(text).toBe(expected)
          const bytes = Buffer.from(asked, 'utf8')
          const hit = bytesFirst.nextByBytes(bytes, 0, bytes.length, csv)
          expect((hit ?? bytesFirst.find(asked, csv))?.path ?? null).toBe(text)
        }
      }),
      { numRuns: 150 }
    )
  })
})
