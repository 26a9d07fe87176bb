import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildCorpus, fileOf, readWithFile, type Corpus } from '../../fuzz/targets'
import { openArchive } from '../../src/core/archive'
import { printable } from '../../src/cli/format'
import { readExport } from '../../src/core/providers/read-export'
import { renameBytes, tarGzBuffer, zipBuffer } from '../fixtures/archives'
import { readAll } from '../fixtures/read'

/** The hostile inputs of issue 15, each through the fuzzer's own readers: what they must cost, and no more. */

let corpus: Corpus
beforeAll(async () => {
  corpus = await buildCorpus()
}, 60_000)
afterAll(() => corpus.dispose())

describe('hostile inputs of issue 15', () => {
  it('a malformed %-escape in one MyActivity.html audio name costs that name its decoding, not the file', async () => {
    const html = fileOf(corpus, 'googleHtml', 'Assistant/MyActivity.html')
    const clean = await readWithFile(corpus, 'googleHtml', html.path, html.bytes)
    const first = /<source src="([^"]+)"/.exec(html.bytes.toString('utf8'))![1]!
    const odd = first.replace(/\.mp3$/, '%ZZ.mp3')
    const broken = Buffer.from(html.bytes.toString('utf8').replace(`src="${first}"`, `src="${odd}"`))
    const reading = await readWithFile(corpus, 'googleHtml', html.path, broken)
    expect(reading.recordings.filter((r) => r.source.file === html.path)).toHaveLength(clean.recordings.filter((r) => r.source.file === html.path).length)
    expect(reading.problems.filter((p) => p.kind === 'provider-failed')).toEqual([])
    expect(reading.problems.filter((p) => p.kind === 'audio-not-found').map((p) => p.message)).toEqual([expect.stringContaining(`"${odd}"`)])
  })

  it('backslash runs and brackets inside MyActivity.json strings split exactly as JSON.parse reads them', async () => {
    const activity = fileOf(corpus, 'googleJson', 'Assistant/MyActivity.json')
    const items = JSON.parse(activity.bytes.toString('utf8')) as Array<{ title: string }>
    items[0]!.title = `Said ${'\\'.repeat(9)}"]},{"time":"x"}${'\\'.repeat(4)}`
    items[1]!.title = 'Said \u2028a3\u202evaw.exe'
    const reading = await readWithFile(corpus, 'googleJson', activity.path, Buffer.from(JSON.stringify(items, null, 1)))
    const fromJson = reading.recordings.filter((r) => r.source.file === activity.path)
    expect(fromJson).toHaveLength(items.length)
    expect(reading.problems).toEqual([])
    expect(fromJson.map((r) => r.transcript)).toEqual(expect.arrayContaining([expect.stringContaining('a3\u202evaw.exe'), expect.stringContaining('\\\\\\\\\\"]},{"time":"x"}')]))
  })

  it('a tar.gz larger than its temp copy reads every entry right, forwards and backwards', async () => {
    const bytes = corpus.tars[1]!
    const path = join(corpus.scratch, 'past-copy.tar.gz')
    await writeFile(path, bytes)
    const whole = await openArchive(path)
    const small = await openArchive(path, { limits: { maxSpillBytes: 4096 } })
    try {
      expect(small.problems.map((p) => p.kind)).toContain('limit')
      for (const order of [whole.entries.map((_, i) => i), whole.entries.map((_, i) => whole.entries.length - 1 - i)]) {
        for (const i of order) expect((await readAll(small, small.entries[i]!)).equals(await readAll(whole, whole.entries[i]!))).toBe(true)
      }
    } finally {
      await whole.close()
      await small.close()
    }
  })

  it('an entry named a3<RLO>vaw.exe inside a tar.gz is listed as named and printed escaped', async () => {
    const path = join(corpus.scratch, 'bidi.tgz')
    await writeFile(path, await tarGzBuffer([{ name: 'Audio/a3\u202evaw.exe', data: 'MZ' }]))
    const a = await openArchive(path)
    try {
      expect(a.entries.map((e) => e.info.path)).toEqual(['Audio/a3\u202evaw.exe'])
      expect(printable(a.entries[0]!.info.path)).toBe('Audio/a3\\u202evaw.exe')
    } finally {
      await a.close()
    }
  })

  it('MyActivity.html with 100,000 tags left open: a limit problem names the file, and every activity is still read', async () => {
    const html = fileOf(corpus, 'googleHtml', 'Assistant/MyActivity.html')
    const clean = await readWithFile(corpus, 'googleHtml', html.path, html.bytes)
    const text = html.bytes.toString('utf8')
    // After the first activity: the tags cost the square of their number in htmlparser2 (16 s for these) until they were bounded.
    const second = text.indexOf('<div class="outer-cell', text.indexOf('<div class="outer-cell') + 1)
    const nested = `${text.slice(0, second)}${'<div class="outer-cell">'.repeat(100_000)}${text.slice(second)}`
    const reading = await readWithFile(corpus, 'googleHtml', html.path, Buffer.from(nested))
    const fromHtml = (r: typeof reading) => r.recordings.filter((x) => x.source.file === html.path).map((x) => [x.time, x.transcript, x.audio?.path])
    expect(fromHtml(reading)).toEqual(fromHtml(clean))
    const limits = reading.problems.filter((p) => p.kind === 'limit')
    expect(limits.length).toBeGreaterThan(0)
    for (const p of limits) expect(p.path).toBe(html.path)
    // Each names where the tag that passed the bound begins; the first lies inside the run of unclosed tags.
    const at = Number(/^At character (\d+) more than \d+ tags are open at once/.exec(limits[0]!.message)![1])
    expect(at).toBeGreaterThan(second)
    expect(nested.startsWith('<div class="outer-cell">', at)).toBe(true)
    expect(reading.problems.filter((p) => p.kind === 'provider-failed')).toEqual([])
  })

  it('an audio file in a ZIP named like a folder (a trailing slash or backslash) is still a recording, with a problem line', async () => {
    const clip = fileOf(corpus, 'amazon', '.wav').bytes
    let zip = await zipBuffer([
      { name: 'Audio_', data: '', compress: false },
      { name: 'Audio/one.wav_', data: clip, compress: false },
      { name: 'Audio/two.wav_', data: clip }
    ])
    zip = renameBytes(zip, 'Audio_', 'Audio/')
    zip = renameBytes(renameBytes(zip, 'Audio/one.wav_', 'Audio/one.wav/'), 'Audio/two.wav_', 'Audio/two.wav\\')
    const path = join(corpus.scratch, 'folder-named.zip')
    await writeFile(path, zip)
    const a = await openArchive(path)
    try {
      const reading = await readExport(a)
      expect(reading.recordings.map((r) => r.audio?.path).sort()).toEqual(['Audio/one.wav', 'Audio/two.wav'])
      expect(a.problems.map((p) => [p.kind, p.path])).toEqual([
        ['folder-with-data', 'Audio/one.wav'],
        ['folder-with-data', 'Audio/two.wav']
      ])
    } finally {
      await a.close()
    }
  })
})
