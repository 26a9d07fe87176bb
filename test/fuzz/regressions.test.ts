import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildCorpus, fileOf, readWithFile, type Corpus } from '../../fuzz/targets'
import { readCsv, type CsvEvent } from '../../src/core/providers/csv/read-csv'

/** Inputs the fuzzer (fuzz/, `npm run fuzz`) found crashing a reader, kept so the bug cannot return. */

let corpus: Corpus
beforeAll(async () => {
  corpus = await buildCorpus()
}, 60_000)
afterAll(() => corpus.dispose())

describe('fuzz regressions', () => {
  it('a CSV entry whose bytes fail mid-read (a truncated ZIP entry) ends in a problem line, not an uncaught stream error', async () => {
    // Found by the zip target (seed 20261123): Digital.CustomerAttributes.1.csv declared 72 bytes and held 62;
    // the archive's read failed after the first chunk, and pipe() left that error with no listener, which kills the process.
    async function* damaged() {
      yield Buffer.from('Customer Id,Name\nA1,Anna\n')
      throw Object.assign(new Error('Digital.CustomerAttributes.1.csv ends after 62 bytes, but its header declares 72.'), { name: 'EntryReadError' })
    }
    const events: CsvEvent[] = []
    for await (const ev of readCsv(Readable.from(damaged()))) events.push(ev)
    expect(events.filter((e) => e.type === 'error')).toHaveLength(1)
    expect(events.at(-1)).toMatchObject({ type: 'error', message: expect.stringContaining('ends after 62 bytes') })
  })

  // Found by the json-grammar target (seed 20261123, inputs #0, #1, #3): fields of the wrong type stopped the Google reader.
  it.each([
    ['details is a string', '[{"header":"Assistant","title":"Said hello","time":"2023-02-01T08:00:00.000Z","products":["Assistant"],"details":"Started by hotword"}]'],
    ['audioFiles is an object', '[{"header":"Assistant","title":"Said hello","time":"2023-02-01T08:00:00.000Z","products":["Assistant"],"audioFiles":{"0":"x.mp3"}}]'],
    ['title is a number and subtitles hold nulls', '[{"header":"Assistant","title":76901717,"time":"2023-02-01T08:00:00.000Z","products":["Assistant"],"subtitles":[null,{"name":7}]}]'],
    ['details holds strings, not objects', '[{"header":"Assistant","title":"Said hello","time":"2023-02-01T08:00:00.000Z","products":["Assistant"],"details":["From unrecognized speaker"]}]']
  ])('a MyActivity.json item where %s is read, its odd field left out', async (_, json) => {
    const activity = fileOf(corpus, 'googleJson', 'Assistant/MyActivity.json')
    const reading = await readWithFile(corpus, 'googleJson', activity.path, Buffer.from(json))
    expect(reading.problems.filter((p) => p.kind === 'provider-failed')).toEqual([])
    const fromJson = reading.recordings.filter((r) => r.source.file === activity.path)
    expect(fromJson).toHaveLength(1)
    expect(fromJson[0]!.time).toBe('2023-02-01T08:00:00.000Z')
  })
})
