import { basename } from 'node:path'
import { exportSha256, hashArchive, openArchive } from '../../archive'
import { partOf, type ArchiveEntry, type OpenedArchive } from '../../archive/types'
import { hashEntries, sha256OfEntry } from './hash-entries'
import { entriesByName, entryOffset, sha256Hex } from './manifest'
import { ManifestSchema, type Manifest } from './manifest-schema'
import { LETTERS_FOLDER, ROOT_FILE, sealedNames } from './names'
import { MANIFEST_CSV, manifestCsvDifferences } from './verify-csv'

export type DifferenceKind =
  | 'missing-file'
  | 'unlisted-file'
  | 'file-hash'
  | 'duplicate-entry'
  | 'name-mismatch'
  | 'bundle-damaged'
  | 'too-large'
  | 'root-invalid'
  | 'root-hash'
  | 'letter-root'
  | 'manifest-hash'
  | 'manifest-invalid'
  | 'archive-hash'
  | 'part-hash'
  | 'entry-missing'
  | 'entry-hash'
  | 'entry-size'
  | 'entry-unreadable'
  | 'sealed-hash'
  | 'manifest-csv'

/** One thing that is not as the bundle says; `where` is a file of the bundle or an entry of the export. */
export interface Difference {
  kind: DifferenceKind
  where: string
  message: string
  expected?: string
  actual?: string
  /** Of a 'manifest-csv' difference: the line of manifest.csv (1 is its header) and the column. */
  line?: number
  column?: string
}

export interface VerifyOptions {
  /** The export (a file, or any one part of a multipart export) to check the listed entries against. */
  against?: string
  /** The root's SHA-256 as a letter already sent prints it: the one check a forger cannot redo. */
  expectRoot?: string
  signal?: AbortSignal
  onProgress?: (p: { phase: 'bundle' | 'archive' | 'entries'; done: number; total: number }) => void
  /** Largest root, manifest, letter text or other small file read whole (tests lower them). */
  limits?: Partial<typeof READ_LIMITS>
}

export interface VerifyResult {
  ok: boolean
  differences: Difference[]
  manifest: Manifest | null
  /** SHA-256 of the bundle's manifest.json as it is now. */
  manifestSha256: string | null
  /** SHA-256 of the bundle's root (SHA256SUMS) as it is now: the value the letters print. */
  rootSha256: string | null
  /** Each letter in the bundle: whether it cites the root (null: a PDF, whose text is not searched; its .txt twin is). */
  letters: { name: string; citesRoot: boolean | null }[]
  /** How many bundle files and export entries were checked. */
  checked: { files: number; entries: number; archive: boolean }
}

/** Files read whole are bounded: a 577 MB SHA256SUMS is a difference, never a crash. */
export const READ_LIMITS = { text: 64 * 1024 * 1024, manifest: 256 * 1024 * 1024 }

const SUM_LINE = /^([0-9a-f]{64}) [ *](.+)$/
const HEX64 = /^[0-9a-f]{64}$/

/** The entry's bytes, or null once they pass `max` (the read stops there). */
async function readBounded(archive: OpenedArchive, entry: ArchiveEntry, max: number): Promise<Buffer | null> {
  if (entry.info.size > max) return null
  const chunks: Buffer[] = []
  let total = 0
  const stream = await archive.openEntry(entry)
  try {
    for await (const c of stream as AsyncIterable<Buffer>) {
      total += c.length
      if (total > max) return null
      chunks.push(c)
    }
  } finally {
    stream.destroy()
  }
  return Buffer.concat(chunks)
}

/** Lines of sha256sum's format: digest, two spaces (or space and '*'), name; and the lines that are not. */
function parseSums(text: string): { sums: Map<string, string>; bad: number[]; repeated: string[] } {
  const sums = new Map<string, string>()
  const bad: number[] = []
  const repeated: string[] = []
  const lines = text.split('\n')
  if (lines.at(-1) === '') lines.pop()
  lines.forEach((raw, i) => {
    const m = SUM_LINE.exec(raw.replace(/\r$/, ''))
    if (!m) bad.push(i + 1)
    else if (sums.has(m[2]!)) repeated.push(m[2]!)
    else sums.set(m[2]!, m[1]!)
  })
  return { sums, bad, repeated }
}

const isLetter = (name: string) => name.startsWith(LETTERS_FOLDER)
const isLetterText = (name: string) => /\.(txt|md)$/i.test(name)

/**
 * Checks a bundle: no entry name twice, every file but the letters listed in the root
 * (SHA256SUMS) and matching it, every letter's text citing the root's SHA-256, manifest.json
 * against manifest.sha256, manifest.csv against manifest.json (people read the spreadsheet, and a
 * forger may rewrite it and the root, leaving the JSON alone), sealed originals against the
 * manifest; with `expectRoot`, the root against the value a letter printed; with `against`, the
 * export's SHA-256 and every listed entry's bytes. Opens both read-only and reads no file whole
 * past READ_LIMITS. Throws ArchiveOpenError when the bundle or the export cannot be opened at all;
 * everything else is a difference in the result.
 */
export async function verifyBundle(bundlePath: string, options: VerifyOptions = {}): Promise<VerifyResult> {
  const { signal } = options
  const limits = { ...READ_LIMITS, ...options.limits }
  const differences: Difference[] = []
  const differ = (d: Difference) => differences.push(d)
  const checked = { files: 0, entries: 0, archive: false }
  let manifest: Manifest | null = null
  let manifestSha256: string | null = null
  let rootSha256: string | null = null
  const letters: VerifyResult['letters'] = []

  const bundle = await openArchive(bundlePath, { signal })
  try {
    // Nested archives are listed too ('x.zip!/…'); only the bundle's own files count.
    const own = bundle.entries.filter((e) => !e.info.path.includes('!/') && !e.info.path.endsWith('/'))
    const files = new Map<string, ArchiveEntry>()
    const copies = new Map<string, number>()
    for (const e of own) {
      copies.set(e.info.path, (copies.get(e.info.path) ?? 0) + 1)
      if (!files.has(e.info.path)) files.set(e.info.path, e)
    }
    // unzip extracts the first copy, most libraries keep the last: a second copy is how a forged file hides.
    for (const [name, n] of copies) {
      if (n > 1) differ({ kind: 'duplicate-entry', where: name, message: `${name} is in the bundle ${n} times; tools differ on which copy they show, so the bundle cannot be trusted.` })
    }
    // A bundle this app writes opens without a single problem: any is a sign of tampering or damage.
    for (const p of bundle.problems) {
      if (p.kind === 'duplicate-name') continue
      differ({ kind: p.kind === 'name-mismatch' ? 'name-mismatch' : 'bundle-damaged', where: p.path ?? basename(bundlePath), message: p.message })
    }
    /** Bytes of a small file of the bundle, or null with the difference said. */
    const small = async (name: string, max: number): Promise<Buffer | null> => {
      const entry = files.get(name)
      if (!entry) return null
      const bytes = await readBounded(bundle, entry, max).catch((err: unknown) => {
        differ({ kind: 'file-hash', where: name, message: `${name} cannot be read: ${err instanceof Error ? err.message : String(err)}` })
        return undefined
      })
      if (bytes === null) differ({ kind: 'too-large', where: name, message: `${name} is larger than ${max} bytes (it declares ${entry.info.size}); no bundle this app writes has one so large, so it is not read.` })
      return bytes ?? null
    }

    for (const name of [ROOT_FILE, 'manifest.json', 'manifest.sha256']) if (!files.has(name)) differ({ kind: 'missing-file', where: name, message: `The bundle has no ${name}.` })

    const root = await small(ROOT_FILE, limits.text)
    let sums = new Map<string, string>()
    if (root) {
      rootSha256 = sha256Hex(root)
      const parsed = parseSums(root.toString('utf8'))
      sums = parsed.sums
      if (parsed.bad.length > 0) differ({ kind: 'root-invalid', where: ROOT_FILE, message: `${ROOT_FILE} has ${parsed.bad.length} line(s) that are not "<SHA-256>  <file>" (line ${parsed.bad.slice(0, 5).join(', ')}${parsed.bad.length > 5 ? ', …' : ''}).` })
      for (const name of parsed.repeated) differ({ kind: 'root-invalid', where: ROOT_FILE, message: `${ROOT_FILE} lists ${name} more than once.` })
      for (const name of files.keys()) {
        if (name !== ROOT_FILE && !isLetter(name) && !sums.has(name)) differ({ kind: 'unlisted-file', where: name, message: `${name} is in the bundle but not listed in ${ROOT_FILE}, the root.` })
      }
    }
    if (options.expectRoot !== undefined) {
      const want = options.expectRoot.trim().toLowerCase()
      if (!HEX64.test(want)) differ({ kind: 'root-hash', where: ROOT_FILE, message: `The value given with --root is not a SHA-256 (64 hex digits).`, expected: options.expectRoot })
      else if (rootSha256 !== want) differ({ kind: 'root-hash', where: ROOT_FILE, message: `${ROOT_FILE} is not the root the letter cites: this is not the bundle the letter was sent with, or it was changed since.`, expected: want, actual: rootSha256 ?? '(none)' })
    }

    let done = 0
    const actualOf = new Map<string, string>()
    for (const [name, expected] of sums) {
      const entry = files.get(name)
      options.onProgress?.({ phase: 'bundle', done: done++, total: sums.size })
      if (!entry) {
        differ({ kind: 'missing-file', where: name, message: `${ROOT_FILE} lists ${name}, but the bundle does not hold it.` })
        continue
      }
      const actual = await sha256OfEntry(bundle, entry, signal).catch((err: unknown) => `unreadable: ${err instanceof Error ? err.message : String(err)}`)
      actualOf.set(name, actual)
      checked.files++
      if (actual !== expected) differ({ kind: 'file-hash', where: name, message: `${name} is not the file ${ROOT_FILE} lists: it was changed since the bundle was made.`, expected, actual })
    }

    const manifestBytes = await small('manifest.json', limits.manifest)
    if (manifestBytes) manifestSha256 = sha256Hex(manifestBytes)
    const recordedBytes = await small('manifest.sha256', limits.text)
    if (manifestBytes && recordedBytes) {
      const recorded = parseSums(recordedBytes.toString('utf8')).sums.get('manifest.json')
      if (recorded !== manifestSha256) differ({ kind: 'manifest-hash', where: 'manifest.json', message: 'manifest.json does not have the SHA-256 recorded in manifest.sha256.', expected: recorded ?? '(none recorded)', actual: manifestSha256! })
    }
    if (manifestBytes) {
      let json: unknown = null
      try {
        json = JSON.parse(manifestBytes.toString('utf8'))
      } catch {
        /* reported below */
      }
      const parsed = ManifestSchema.safeParse(json)
      if (parsed.success) manifest = parsed.data
      else differ({ kind: 'manifest-invalid', where: 'manifest.json', message: `manifest.json is not a manifest this version can read${parsed.error.issues[0] ? ` (${parsed.error.issues[0].path.join('.') || 'file'}: ${parsed.error.issues[0].message})` : ''}.` })
    }

    // Every bundle this app writes has one. When the root lists it, its absence is said above.
    if (!files.has(MANIFEST_CSV) && !sums.has(MANIFEST_CSV)) differ({ kind: 'missing-file', where: MANIFEST_CSV, message: `The bundle has no ${MANIFEST_CSV}.` })
    if (manifest && files.has(MANIFEST_CSV)) {
      const csv = await small(MANIFEST_CSV, limits.text)
      if (csv) for (const d of manifestCsvDifferences(csv, manifest)) differ(d)
    }

    for (const name of files.keys()) {
      if (!isLetter(name)) continue
      if (!isLetterText(name)) {
        letters.push({ name, citesRoot: null })
        continue
      }
      const text = await small(name, limits.text)
      const cites = text !== null && rootSha256 !== null && text.includes(rootSha256)
      letters.push({ name, citesRoot: cites })
      if (text !== null && rootSha256 !== null && !cites) {
        // Letters of bundles made before the root existed cite manifest.json: say so, it is still a failure.
        const old = manifestSha256 !== null && text.includes(manifestSha256) ? ` It cites manifest.json's SHA-256 instead, as letters made before bundles had a root did; such a letter fixes manifest.json only.` : ''
        differ({ kind: 'letter-root', where: name, message: `${name} does not cite the SHA-256 of this bundle's ${ROOT_FILE} (${rootSha256}): the letter was made for another bundle, or the root was rewritten.${old}`, expected: rootSha256 })
      }
    }

    if (manifest) {
      if (!files.has('archive.sha256') && manifest.archive.sha256 !== null) differ({ kind: 'missing-file', where: 'archive.sha256', message: 'The bundle has no archive.sha256.' })
      const archiveSums = await small('archive.sha256', limits.text)
      if (archiveSums) {
        const listed = parseSums(archiveSums.toString('utf8')).sums
        for (const p of manifest.archive.parts) {
          if (listed.get(p.name) !== p.sha256) differ({ kind: 'archive-hash', where: 'archive.sha256', message: `archive.sha256 does not give ${p.name} the SHA-256 the manifest records.`, expected: p.sha256, actual: listed.get(p.name) ?? '(not listed)' })
        }
      }
      const names = sealedNames(manifest.entries)
      for (const [i, e] of manifest.entries.entries()) {
        const name = names[i]!
        const actual = actualOf.get(name)
        if (actual !== undefined && actual !== e.sha256) differ({ kind: 'sealed-hash', where: name, message: `The sealed original of ${e.path} does not have the SHA-256 the manifest lists.`, expected: e.sha256, actual })
      }
    }
  } finally {
    await bundle.close()
  }

  if (options.against && manifest) {
    await checkAgainst(options.against, manifest, differ, checked, options)
  }
  return { ok: differences.length === 0, differences, manifest, manifestSha256, rootSha256, letters, checked }
}

async function checkAgainst(path: string, manifest: Manifest, differ: (d: Difference) => void, checked: VerifyResult['checked'], options: VerifyOptions): Promise<void> {
  const { signal } = options
  const archive = await openArchive(path, { signal })
  try {
    const key = (part: string | null, p: string) => `${part ?? ''}\u0000${p}`
    const byKey = entriesByName(archive.entries, (e) => {
      const part = partOf(e)
      return part === null ? null : basename(part)
    })
    const listed = [...manifest.entries, ...manifest.sources]
    const present: { entry: ArchiveEntry; expected: (typeof listed)[number] }[] = []
    // Of several entries of one name, the copy the manifest names by its offset: by a map per name, made
    // when first asked, not by a look at every copy for each (40,000 copies of one name: 1.8 s, growing as their square).
    const byOffset = new Map<ArchiveEntry[], Map<number | null, ArchiveEntry>>()
    const copyAt = (copies: ArchiveEntry[], offset: number): ArchiveEntry | undefined => {
      if (copies.length < 8) return copies.find((e) => entryOffset(e) === offset)
      let at = byOffset.get(copies)
      if (!at) {
        at = new Map()
        // The first copy of an offset wins, as find() took it.
        for (const e of copies) if (!at.has(entryOffset(e))) at.set(entryOffset(e), e)
        byOffset.set(copies, at)
      }
      return at.get(offset)
    }
    for (const l of listed) {
      const copies = byKey.get(key(l.part, l.path)) ?? []
      const entry = l.offset == null ? copies[0] : copyAt(copies, l.offset)
      if (!entry) differ({ kind: 'entry-missing', where: l.path, message: `The export has no entry ${l.path}${l.part ? ` in ${l.part}` : ''}.` })
      else present.push({ entry, expected: l })
    }
    const [hashed, parts] = await Promise.all([
      hashEntries(
        archive,
        present.map((p) => p.entry),
        { signal, onEntry: (done) => options.onProgress?.({ phase: 'entries', done, total: present.length }) }
      ),
      manifest.archive.sha256 === null || archive.format === 'folder'
        ? Promise.resolve([])
        : hashArchive(
            archive.parts.map((p) => p.path),
            { signal, onProgress: (p) => options.onProgress?.({ phase: 'archive', done: p.bytes, total: p.totalBytes }) }
          )
    ])
    hashed.forEach((h, i) => {
      const { expected } = present[i]!
      checked.entries++
      if (h.sha256 === null) differ({ kind: 'entry-unreadable', where: expected.path, message: `${expected.path} can no longer be read: ${h.error}`, expected: expected.sha256 })
      else if (h.sha256 !== expected.sha256) differ({ kind: 'entry-hash', where: expected.path, message: `The bytes of ${expected.path} are not those listed.`, expected: expected.sha256, actual: h.sha256 })
      if (h.entry.info.size !== expected.size) differ({ kind: 'entry-size', where: expected.path, message: `${expected.path} has ${h.entry.info.size} bytes, not ${expected.size}.`, expected: String(expected.size), actual: String(h.entry.info.size) })
    })
    if (manifest.archive.sha256 === null) return
    const actual = exportSha256(parts.map((p) => p.sha256))
    checked.archive = true
    if (actual !== manifest.archive.sha256) differ({ kind: 'archive-hash', where: basename(path), message: `The export's SHA-256 is not the one the manifest records: its bytes have changed, or it is another export.`, expected: manifest.archive.sha256, actual })
    parts.forEach((p, i) => {
      const want = manifest.archive.parts.find((x) => x.name === basename(p.path)) ?? manifest.archive.parts[i]
      if (want && want.sha256 !== p.sha256 && parts.length > 1) differ({ kind: 'part-hash', where: basename(p.path), message: `The part ${basename(p.path)} has changed.`, expected: want.sha256, actual: p.sha256 })
    })
  } finally {
    await archive.close()
  }
}
