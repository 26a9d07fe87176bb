import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import fc from 'fast-check'
import { analyze } from '../src/core/analysis'
import { ArchiveOpenError, EntryReadError, openArchive } from '../src/core/archive'
import type { ArchiveLimits, OpenedArchive } from '../src/core/archive/types'
import { probe } from '../src/core/audio/probe'
import type { ExportReading } from '../src/shared/model/recording'
import { buildExport, type ExportOptions } from '../src/core/generate'
import type { GenNode, GenTree } from '../src/core/generate/tree'
import { writeZipParts } from '../src/core/generate/write-zip'
import { builtInProviders } from '../src/core/providers/built-ins'
import { readExport } from '../src/core/providers/read-export'
import { ProviderRegistry } from '../src/core/providers/registry'
import { memoryArchive } from '../src/core/providers/testing/memory-archive'
import { renameBytes, tarBuffer, tarGzBuffer, zipBuffer, zipLayout } from '../test/fixtures/archives'
import { applyPlan, planArb } from './mutate'
import { MAX_RECORD_CHARS } from '../src/core/providers/csv/read-csv'
import { MAX_OPEN_TAGS } from '../src/core/providers/google-assistant/activity-html'

/**
 * What the fuzzer attacks: every reader of an export, each started from small valid inputs our
 * generator makes. `run` must end in a result or a typed problem; anything it throws is a crash.
 */
export interface Target {
  name: string
  /** Share of the runs this target gets. */
  weight: number
  /** Inputs for one run each, from fast-check's random stream. */
  inputs: fc.Arbitrary<Buffer>
  run(input: Buffer): Promise<unknown>
}

/** A reader's answer that breaks its promise (a bug caught inside, a result of the wrong shape). */
export class FuzzCrash extends Error {
  override readonly name = 'FuzzCrash'
}

// Errors that mean the code did something it did not expect, rather than reporting bad input.
const BUG_ERRORS = [TypeError, ReferenceError, RangeError]
const isBug = (err: unknown): boolean => BUG_ERRORS.some((E) => err instanceof E) || (err instanceof Error && /Maximum call stack/.test(err.message))

/** Every built-in provider, with the errors they end on kept, since readExport turns them into problem lines. */
function watchedProviders(seen: unknown[]): ProviderRegistry {
  return new ProviderRegistry(
    builtInProviders()
      .list()
      .map((p) => ({
        ...p,
        async *parse(view, ctx) {
          try {
            yield* p.parse(view, ctx)
          } catch (err) {
            seen.push(err)
            throw err
          }
        }
      }))
  )
}

/** readExport and the detector over an archive; a provider that stopped on a bug (not on bad input) is a crash. */
async function readAllProviders(archive: OpenedArchive): Promise<ExportReading> {
  const seen: unknown[] = []
  const reading = await readExport(archive, { providers: watchedProviders(seen) })
  const bug = seen.find(isBug)
  if (bug) throw new FuzzCrash(`a provider stopped on a bug: ${(bug as Error).stack ?? String(bug)}`)
  if (!Array.isArray(reading.recordings) || !Array.isArray(reading.problems)) throw new FuzzCrash('readExport gave no recordings or problems list')
  // The detector reads what the providers made of a hostile file: odd times, empty names, stray ids.
  await analyze(reading)
  return reading
}

const SMALL_CLIPS = { sampleRate: 8000, maxSeconds: 0.1 }
const EXPORTS: Record<string, ExportOptions> = {
  amazon: { provider: 'amazon', own: 3, foreign: 2, kind: 'unregistered-device', seed: 'fuzz', clips: SMALL_CLIPS },
  amazon2018: { provider: 'amazon', own: 2, foreign: 1, kind: 'seed', seed: 'fuzz', clips: SMALL_CLIPS },
  googleJson: { provider: 'google', own: 3, foreign: 2, kind: 'none', seed: 'fuzz', clips: { ...SMALL_CLIPS, format: 'mp3' }, google: { html: 'json' } },
  googleHtml: { provider: 'google', own: 3, foreign: 2, kind: 'none', seed: 'fuzz', clips: { ...SMALL_CLIPS, format: 'mp3' }, google: { html: 'only' } }
}

interface FlatFile {
  path: string
  bytes: Buffer
}

async function contentBytes(content: Extract<GenNode, { content: unknown }>['content']): Promise<Buffer> {
  if (typeof content === 'string') return Buffer.from(content, 'utf8')
  if (Buffer.isBuffer(content)) return content
  const chunks: Buffer[] = []
  for await (const c of content() as Readable) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c))
  return Buffer.concat(chunks)
}

/** The files of a one-part export with nested ZIPs named as the archive engine names them ('a.zip!/b'). */
async function flatten(tree: GenTree): Promise<FlatFile[]> {
  const out: FlatFile[] = []
  const walk = async (nodes: readonly GenNode[], prefix: string) => {
    for (const n of nodes) {
      if ('zip' in n) await walk(n.zip, `${prefix}${n.path}!/`)
      else out.push({ path: `${prefix}${n.path}`, bytes: await contentBytes(n.content) })
    }
  }
  for (const p of tree.parts) await walk(p.nodes, '')
  return out
}

/** The generated exports, built once per process. */
export interface Corpus {
  trees: Record<string, GenTree>
  files: Record<string, FlatFile[]>
  zips: Buffer[]
  tars: Buffer[]
  scratch: string
  dispose(): Promise<void>
}

export async function buildCorpus(): Promise<Corpus> {
  const scratch = await mkdtemp(join(tmpdir(), 'exportscope-fuzz-'))
  const trees: Record<string, GenTree> = {}
  const files: Record<string, FlatFile[]> = {}
  const zips: Buffer[] = []
  for (const [name, options] of Object.entries(EXPORTS)) {
    const { tree } = await buildExport(options)
    trees[name] = tree
    files[name] = await flatten(tree)
    if (name === 'amazon' || name === 'googleJson') {
      const [path] = await writeZipParts(tree, join(scratch, name))
      zips.push(await readFile(path!))
    }
  }
  // Shapes the exports do not use: streamed entries (data descriptors), Zip64 records, a nested deflated ZIP.
  const inner = await zipBuffer([{ name: 'in.wav', data: files.amazon!.find((f) => f.path.endsWith('.wav'))!.bytes }])
  zips.push(
    await zipBuffer(
      [
        { name: 'Alexa/Alexa.VoiceHistory.csv', data: files.amazon!.find((f) => f.path.endsWith('VoiceHistory.csv'))!.bytes, stream: true },
        { name: 'nested.zip', data: inner },
        { name: 'stored.zip', data: inner, compress: false }
      ],
      { zip64: true }
    )
  )
  // Issue 15: audio in entries named like folders ('Audio/x.wav/', 'Audio/y.wav\\'), listed as files with a problem line.
  const clip = files.amazon!.find((f) => f.path.endsWith('.wav'))!.bytes
  zips.push(
    renameBytes(
      renameBytes(await zipBuffer([{ name: 'Audio/x.wav_', data: clip, compress: false }, { name: 'Audio/y.wav_', data: clip }, { name: 'Audio/z.wav', data: clip }]), 'Audio/x.wav_', 'Audio/x.wav/'),
      'Audio/y.wav_',
      'Audio/y.wav\\'
    )
  )
  // Amazon's category ZIPs stored and streamed (sizes in a data descriptor), without the central
  // directory: recovery must end each at its descriptor and list its entries inside it.
  const category = await zipBuffer([
    { name: 'Alexa/Audio/a.wav', data: clip, compress: false },
    { name: 'Alexa/Alexa.VoiceHistory.csv', data: files.amazon!.find((f) => f.path.endsWith('VoiceHistory.csv'))!.bytes }
  ])
  const streamed = await zipBuffer([
    { name: 'Alexa.zip', data: category, compress: false, stream: true },
    { name: 'after.txt', data: 'after' }
  ])
  zips.push(streamed.subarray(0, zipLayout(streamed).centralStart))
  const plain = (f: FlatFile[]) => f.filter((x) => !x.path.includes('!/')).map((x) => ({ name: x.path, data: x.bytes }))
  const tars = [
    await tarBuffer(plain(files.googleHtml!)),
    await tarGzBuffer(plain(files.amazon2018!)),
    await tarBuffer([{ name: 'Audio/', data: '', type: 'directory' }, { name: 'Audio/x.wav/', data: clip }, { name: 'Audio/z.wav', data: clip }])
  ]
  return { trees, files, zips, tars, scratch, dispose: () => rm(scratch, { recursive: true, force: true }) }
}

export const fileOf = (corpus: Corpus, exportName: string, suffix: string): FlatFile => {
  const f = corpus.files[exportName]!.find((x) => x.path.endsWith(suffix))
  if (!f) throw new Error(`the generated ${exportName} export has no file ending in ${suffix}`)
  return f
}

/** Inputs: a seed file damaged by a random plan of byte mutations. */
const mutated = (seeds: Buffer[]): fc.Arbitrary<Buffer> => planArb.map((plan) => applyPlan(seeds, plan))

let fileCounter = 0

/** Writes the bytes as an archive file, opens it, reads every entry and every provider over it. */
async function openAndReadAll(dir: string, ext: string, bytes: Buffer, extra: Partial<ArchiveLimits> = {}, backwards = false): Promise<void> {
  const path = join(dir, `input-${process.pid}-${++fileCounter}.${ext}`)
  await writeFile(path, bytes)
  let archive: OpenedArchive | null = null
  try {
    try {
      // Tight limits, so a mutated size field cannot make a run slow by asking for gigabytes.
      archive = await openArchive(path, { limits: { maxRatio: 50, maxEntryBytes: 16 * 1024 * 1024, maxTotalBytes: 64 * 1024 * 1024, maxEntries: 5000, ...extra } })
    } catch (err) {
      if (err instanceof ArchiveOpenError) return
      throw err
    }
    for (const entry of backwards ? [...archive.entries].reverse() : archive.entries) {
      try {
        let n = 0
        for await (const chunk of await archive.openEntry(entry)) if ((n += (chunk as Buffer).length) > 4 * 1024 * 1024) break
      } catch (err) {
        if (!(err instanceof EntryReadError)) throw err
      }
    }
    await readAllProviders(archive)
  } finally {
    await archive?.close()
    await rm(path, { force: true })
  }
}

/** Replaces one file of a generated export in memory and lets every provider read it. */
export async function readWithFile(corpus: Corpus, exportName: string, path: string, bytes: Buffer): Promise<ExportReading> {
  const files = corpus.files[exportName]!
  const tree: GenTree = { parts: [{ name: 'export.zip', nodes: [] }], mtime: corpus.trees[exportName]!.mtime }
  const archive = await memoryArchive(
    tree,
    files.map((f) => ({ path: f.path, content: f.path === path ? bytes : f.bytes }))
  )
  return readAllProviders(archive)
}

async function probeOnly(bytes: Buffer): Promise<void> {
  const result = await probe(new Uint8Array(bytes))
  if ('error' in result) {
    if (typeof result.error !== 'string' || !result.error) throw new FuzzCrash('probe failed without a reason')
    return
  }
  if (result.duration !== null && !(Number.isFinite(result.duration) && result.duration >= 0)) throw new FuzzCrash(`probe gave the duration ${result.duration}`)
}

// ---- property-based inputs: text built from the grammar of each format, not from a seed ----

// A field past the CSV record bound (read-csv.ts): it must cost its own record, never the rows after it.
const OVERSIZED = 'y'.repeat(MAX_RECORD_CHARS + 1)
const cell = fc
  .tuple(fc.boolean(), fc.oneof(fc.string(), fc.constantFrom('', '"', '""', ',', '\n', '\r\n', 'Alexa', '2023-02-01T08:00:00Z', 'G0801234ABCDEF', '\u0000', '\ufeff', OVERSIZED)))
  .map(([quoted, c]) => (quoted ? `"${c}"` : c))
const csvArb = fc
  .tuple(fc.array(fc.constantFrom('Creation Time', 'Device Serial Number', 'Device Name', 'Transcript', 'Audio', 'Customer Id', 'x'), { maxLength: 8 }), fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 30 }))
  .map(([header, rows]) => Buffer.from([header.join(','), ...rows.map((r) => r.join(','))].join('\n')))

const activityItem = fc.record(
  {
    header: fc.oneof(fc.constant('Assistant'), fc.string()),
    // Backslash runs and brackets inside strings: what the item splitter must not miscount, wherever a chunk ends.
    title: fc.oneof(
      fc.constant('Said hello'),
      fc.string(),
      fc.constant(null),
      fc.constantFrom('\\', '\\\\"', 'a\\"]},{"x":', '"]]]}}}', '\u2028\u2029'),
      // Long runs of quotes or spaces inside the words: the title's ends were once cut by patterns that cost their square.
      fc.constantFrom(`Said x${'"'.repeat(20_000)}y`, `Said x${' '.repeat(20_000)}y gesagt`)
    ),
    time: fc.oneof(fc.constant('2023-02-01T08:00:00.000Z'), fc.string(), fc.integer(), fc.constant(null)),
    products: fc.oneof(fc.constant(['Assistant']), fc.array(fc.jsonValue(), { maxLength: 3 })),
    audioFiles: fc.oneof(fc.array(fc.oneof(fc.string(), fc.constantFrom('a3\u202evaw.exe', 'x\u200b.mp3', '%ZZ.mp3')), { maxLength: 3 }), fc.jsonValue()),
    subtitles: fc.array(fc.record({ name: fc.string() }, { requiredKeys: [] }), { maxLength: 3 }),
    details: fc.jsonValue()
  },
  { requiredKeys: [] }
)
const jsonArb = fc.oneof({ weight: 4, arbitrary: fc.array(activityItem, { maxLength: 20 }) }, { weight: 1, arbitrary: fc.jsonValue() }).map((v) => Buffer.from(JSON.stringify(v) ?? 'null'))

const htmlPiece = fc.oneof(
  fc.string(),
  fc.constantFrom('<div class="outer-cell">', '<div class="content-cell mdl-cell">', '<div class="header-cell">', '</div>', '<br>', '<a href="x.mp3">', '</a>', '<script>', '<!--', '-->', '<![CDATA[', '&emsp;', '&#xFFFFFF;', 'Said hello', 'Feb 1, 2023, 8:38:31 AM UTC', '<p class="mdl-typography--title">Assistant<br></p>',
    // Issue 15: malformed %-escapes in audio names (each costs its reference's decoding only) and bidi/zero-width names.
    '<audio controls><source src="Audio%ZZ.mp3"></audio>',
    '<a href="50%.mp3">',
    '<source src="a%E9%C3.mp3">',
    '<source src="a3\u202evaw.exe.mp3">',
    `Said x${'&quot;'.repeat(20_000)}y`,
    // Issue 15: more tags left open than the parser may hold, so the grammar reaches its fresh starts.
    '<div class="outer-cell">'.repeat(MAX_OPEN_TAGS + 1),
    '<span>'.repeat(MAX_OPEN_TAGS + 1)
  )
)
const htmlArb = fc.array(htmlPiece, { maxLength: 80 }).map((p) => Buffer.from(`<!DOCTYPE html><html><body><div class="mdl-grid">${p.join('')}</div></body></html>`))

export function targets(corpus: Corpus): Target[] {
  const voiceCsv = fileOf(corpus, 'amazon', 'Alexa.VoiceHistory.csv')
  const registrationCsv = fileOf(corpus, 'amazon', 'registration.csv')
  const attributesCsv = fileOf(corpus, 'amazon', 'CustomerAttributes.1.csv')
  const activityJson = fileOf(corpus, 'googleJson', 'Assistant/MyActivity.json')
  const profileJson = fileOf(corpus, 'googleJson', 'Profile.json')
  const indexPage = fileOf(corpus, 'googleJson', 'archive_browser.html')
  const activityHtml = fileOf(corpus, 'googleHtml', 'Assistant/MyActivity.html')
  const transcriptPdf = fileOf(corpus, 'amazon2018', 'Transcripts.pdf')
  const wavs = corpus.files.amazon!.filter((f) => f.path.endsWith('.wav')).slice(0, 2).map((f) => f.bytes)
  const mp3s = corpus.files.googleJson!.filter((f) => f.path.endsWith('.mp3')).slice(0, 2).map((f) => f.bytes)
  const csvFiles = [voiceCsv, registrationCsv, attributesCsv]
  const pickCsv = fc.nat({ max: csvFiles.length - 1 })

  return [
    { name: 'zip', weight: 16, inputs: mutated(corpus.zips), run: (b) => openAndReadAll(corpus.scratch, 'zip', b) },
    { name: 'tar', weight: 8, inputs: mutated([corpus.tars[0]!, corpus.tars[2]!]), run: (b) => openAndReadAll(corpus.scratch, 'tar', b) },
    { name: 'tar.gz', weight: 6, inputs: mutated([corpus.tars[1]!]), run: (b) => openAndReadAll(corpus.scratch, 'tar.gz', b) },
    // The same, with a temp copy of 8 kB, read backwards: entries past it come through the gunzip cursor and zran access points.
    { name: 'tar.gz-past-copy', weight: 3, inputs: mutated([corpus.tars[1]!]), run: (b) => openAndReadAll(corpus.scratch, 'tar.gz', b, { maxSpillBytes: 8 * 1024 }, true) },
    {
      name: 'csv',
      weight: 14,
      // The file index rides in the first byte's slot of a tuple, so one input says which CSV it damages.
      inputs: fc.tuple(pickCsv, planArb).map(([i, plan]) => Buffer.concat([Buffer.from([i]), applyPlan([csvFiles[i]!.bytes], plan)])),
      run: (b) => readWithFile(corpus, 'amazon', csvFiles[b[0]! % csvFiles.length]!.path, b.subarray(1))
    },
    { name: 'csv-grammar', weight: 8, inputs: csvArb, run: (b) => readWithFile(corpus, 'amazon', voiceCsv.path, b) },
    { name: 'json', weight: 10, inputs: mutated([activityJson.bytes]), run: (b) => readWithFile(corpus, 'googleJson', activityJson.path, b) },
    { name: 'json-profile', weight: 3, inputs: mutated([profileJson.bytes]), run: (b) => readWithFile(corpus, 'googleJson', profileJson.path, b) },
    // The index page that names the account; with long runs of address characters, as its e-mail search once cost their square.
    {
      name: 'html-index',
      weight: 3,
      inputs: fc.oneof(mutated([indexPage.bytes]), fc.constantFrom(Buffer.from(`<p>${'a.'.repeat(100_000)}@x</p>`), Buffer.from(`<p>${'a'.repeat(200_000)} owner@example.org</p>`))),
      run: (b) => readWithFile(corpus, 'googleJson', indexPage.path, b)
    },
    { name: 'json-grammar', weight: 8, inputs: jsonArb, run: (b) => readWithFile(corpus, 'googleJson', activityJson.path, b) },
    { name: 'html', weight: 10, inputs: mutated([activityHtml.bytes]), run: (b) => readWithFile(corpus, 'googleHtml', activityHtml.path, b) },
    { name: 'html-grammar', weight: 6, inputs: htmlArb, run: (b) => readWithFile(corpus, 'googleHtml', activityHtml.path, b) },
    { name: 'audio', weight: 14, inputs: fc.oneof(mutated(wavs), mutated(mp3s), fc.uint8Array({ maxLength: 2048 }).map((u) => Buffer.from(u))), run: probeOnly },
    { name: 'pdf', weight: 3, inputs: mutated([transcriptPdf.bytes]), run: (b) => readWithFile(corpus, 'amazon2018', transcriptPdf.path, b) }
  ]
}
