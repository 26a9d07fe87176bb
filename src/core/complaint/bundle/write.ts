import { createHash, randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, open, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import JSZip from 'jszip'
import type { CustodyEntry } from '../../../shared/model/review'
import type { ArchiveEntry, OpenedArchive } from '../../archive/types'
import { appName, appVersion } from '../../version'
import { DEFAULT_EXCERPTS, excerptsText } from './excerpts'
import { sha256Hex, type BuiltManifest } from './manifest'
import { LETTERS_FOLDER, ROOT_FILE, sealedNames as sealedNamesOf } from './names'
import { bundleReadme } from './readme'

export interface BundleLetter {
  name: string
  bytes: Uint8Array
}

export interface BundleProgress {
  /** 0–100, as the ZIP is written. */
  percent: number
  file: string | null
}

export interface WriteBundleInput {
  manifest: BuiltManifest
  /**
   * Letters made by the complaint engine (PDF and text), placed under letters/. Given as a function,
   * they are made once the root is known, so they print its SHA-256 (what `verify` checks).
   */
  letters?: readonly BundleLetter[] | ((root: { sha256: string }) => Promise<readonly BundleLetter[]>)
  /** The case's custody log; the bundle adds its own 'exported' line at the end. */
  custodyLog: readonly CustodyEntry[]
  /** How many redacted transcript excerpts to include (default 5; 0 for none). */
  excerpts?: number
  /**
   * Adds the flagged entries' original bytes under sealed/, read from the manifest's archive (still
   * open), or from the archive given. Off by default.
   */
  sealedOriginals?: boolean | { archive: OpenedArchive }
  /** The bundle's path (a .zip). Written to a temp file beside it, then renamed; owner-only. */
  out: string
  onProgress?: (p: BundleProgress) => void
  signal?: AbortSignal
  now?: () => string
}

export interface WrittenBundle {
  path: string
  bytes: number
  /** SHA-256 of the bundle ZIP itself. */
  sha256: string
  manifestSha256: string
  /** SHA-256 of the root file (SHA256SUMS): the value the letters print. */
  rootSha256: string
  /** Every file in the bundle but the root and the letters, with its SHA-256 (what the root lists). */
  files: { name: string; sha256: string; bytes: number }[]
  /** The letters written under letters/, with their SHA-256 (not in the root: they cite it). */
  letters: { name: string; sha256: string; bytes: number }[]
  /** The custody line this bundle ends its log with; append it to the case (recordCustody) too. */
  custodyEntry: CustodyEntry
}

// jszip writes no Zip64: past these the ZIP it makes would be unreadable.
const ZIP32_MAX_BYTES = 0xffff_ffff - 64 * 1024 * 1024
const ZIP32_MAX_ENTRIES = 0xffff - 16

/** A stream that opens the archive entry only when jszip first reads it, so one entry is open at a time. */
function lazyEntry(archive: OpenedArchive, entry: ArchiveEntry): Readable {
  let source: Readable | null = null
  let opening = false
  const out = new Readable({
    read() {
      if (source) {
        source.resume()
        return
      }
      if (opening) return
      opening = true
      archive.openEntry(entry).then(
        (s) => {
          source = s
          s.on('data', (chunk: Buffer) => {
            if (!out.push(chunk)) s.pause()
          })
          s.on('end', () => out.push(null))
          s.on('error', (err) => out.destroy(err))
        },
        (err: unknown) => out.destroy(err as Error)
      )
    },
    destroy(err, callback) {
      source?.destroy()
      callback(err)
    }
  })
  return out
}

const letterName = (name: string) => `${LETTERS_FOLDER}${basename(name).replace(/[\\/]/g, '_')}`

/**
 * Writes the evidence bundle: manifest (JSON, CSV, its SHA-256), the archive's SHA-256, the
 * custody log, redacted excerpts, a README saying how to check it all, the root (SHA256SUMS)
 * over all of those, and the letters, which print the root's SHA-256. No audio and no full transcript unless sealed originals are asked
 * for. The ZIP is streamed to a temp file (0600) beside `out`, synced, then renamed into place.
 */
export async function writeBundle(input: WriteBundleInput): Promise<WrittenBundle> {
  const { manifest: built, signal } = input
  const now = input.now ?? (() => new Date().toISOString())
  const m = built.manifest
  const sealed = input.sealedOriginals ? (input.sealedOriginals === true ? built.archive : input.sealedOriginals.archive) : null
  if (sealed) {
    if (m.summary.audioBytes > ZIP32_MAX_BYTES || m.entries.length > ZIP32_MAX_ENTRIES) {
      throw new Error(`The sealed originals (${m.entries.length} files, ${m.summary.audioBytes} bytes) are too large for one bundle; make the bundle without them and keep the export itself sealed instead.`)
    }
    if (built.archiveEntries.length !== m.entries.length) throw new Error('The manifest was not built from the archive given for the sealed originals.')
  }

  const files: { name: string; data: Uint8Array }[] = []
  const add = (name: string, data: string | Uint8Array) => files.push({ name, data: typeof data === 'string' ? Buffer.from(data) : data })
  const excerpts = excerptsText(built.transcripts, built.redactNames, input.excerpts ?? DEFAULT_EXCERPTS)
  const excerptsBytes = Buffer.from(excerpts.text)
  const excerptCount = Math.min(built.transcripts.length, Math.max(0, input.excerpts ?? DEFAULT_EXCERPTS))

  // The real time of this export of the bundle: the manifest's own time is the evidence's, so that
  // it stays the same; this line makes each bundle (and its root) its own.
  const custodyEntry: CustodyEntry = {
    time: now(),
    tool: `${appName} ${appVersion}`,
    action: 'exported',
    detail:
      `evidence bundle ${basename(input.out)}: manifest.json SHA-256 ${built.sha256}, ${m.entries.length} audio entries, ` +
      `excerpts.txt SHA-256 ${sha256Hex(excerptsBytes)} (${excerptCount} redacted excerpts), ` +
      `letters: ${input.letters ? 'yes' : 'none'}, sealed originals: ${sealed ? 'yes' : 'no'}`
  }
  const custody = [...input.custodyLog, custodyEntry].map((e) => JSON.stringify(e)).join('\n')

  // The archives recovered without their table of contents, which unzip may refuse (null: the export itself).
  const recovered = [...new Set(built.archive.problems.filter((p) => p.kind === 'central-directory').map((p) => p.path))]
  add('README.md', bundleReadme({ manifest: m, manifestSha256: built.sha256, archiveName: m.archive.name, letters: input.letters !== undefined, excerpts: excerptCount, sealed: sealed !== null, recovered }))
  add('manifest.json', built.json)
  add('manifest.csv', built.csv)
  add('manifest.sha256', `${built.sha256}  manifest.json\n`)
  if (m.archive.sha256 !== null) add('archive.sha256', m.archive.parts.map((p) => `${p.sha256}  ${p.name}\n`).join(''))
  add('custody-log.jsonl', `${custody}\n`)
  add('excerpts.txt', excerptsBytes)

  const listed = files.map((f) => ({ name: f.name, sha256: sha256Hex(f.data), bytes: f.data.length }))
  // The sealed files' hashes are the manifest's own: they are the entries' bytes.
  const sealedNames = sealed ? sealedNamesOf(m.entries) : []
  if (sealed) m.entries.forEach((e, i) => listed.push({ name: sealedNames[i]!, sha256: e.sha256, bytes: e.size }))
  const root = Buffer.from(listed.map((f) => `${f.sha256}  ${f.name}\n`).join(''))
  const rootSha256 = sha256Hex(root)

  // Letters come last: they print the root's SHA-256, so they are made once it is known.
  signal?.throwIfAborted()
  const made = typeof input.letters === 'function' ? await input.letters({ sha256: rootSha256 }) : (input.letters ?? [])
  const letters = made.map((l) => ({ name: letterName(l.name), bytes: l.bytes }))
  const seen = new Set<string>()
  for (const l of letters) {
    if (seen.has(l.name)) throw new Error(`Two letters would be written as ${l.name}; each letter needs its own name.`)
    seen.add(l.name)
  }

  const zip = new JSZip()
  const date = new Date(custodyEntry.time)
  for (const f of files) zip.file(f.name, f.data, { date, compression: 'DEFLATE' })
  zip.file(ROOT_FILE, root, { date, compression: 'DEFLATE' })
  for (const l of letters) zip.file(l.name, l.bytes, { date, compression: 'DEFLATE' })
  if (sealed) {
    built.archiveEntries.forEach((entry, i) => zip.file(sealedNames[i]!, lazyEntry(sealed, entry), { date, compression: 'STORE', binary: true }))
  }

  const written = await streamAtomically(
    input.out,
    zip.generateNodeStream({ type: 'nodebuffer', streamFiles: true, compressionOptions: { level: 6 } }, (meta) => input.onProgress?.({ percent: meta.percent, file: meta.currentFile })),
    signal
  )
  return {
    path: input.out,
    bytes: written.bytes,
    sha256: written.sha256,
    manifestSha256: built.sha256,
    rootSha256,
    files: listed,
    letters: letters.map((l) => ({ name: l.name, sha256: sha256Hex(l.bytes), bytes: l.bytes.length })),
    custodyEntry
  }
}

/** Like writeFileAtomic, for a stream: temp file (0600, exclusive) beside the target, fsync, rename, fsync of the folder. */
async function streamAtomically(path: string, source: NodeJS.ReadableStream, signal?: AbortSignal): Promise<{ bytes: number; sha256: string }> {
  const dir = dirname(path)
  await mkdir(dir, { recursive: true, mode: 0o700 })
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  const hash = createHash('sha256')
  let bytes = 0
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk)
      bytes += chunk.length
      done(null, chunk)
    }
  })
  try {
    await pipeline(source, tap, createWriteStream(temp, { flags: 'wx', mode: 0o600 }), { signal })
    const handle = await open(temp, 'r+')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temp, path)
  } catch (err) {
    await rm(temp, { force: true })
    throw err
  }
  const folder = await open(dir, 'r').catch(() => null)
  await folder?.sync().catch(() => undefined)
  await folder?.close()
  return { bytes, sha256: hash.digest('hex') }
}
